import Foundation
import Testing
@testable import TalentSite

/// Files saved by any editor: a UTF-8 byte-order mark and CRLF or CR line ends build the same site as LF
/// files and keep error positions; bytes that are not UTF-8 are named by line and column, with a hint when
/// they look like Big5 or UTF-16.
@Suite struct TextEncodingTests {
    /// How an editor may save a text file.
    enum Style: String, CaseIterable, CustomTestStringConvertible {
        case bomCRLF, crOnly, crlf, bomLF
        var testDescription: String { rawValue }

        func save(_ text: String) -> Data {
            let lineEnd = switch self { case .bomCRLF, .crlf: "\r\n"; case .crOnly: "\r"; case .bomLF: "\n" }
            let bom: [UInt8] = self == .bomCRLF || self == .bomLF ? [0xEF, 0xBB, 0xBF] : []
            return Data(bom + Array(text.replacingOccurrences(of: "\n", with: lineEnd).utf8))
        }
    }

    /// Which source files are re-saved: Markdown records, YAML (site, schemas, template strings), or CSV.
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case markdown, yaml, csv
        var testDescription: String { rawValue }

        func matches(_ path: String) -> Bool {
            switch self {
            case .markdown: path.hasSuffix(".md")
            case .yaml: path.hasSuffix(".yaml")
            case .csv: path.hasSuffix(".csv")
            }
        }
    }

    /// The base site with a multi-line Markdown body and a CSV cell holding a line break, so both are crossed.
    static func lfTree() -> MemorySourceTree {
        TestSite.tree([
            "content/courses/cnc.zh-TW.md": TestSite.course(title: "智慧機械養成班", provider: "精密機械研究發展中心",
                                                           body: "第一段。\n\n- 一\n- 二\n\n```\ncode line\n```"),
            "content/awards/winners.csv": "year,category,slug,name_zh,name_en,citation_zh,citation_en\n"
                + "2025,sme,acme,甲公司,Acme,\"第一行\n第二行\",\"Line one\nline two\"\n",
        ])
    }

    static func resaved(_ tree: MemorySourceTree, _ kind: Kind, as style: Style) -> MemorySourceTree {
        var tree = tree
        for (path, data) in tree.files where kind.matches(path) {
            tree.files[path] = style.save(String(decoding: data, as: UTF8.self))
        }
        return tree
    }

    @Test(arguments: Kind.allCases, Style.allCases)
    func resavedFilesBuildTheSameSite(kind: Kind, style: Style) throws {
        let lf = TestSite.build(Self.lfTree())
        let tree = Self.resaved(Self.lfTree(), kind, as: style)
        #expect(tree.files != Self.lfTree().files)
        let other = TestSite.build(tree)
        #expect(lf.diagnostics == [])
        #expect(other.diagnostics == [])
        #expect(lf.output.files.count > 20)
        #expect(Set(other.output.files.keys) == Set(lf.output.files.keys))
        for (path, bytes) in lf.output.files where other.output.files[path] != bytes {
            Issue.record("\(path) differs when \(kind) files are saved as \(style)")
        }
        #expect(lf.output.text("awards/acme/index.html")?.contains("第一行\n第二行") == true)
    }

    /// Broken files of each kind: their errors are the same, at the same line:column, whatever the line ends.
    @Test(arguments: Style.allCases)
    func errorPositionsDoNotMove(style: Style) throws {
        let broken: [String: String] = [
            "content/courses/cnc.zh-TW.md": TestSite.course(title: "班", provider: "單位", hours: "many",
                                                           body: "第一段。\n\n見 [這裡](/nowhere/)。"),
            "content/courses/cnc.en.md": TestSite.course(title: "C", provider: "P")
                .replacingOccurrences(of: "region: central", with: "region: [central"),
            "content/awards/winners.csv": "year,category,slug,name_zh,name_en,citation_zh,citation_en\n"
                + "2025,sme,acme,\"甲\n公司\",Acme,好,Good\n2024,big,beta,乙,B,好,Good\n",
            "content/pages/index.en.md": "---\ntitle: Home\ndate: 2026-01-05\n---\n\nSee\n[there](/nowhere/).\n",
        ]
        let lfErrors = TestSite.errors(broken)
        #expect(lfErrors.contains("content/courses/cnc.zh-TW.md:10:8: error: 'hours' must be an integer, not \"many\""), "\(lfErrors)")
        #expect(lfErrors.contains { $0.hasPrefix("content/courses/cnc.en.md:7:") }, "\(lfErrors)")
        #expect(lfErrors.contains { $0.hasPrefix("content/pages/index.en.md:7:1: error: ") }, "\(lfErrors)")
        #expect(lfErrors.contains { $0.hasPrefix("content/awards/winners.csv:4:6: error: row 2, column 'category'") }, "\(lfErrors)")
        var tree = TestSite.tree(broken)
        for path in broken.keys { tree.files[path] = style.save(broken[path]!) }
        #expect(TestSite.build(tree).diagnostics.filter { $0.contains(": error: ") } == lfErrors)
    }

    @Test func markdownWithBOMAndCRLFIsNotMissingItsFrontMatter() {
        var tree = TestSite.tree()
        let path = "content/pages/index.en.md"
        tree.files[path] = Style.bomCRLF.save("---\ntitle: Home\ndate: 2026-01-05\n---\n\nWelcome.\n")
        let result = TestSite.build(tree)
        #expect(result.diagnostics == [])
        #expect(result.output.text("en/index.html")?.contains("Welcome.") == true)
    }

    // MARK: encodings that are not UTF-8

    /// `2025,sme,acme,測試公司,Acme,好,Good` as Excel saves it on a zh-TW Windows (cp950, from Python's codec).
    static let big5Row: [UInt8] = [
        0x32, 0x30, 0x32, 0x35, 0x2C, 0x73, 0x6D, 0x65, 0x2C, 0x61, 0x63, 0x6D, 0x65, 0x2C, 0xB4, 0xFA, 0xB8, 0xD5,
        0xA4, 0xBD, 0xA5, 0x71, 0x2C, 0x41, 0x63, 0x6D, 0x65, 0x2C, 0xA6, 0x6E, 0x2C, 0x47, 0x6F, 0x6F, 0x64, 0x0D, 0x0A,
    ]

    @Test func big5WinnersFileNamesTheFirstBadByteAndTheFix() {
        var tree = TestSite.tree()
        let path = "content/awards/winners.csv"
        tree.files[path] = Data(Array("year,category,slug,name_zh,name_en,citation_zh,citation_en\r\n".utf8) + Self.big5Row)
        #expect(TestSite.build(tree).diagnostics == [
            "\(path):2:15: error: not valid UTF-8: byte 0xB4 here; the bytes look like Big5 (cp950), as Excel and Notepad"
                + " save on a zh-TW Windows: re-save the file as UTF-8 (in Excel: Save As > \"CSV UTF-8\")",
        ])
    }

    @Test func badByteColumnCountsCharactersOfTheLineBeforeIt() {
        var tree = TestSite.tree()
        let path = "content/pages/index.zh-TW.md"
        tree.files[path] = Data(Style.bomCRLF.save("---\ntitle: 首頁").map { $0 } + [0xFF] + Array("\r\ndate: 2026-01-05\r\n---\r\n".utf8))
        #expect(TestSite.errors([:]).isEmpty)
        #expect(TestSite.build(tree).diagnostics == ["\(path):2:10: error: not valid UTF-8: byte 0xFF here; re-save the file as UTF-8"])
    }

    static func utf16LE(_ text: String, bom: Bool) -> Data {
        Data((bom ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    @Test func utf16FilesAreRecognised() {
        var tree = TestSite.tree()
        tree.files["content/pages/index.en.md"] = Self.utf16LE("---\ntitle: Home\ndate: 2026-01-05\n---\n\nWelcome.\n", bom: true)
        tree.files["content/awards/winners.csv"] = Self.utf16LE(TestSite.winnersCSV, bom: false)
        let errors = TestSite.build(tree).diagnostics
        #expect(errors.contains("content/pages/index.en.md:1:1: error: file is UTF-16 (byte-order mark FF FE, little-endian), not UTF-8; re-save the file as UTF-8"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/awards/winners.csv:1:2: error: file looks like UTF-16 (every other byte is NUL)") }, "\(errors)")
    }

    @Test func templateInBig5IsNamedWithItsPosition() {
        var tree = TestSite.tree()
        let path = "templates/facts.mustache"
        tree.files[path] = Data(Array("<dl>\r\n<dt>".utf8) + [0xB4, 0xFA, 0xB8, 0xD5] + Array("</dt>\r\n".utf8))
        let diagnostics = TestSite.build(tree).diagnostics
        #expect(diagnostics.contains { $0.hasPrefix("\(path):2:5: error: not valid UTF-8: byte 0xB4 here; the bytes look like Big5 (cp950)") },
                "\(diagnostics)")
    }

    @Test func big5GuessNeedsEveryNonASCIIByteToPairUp() {
        #expect(EncodingProblem.looksLikeBig5(Self.big5Row))
        #expect(!EncodingProblem.looksLikeBig5(Array("plain".utf8)))
        #expect(!EncodingProblem.looksLikeBig5([0x41, 0xB4, 0x0A]))  // a lead byte with no trail
        #expect(!EncodingProblem.looksLikeBig5([0x80, 0x41]))  // 0x80 leads nothing in Big5
        #expect(!EncodingProblem.looksLikeBig5([0x63, 0x61, 0x66, 0xE9, 0x2C, 0x72, 0xE9, 0x73]))  // Latin-1 "café,rés"
        #expect(!EncodingProblem.looksLikeBig5(Array("測試公司".utf8) + [0xB4]))  // UTF-8 with one stray byte
        #expect(EncodingProblem.find(in: Array("title: a\u{0}b\n".utf8)) == nil)  // one NUL is valid UTF-8, not UTF-16
        #expect(EncodingProblem.firstInvalidUTF8(Array("好".utf8) + [0xC0, 0xAF]) == 3)  // overlong '/'
        #expect(EncodingProblem.firstInvalidUTF8(Array("好".utf8)) == nil)
    }

    @Test func normalisingLineEnds() {
        #expect(SourceText.normalized("\u{FEFF}a\r\nb\rc\n\r\n\r") == "a\nb\nc\n\n\n")
        #expect(SourceText.normalized("a\u{FEFF}\n") == "a\u{FEFF}\n")
        #expect(SourceText.lineEnd(of: "a\r\nb") == "\r\n" && SourceText.lineEnd(of: "a\rb") == "\r")
        #expect(SourceText.lineEnd(of: "a\nb\r\n") == "\n" && SourceText.lineEnd(of: "ab") == "\n")
    }
}
