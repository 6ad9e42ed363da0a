import Foundation
import Testing
@testable import TalentSite

/// `talentsite new`: both language files, every declared field, required ones marked, no overwriting.
@Suite struct RecordScaffoldTests {
    static let day = Day(year: 2026, month: 11, day: 25)
    static let scaffold = RecordScaffold(tree: TestSite.tree(), day: day)

    @Test func writesBothLanguagesWithEveryDeclaredField() throws {
        let files = try Self.scaffold.files(section: "courses", slug: "welding").get()
        #expect(files.map(\.path) == ["content/courses/welding.zh-TW.md", "content/courses/welding.en.md"])
        let schemaText = try #require(String(data: TestSite.tree().files["content/courses/_section.yaml"]!, encoding: .utf8))
        for field in ["kind", "industries", "region", "provider", "start", "end", "hours", "fee", "subsidy_rate", "seats", "apply_url", "certification"] {
            #expect(schemaText.contains("\n  \(field):"))
            for file in files { #expect(file.text.contains("\n\(field):"), "\(field) missing from \(file.path)") }
        }
        let zh = files[0].text
        #expect(zh.contains("\nhours:                 # required · 時數 · whole number, at least 1\n"))
        #expect(zh.contains("\nfee:                   # optional · 學員自付費用"))
        #expect(zh.contains("\ndate: 2026-11-25 "))
        #expect(files[1].text.contains("# required · Hours · whole number, at least 1; same as the zh-TW file"))
    }

    /// Left as written, the build asks for exactly the required fields: every key is one the section accepts.
    @Test func unfilledFilesFailOnlyOnTheRequiredFields() throws {
        let files = try Self.scaffold.files(section: "courses", slug: "welding").get()
        var overrides: [String: String] = [:]
        for file in files { overrides[file.path] = file.text }
        let errors = TestSite.errors(overrides)
        let missing = Set(errors.compactMap { $0.firstMatch(of: /missing required field '([a-z_]+)'/).map { String($0.1) } })
        #expect(missing == ["title", "kind", "industries", "region", "provider", "start", "end", "hours"])
        #expect(errors.allSatisfy { $0.contains("missing required field") })
    }

    @Test func filledInFilesBuild() throws {
        let files = try Self.scaffold.files(section: "courses", slug: "welding").get()
        let values = ["kind": "bootcamp", "industries": "[materials]", "region": "south", "start": "2027-01-04",
                      "end": "2027-02-26", "hours": "160"]
        var overrides: [String: String] = [:]
        for file in files {
            var text = file.text
            let isZh = file.path.hasSuffix(".zh-TW.md")
            let filled = values.merging(["title": isZh ? "焊接班" : "Welding", "provider": isZh ? "單位" : "Provider"]) { given, _ in given }
            for (key, value) in filled {
                text = text.replacingOccurrences(of: "\n\(key):", with: "\n\(key): \(value)")
            }
            overrides[file.path] = text
        }
        let result = TestSite.build(TestSite.tree(overrides))
        #expect(result.diagnostics == [])
        #expect(result.output.text("courses/welding/index.html")?.contains("焊接班") == true)
        #expect(result.output.text("en/courses/welding/index.html")?.contains("Welding") == true)
    }

    @Test func refusesExistingRecordsBadSlugsAndUnknownSections() {
        func message(_ section: String, _ slug: String) -> String? {
            if case .failure(let diagnostic) = Self.scaffold.files(section: section, slug: slug) { return diagnostic.description }
            return nil
        }
        #expect(message("courses", "cnc") == "content/courses/cnc.zh-TW.md:1:1: error: already exists; not overwriting it (edit it, or pick another slug)")
        #expect(message("courses", "Bad_Slug")?.contains("invalid slug 'Bad_Slug'") == true)
        #expect(message("courses", "-x")?.contains("invalid slug") == true)
        #expect(message("course", "x")?.hasPrefix("content/course:1:1: error: no section 'course'; sections: awards, certifications, courses") == true)
        #expect(message("awards", "x")?.contains("is a table: add a row to content/awards/winners.csv") == true)
    }

    @Test func writingNeverReplacesAFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/news"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = ScaffoldFile(path: "content/news/a.zh-TW.md", text: "new")
        try RecordScaffold.write([file], root: root)
        #expect(throws: Diagnostic.self) { try RecordScaffold.write([ScaffoldFile(path: file.path, text: "other")], root: root) }
        #expect(try String(contentsOf: root.appendingPathComponent(file.path), encoding: .utf8) == "new")
    }
}
