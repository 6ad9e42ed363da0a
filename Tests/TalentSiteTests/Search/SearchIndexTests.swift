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
        let shards = try shardFiles(files, folder: folder, manifest: manifest)
        let filters = files[folder + (manifest["filters"] as? String ?? "")]
        return (SearchIndexReader(manifest: manifestBytes, shards: shards, filters: filters), manifest)
    }

    /// The term shards, as `search.js` names them: `t/<shard>.<shardTag>.json` for each of `shardCount`.
    static func shardFiles(_ files: [String: [UInt8]], folder: String, manifest: [String: Any]) throws -> [[UInt8]] {
        let count = try #require(manifest["shardCount"] as? Int), tag = try #require(manifest["shardTag"] as? String)
        return try (0..<count).map { try #require(files[folder + "t/\($0).\(tag).json"]) }
    }

    /// Document `doc`'s fragment, found as `search.js` finds it: in the chunk the manifest's counts point to.
    static func fragment(_ folder: String, _ doc: Int, _ manifest: [String: Any], files: [String: [UInt8]] = output.files) throws -> [String: String] {
        let tag = try #require(manifest["fragmentTag"] as? String)
        let counts = try #require(manifest["fragmentCounts"] as? [Int])
        var first = 0
        for (chunk, count) in counts.enumerated() {
            if doc < first + count {
                let bytes = try #require(files[folder + "f/\(chunk).\(tag).json"])
                let fragments = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: String]])
                return fragments[doc - first]
            }
            first += count
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// Every fragment in `folder`'s chunks, as text (one JSON object each), for tests looking for what pages say.
    static func fragmentTexts(_ files: [String: [UInt8]], folder: String) -> [String] {
        files.filter { $0.key.hasPrefix(folder + "f/") }.values.flatMap { bytes -> [String] in
            let objects = (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any]) ?? []
            return objects.compactMap { object in
                (try? JSONSerialization.data(withJSONObject: object)).map { String(decoding: $0, as: UTF8.self) }
            }
        }
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
        // Term shards and fragment chunks carry their group's hash (of every file in it), the rest their own.
        var groups: [String: [(Int, [UInt8])]] = [:]
        for path in files {
            let name = path.split(separator: "/").last!.split(separator: ".")
            #expect(name.count == 3, "\(path)")
            let folder = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            if ["t", "f"].contains(folder), let number = Int(name[0]) {
                groups[folder + "." + name[1], default: []].append((number, Self.output.files[path]!))
            } else {
                #expect(name[1] == Substring(FNV1a.tag(Self.output.files[path]!)), "\(path)")
            }
        }
        #expect(Set(groups.keys.map { $0.prefix(1) }) == ["t", "f"], "one hash per group: \(groups.keys.sorted())")
        for (group, members) in groups {
            let ordered = members.sorted { $0.0 < $1.0 }
            #expect(ordered.map(\.0) == Array(0..<ordered.count), "\(group)")
            #expect(group.dropFirst(2) == Substring(FNV1a.groupTag(ordered.map(\.1))), "\(group)")
        }
        #expect(FNV1a.groupTag([[1], [2, 3]]) != FNV1a.groupTag([[1, 2], [3]]) && FNV1a.groupTag([[1]]) != FNV1a.groupTag([[2]]))
    }

    @Test func fragmentsArePackedInChunksOfConsecutiveDocuments() throws {
        for folder in ["search/index/", "en/search/index/"] {
            let (_, manifest) = try Self.reader(folder)
            let documents = try #require(manifest["documents"] as? Int)
            let counts = try #require(manifest["fragmentCounts"] as? [Int])
            #expect(counts.reduce(0, +) == documents && counts.allSatisfy { $0 > 0 })
            #expect(counts.count < documents, "\(folder): \(counts.count) chunks for \(documents) pages")
            let paths = try (0..<documents).map { try Self.fragment(folder, $0, manifest)["u"] ?? "" }
            #expect(Set(paths).count == documents && paths.allSatisfy { $0.hasPrefix("/") })
            #expect(Self.output.files.keys.filter { $0.hasPrefix(folder + "f/") }.count == counts.count)
        }
        // Thousands of pages make hundreds of chunks, each within the size bounds unless one fragment is bigger.
        let fragments = (0..<5_000).map { "{\"u\":\"/p/\($0)/\",\"x\":\"" + String(repeating: "字", count: 100 + $0 % 700) + "\"}" }
        let packed = SearchFragmentChunks(fragments: fragments)
        #expect(packed.chunks.count > 100 && packed.chunks.count <= 2 * SearchFragmentChunks.chunkCount, "\(packed.chunks.count)")
        #expect(packed.chunks.dropLast().allSatisfy { $0.count <= SearchFragmentChunks.maximumBytes })
        let decoded = packed.chunks.flatMap { (try? JSONSerialization.jsonObject(with: Data($0)) as? [[String: String]]) ?? [] }
        #expect(decoded.map { $0["u"] ?? "" } == (0..<5_000).map { "/p/\($0)/" })
        #expect(packed.locate(0)?.chunk == 0 && packed.locate(4_999)?.chunk == packed.chunks.count - 1 && packed.locate(5_000) == nil)
        let huge = SearchFragmentChunks(fragments: ["{\"x\":\"" + String(repeating: "a", count: 100_000) + "\"}", "{}"])
        #expect(huge.counts == [1, 1], "a fragment above the maximum gets a chunk of its own")
        #expect(SearchFragmentChunks(fragments: []).chunks.isEmpty)
    }

    @Test func blockTextDoesNotRunTogether() throws {
        let page = Array("<html><body><nav>選單</nav><main><h1>標題</h1><ul><li>智慧</li><li>機械</li></ul><p>A<b>B</b></p></main></body></html>".utf8)
        let text = try #require(VisibleText(html: page))
        #expect(text.text == "標題\n智慧\n機械\nAB")
        #expect(text.heading == "標題")
        #expect(!SearchTokenizer.indexTerms(text.text).contains("慧機"))
    }

    @Test func indexHoldsWhatPagesSayNotTheirFurniture() throws {
        let en = "en/search/index/"
        // "Apply now" (the button), "Apply" (a field label) and the apply URL are not words of the course.
        #expect(try Self.urls("apply now", folder: en).isEmpty)
        #expect(try !Self.urls("provider", folder: en).contains("/en/courses/cnc-bootcamp/"), "field labels are not indexed")
        #expect(try Self.urls("example", folder: en).isEmpty, "URLs are not indexed")
        #expect(try !Self.urls("Open for applications", folder: en).contains("/en/courses/cnc-bootcamp/"), "the status badge is not indexed")
        // Field values are: the provider's name and the region.
        #expect(try Self.urls("精密機械研究發展中心").contains("/courses/cnc-bootcamp/"))
        // The text starts with what the page says (summary, body), field values after.
        let (reader, manifest) = try Self.reader(en)
        let doc = try #require(reader.search("machining").first)
        let text = try Self.fragment(en, doc, manifest)["x"] ?? ""
        // The title is the result's heading: the text leaves it out.
        #expect(text.hasPrefix("Learn CNC machining"), "\(text.prefix(80))")
        #expect(!text.contains("Apply now") && !text.contains("https://"), "\(text)")
        #expect(try Self.fragment(en, doc, manifest)["k"] == "open" && Self.fragment(en, doc, manifest)["b"] == "Open for applications")
    }

    @Test func variantCharactersAndTypedPrefixesMatch() throws {
        #expect(try Self.urls("台北科技大學") == ["/programmes/ntut-smart-manufacturing/"], "臺 in the page, 台 in the query")
        #expect(try Self.urls("臺達電子") == ["/programmes/ntut-smart-manufacturing/"], "台 in the page, 臺 in the query")
        let folder = "en/search/index/"
        let (_, manifest) = try Self.reader(folder)
        let prefixTags = try #require(manifest["prefixes"] as? [String])
        let prefixes = try prefixTags.enumerated().map { index, tag in try #require(Self.output.files[folder + "p/\(index).\(tag).json"]) }
        let files = Self.output.files
        let manifestBytes = try #require(files[folder + "manifest.json"])
        let shards = try Self.shardFiles(files, folder: folder, manifest: manifest)
        let reader = SearchIndexReader(manifest: manifestBytes, shards: shards, prefixes: prefixes)
        func urls(_ query: String) throws -> [String] { try reader.search(query).map { try Self.fragment(folder, $0, manifest)["u"] ?? "?" } }
        #expect(try urls("machin").contains("/en/courses/cnc-bootcamp/"), "machin → machining")
        #expect(try urls("smart boot").first == "/en/courses/cnc-bootcamp/")
        #expect(try urls("boot smart").isEmpty, "only the last word is a prefix: no page has the word 'boot'")
        #expect(try urls("boot ").isEmpty, "a finished word (space after it) is matched whole")
        #expect(manifest["variants"] as? String == SearchVariants.serialized)
    }

    @Test func theWordBeingTypedFindsTheWordsItBegins() throws {
        let course = TestSite.course(title: "Chip course", provider: "P", body: "Semiconductor packaging with AIoT sensors and certification.")
        let output = TestSite.build(TestSite.tree(["content/courses/chip.zh-TW.md": TestSite.course(title: "晶片班", provider: "單位"),
                                                   "content/courses/chip.en.md": course])).output
        let folder = "en/search/index/"
        let manifestBytes = try #require(output.files[folder + "manifest.json"])
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(manifestBytes)) as? [String: Any])
        let shards = try Self.shardFiles(output.files, folder: folder, manifest: manifest)
        let prefixes = try (manifest["prefixes"] as? [String] ?? []).enumerated().map { try #require(output.files[folder + "p/\($0).\($1).json"]) }
        let reader = SearchIndexReader(manifest: manifestBytes, shards: shards, prefixes: prefixes)
        for query in ["semicond", "AI", "cert", "packag", "chip semicond"] {
            #expect(reader.search(query).count == 1, "\(query)")
        }
        #expect(reader.search("semicond ").isEmpty, "a word followed by a space is whole")
        #expect(SearchIndexReader(manifest: manifestBytes, shards: shards).search("semicond").isEmpty, "without prefix shards, no expansion")
    }

    @Test func searchPageWorksFromAnySubPath() throws {
        let page = try CatalogueTests.page("en/search/index.html")
        let box = try #require(page.all("div").first { $0["id"] == "search" })
        #expect(box["data-index"] == "index/")
        #expect(box["data-root"] == "../../")
        #expect(page.all("script").contains { $0["src"]?.wholeMatch(of: /\.\.\/\.\.\/search\.[0-9a-f]{12}\.js/) != nil })
        #expect(page.all("legend").map(\.text).contains("Industry"))
        #expect(page.all("p").contains { $0["role"] == "status" && $0["aria-live"] == "polite" })
    }
}
