import Foundation
import Testing
@testable import TalentSite

/// Content-hashed stylesheet and search script: names that change with the bytes, SRI that Python's hashlib
/// agrees with, every page loading the hashed copies, pages staying at their clean URLs.
@Suite struct HashedAssetsTests {
    static let built = TestSite.build(TestSite.tree()).output.files

    /// `sha384-<base64>` and the first 12 hex digits of SHA-384, by Python's hashlib (not our code).
    static func pythonDigests(_ bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("asset-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let run = try ExternalTool.run("python3", ["-c", """
            import base64, hashlib, sys
            data = open(sys.argv[1], 'rb').read()
            print('sha384-' + base64.b64encode(hashlib.sha384(data).digest()).decode(), hashlib.sha384(data).hexdigest()[:12])
            """, file.path])
        #expect(run.status == 0, "\(run.output)")
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func hashedCopiesHaveTheBytesAndIntegrityOfTheirSource() throws {
        for (name, pattern) in [("style.css", /style\.([0-9a-f]{12})\.css/), ("search.js", /search\.([0-9a-f]{12})\.js/)] {
            let source = try #require(Self.built[name], "the plain \(name) is still written")
            let hashed = try #require(Self.built.keys.first { $0.wholeMatch(of: pattern) != nil }, "no hashed \(name)")
            #expect(Self.built[hashed] == source)
            let asset = HashedAssets.asset(name, bytes: source)
            #expect(asset.file == hashed)
            let match = try #require(hashed.wholeMatch(of: pattern))
            #expect(try Self.pythonDigests(source) == asset.integrity + " " + String(match.1))
        }
    }

    @Test func everyPageLoadsTheHashedStylesheetWithIntegrity() throws {
        let styleBytes = try #require(Self.built["style.css"])
        let style = HashedAssets.asset("style.css", bytes: styleBytes)
        let pages = Self.built.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.contains("courses/cnc/index.html") && pages.contains("en/courses/cnc/index.html"))
        for path in pages {
            let bytes = try #require(Self.built[path])
            let page = try #require(HTMLDocument(html: String(decoding: bytes, as: UTF8.self)))
            let sheets = page.all("link").filter { $0["rel"] == "stylesheet" }
            #expect(sheets.count == 1 && sheets.first?["href"] == "/" + style.file && sheets.first?["integrity"] == style.integrity, "\(path)")
        }
        let scriptBytes = try #require(Self.built["search.js"])
        let script = HashedAssets.asset("search.js", bytes: scriptBytes)
        let searchBytes = try #require(Self.built["search/index.html"])
        let search = try #require(HTMLDocument(html: String(decoding: searchBytes, as: UTF8.self)))
        #expect(search.all("script").contains { $0["src"] == "../" + script.file && $0["integrity"] == script.integrity })
    }

    @Test func anEditedStylesheetGetsANewName() throws {
        let tree = TestSite.tree()
        var files = tree.files
        files["templates/static/style.css"] = (files["templates/static/style.css"] ?? Data()) + Data("\nbody { color: black; }\n".utf8)
        let edited = TestSite.build(MemorySourceTree(data: files)).output.files
        let old = Self.built.keys.filter { $0.hasPrefix("style.") && $0 != "style.css" }
        let new = edited.keys.filter { $0.hasPrefix("style.") && $0 != "style.css" }
        #expect(old.count == 1 && new.count == 1 && old != new)
        #expect(Self.built.keys.filter { $0.hasPrefix("search.") }.sorted() == edited.keys.filter { $0.hasPrefix("search.") }.sorted())
    }
}
