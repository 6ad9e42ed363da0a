import Foundation
import Testing
@testable import TalentSite

/// The index as written, read back the way the browser reads it: round trips, ranking, filters,
/// hashed names, and the search page itself.
@Suite struct SearchIndexTests {
    static let output = FixtureSiteTests.bilingual.output

    static func reader(_ folder: String) throws -> (SearchIndexReader, [String: Any]) {
        let files = output.files
        let manifestBytes = try #require(files[folder + "manifest.json"])
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(manifestBytes)) as? [String: Any])
        let tags = try #require(manifest["shards"] as? [String])
        let shards = try tags.enumerated().map { index, tag in try #require(files[folder + "t/\(index).\(tag).json"]) }
        let filters = files[folder + (manifest["filters"] as? String ?? "")]
        return (SearchIndexReader(manifest: manifestBytes, shards: shards, filters: filters), manifest)
    }

    static func fragment(_ folder: String, _ doc: Int, _ manifest: [String: Any]) throws -> [String: String] {
        let tags = try #require(manifest["fragments"] as? String)
        let tag = String(tags.dropFirst(doc * 8).prefix(8))
        let bytes = try #require(output.files[folder + "f/\(doc).\(tag).json"])
        return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String])
    }

    static func urls(_ query: String, folder: String = "search/index/", filters: [String: Set<String>] = [:]) throws -> [String] {
        let (reader, manifest) = try reader(folder)
        return try reader.search(query, filters: filters).map { try fragment(folder, $0, manifest)["u"] ?? "?" }
    }

    @Test func everyRecordPageIsIndexedOncePerLanguage() throws {
        let (_, zh) = try Self.reader("search/index/")
        let (_, en) = try Self.reader("en/search/index/")
        // zh: 2 awards, 1 certification, 2 courses (draft left out), 1 news, 1 programme, 5 standalone pages.
        #expect(zh["documents"] as? Int == 12)
        #expect(en["documents"] as? Int == 11)
    }

    @Test func chineseQueriesFindPagesHoldingTheCharactersInSequence() throws {
        let machining = try Self.urls("加工")
        // The certification page lists the course (it prepares for it), so it holds 加工 too, ranked after.
        #expect(machining == ["/courses/cnc-bootcamp/", "/certifications/ipas-iot/"])
        #expect(try Self.urls("ＣＮＣ").contains("/courses/cnc-bootcamp/"))
        #expect(try Self.urls("綠").contains("/courses/green-in-service/"), "one-character queries work")
        let facts = try Self.urls("養成班 中部")
        #expect(facts.contains("/courses/cnc-bootcamp/") && !facts.contains("/courses/green-in-service/"), "facts are indexed")
        #expect(try Self.urls("不存在的詞").isEmpty)
    }

    @Test func titleMatchesRankFirst() throws {
        let results = try Self.urls("物聯網")
        #expect(results.first == "/certifications/ipas-iot/", "the certification has 物聯網 in its title")
        #expect(results.contains("/courses/cnc-bootcamp/"))
    }

    @Test func englishWordsAreStemmed() throws {
        #expect(try Self.urls("machining", folder: "en/search/index/").contains("/en/courses/cnc-bootcamp/"))
        #expect(try Self.urls("BOOTCAMPS", folder: "en/search/index/").contains("/en/courses/cnc-bootcamp/"))
    }

    @Test func filtersCombineWithTextAndWorkAlone() throws {
        #expect(try Self.urls("", filters: ["section": ["courses"]]) == ["/courses/cnc-bootcamp/", "/courses/green-in-service/"])
        #expect(try Self.urls("", filters: ["section": ["courses"], "regions": ["south"]]) == ["/courses/green-in-service/"])
        #expect(try Self.urls("", filters: ["year": ["2024"]]) == ["/awards/2024-sme-hongsheng/"])
        #expect(try Self.urls("物聯網", filters: ["section": ["courses"]]) == ["/courses/cnc-bootcamp/"])
        #expect(try Self.urls("", filters: ["industries": ["iot", "green-energy"], "section": ["courses"]]).count == 2,
                "values of one facet widen, facets narrow")
    }

    @Test func filesAreNamedByTheirContent() throws {
        let files = Self.output.files.keys.filter { $0.hasPrefix("search/index/") && $0 != "search/index/manifest.json" }
        #expect(!files.isEmpty)
        for path in files {
            let name = path.split(separator: "/").last!.split(separator: ".")
            #expect(name.count == 3 && name[1] == Substring(FNV1a.tag(Self.output.files[path]!)), "\(path)")
        }
    }

    @Test func blockTextDoesNotRunTogether() throws {
        let page = Array("<html><body><nav>選單</nav><main><h1>標題</h1><ul><li>智慧</li><li>機械</li></ul><p>A<b>B</b></p></main></body></html>".utf8)
        let text = try #require(VisibleText(html: page))
        #expect(text.text == "標題\n智慧\n機械\nAB")
        #expect(text.heading == "標題")
        #expect(!SearchTokenizer.indexTerms(text.text).contains("慧機"))
    }

    @Test func searchPageWorksFromAnySubPath() throws {
        let page = try CatalogueTests.page("en/search/index.html")
        let box = try #require(page.all("div").first { $0["id"] == "search" })
        #expect(box["data-index"] == "index/")
        #expect(box["data-root"] == "../../")
        #expect(page.all("script").contains { $0["src"] == "../../search.js" })
        #expect(page.all("legend").map(\.text).contains("Industry"))
        #expect(page.all("p").contains { $0["role"] == "status" && $0["aria-live"] == "polite" })
    }
}
