import Foundation
import Testing
@testable import TalentSite

/// The byte-level tokenizer, folding table, per-page term counts and postings against the previous
/// straightforward code (`ReferenceSearch`), on generated mixed texts and on the shipped content.
/// Terms are compared as bytes: `[String] ==` would let canonically equivalent spellings pass.
@Suite struct SearchFastPathTests {
    static func bytes(_ terms: [String]) -> [[UInt8]] { terms.map { Array($0.utf8) } }

    @Test func theFoldingTableFoldsEveryBMPScalarAsTheReferenceDoes() {
        var slowEntries = 0
        var wrong: [String] = []
        for value in 0..<UInt32(0x10000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let reference = SearchFolding.reference(scalar)  // asks the full lower-case mapping of every scalar
            let entry = SearchFolding.table[Int(value)]
            if entry == SearchFolding.slow {
                slowEntries += 1
                if reference.count == 1 && reference[0].value < 0xFFFF { wrong.append("U+\(String(value, radix: 16)) needlessly slow") }
            } else if reference.map(\.value) != [UInt32(entry)] {
                wrong.append("U+\(String(value, radix: 16))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(slowEntries < 20, "multi-scalar foldings are rare (İ)")
        #expect(SearchFolding.table[0x0130] == SearchFolding.slow)
        #expect(SearchFolding.table[0xFF21] == 0x61, "Ａ → a")
        #expect(SearchFolding.table[0x81FA] == 0x53F0, "臺 → 台")
    }

    @Test func chineseExtensionsFoldToThemselves() {
        let changed = (UInt32(0x20000)...0x2FA1F).filter { value in
            Unicode.Scalar(value).map { SearchFolding.reference($0) != [$0] } ?? false
        }
        #expect(changed.isEmpty, "\(changed.map { String($0, radix: 16) })")
    }

    @Test func foldingAWholeTextIsFoldingEachScalar() {
        // The table rests on this: String.lowercased() has no context rule (Greek final sigma included).
        for text in MixedText.texts(500) + ["ΟΔΟΣ ΑΣ.", "ΣΑΣ", "İİ"] {
            let whole = SearchTokenizer.folded(text).map(\.value)
            let each = text.unicodeScalars.flatMap { SearchFolding.reference($0) }.map(\.value)
            #expect(whole == each, "\(text.debugDescription)")
        }
    }

    @Test func termsMatchTheReferenceOnMixedTexts() {
        for text in MixedText.texts(3000) {
            #expect(Self.bytes(SearchTokenizer.indexTerms(text)) == Self.bytes(ReferenceSearch.indexTerms(text)), "\(text.debugDescription)")
            #expect(Self.bytes(SearchTokenizer.queryTerms(text)) == Self.bytes(ReferenceSearch.queryTerms(text)), "\(text.debugDescription)")
        }
    }

    @Test func termsMatchTheReferenceOnTheShippedContent() throws {
        let root = TestSite.root.appendingPathComponent("content")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { ["md", "csv", "yaml"].contains($0.pathExtension) }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(Self.bytes(SearchTokenizer.indexTerms(text)) == Self.bytes(ReferenceSearch.indexTerms(text)), "\(file.lastPathComponent)")
            #expect(Self.bytes(SearchTokenizer.queryTerms(text)) == Self.bytes(ReferenceSearch.queryTerms(text)), "\(file.lastPathComponent)")
        }
    }

    @Test func stemmingOnBytesIsTheStringStemmer() {
        let words = ["a", "bus", "buses", "studies", "ties", "classes", "glasses", "analysis", "status", "training", "ring",
                     "tested", "bed", "courses", "cafés", "résumés", "naïvetés", "x2ies", "ﬁ", "ßing", "éing", "ɏɏɏed", "studying"]
        for word in words {
            var bytes = Array(word.utf8)
            SearchTermScanner.stem(&bytes)
            #expect(bytes == Array(ReferenceSearch.stem(word).utf8), "\(word)")
        }
    }

    @Test func documentCountsMatchTheReference() {
        var generator = MixedText(seed: 7)
        for text in MixedText.texts(1000, seed: 99) {
            let title = generator.text(maxPieces: 6)
            let document = SearchDocument(path: "/", title: title, sectionLabel: "", text: text, filters: [:])
            let reference = ReferenceSearch.documentTerms(text: text, title: title)
            let got = Dictionary(zip(Self.bytes(document.terms), document.weights), uniquingKeysWith: { _, _ in 0 })
            let want = Dictionary(uniqueKeysWithValues: reference.terms.map { (Array($0.key.utf8), $0.value) })
            #expect(got == want, "\(text.debugDescription) / \(title.debugDescription)")
            #expect(document.length == reference.length)
        }
    }

    @Test func canonicallyEquivalentHanTermsAreOneTermSpelledAsFirstSeen() {
        // U+F900 is canonically U+8C48 (豈); か + U+3099 is が. String keys always merged them.
        let document = SearchDocument(path: "/", title: "\u{F900}", sectionLabel: "", text: "\u{F900}是 豈 か\u{3099} が",
                                      filters: [:])
        let terms = Dictionary(zip(Self.bytes(document.terms), document.weights), uniquingKeysWith: { _, _ in 0 })
        #expect(terms[Array("\u{F900}".utf8)] == UInt32(5), "2 in the text, one in the title")
        #expect(terms[Array("\u{8C48}".utf8)] == nil)
        #expect(terms[Array("か".utf8)] == 1 << 1)
        #expect(terms[Array("\u{3099}".utf8)] == 1 << 1)
        #expect(terms[Array("か\u{3099}".utf8)] == 2 << 1, "the pair か゛ and the single が are one term")
    }

    @Test func theIndexShardsMatchTheReference() throws {
        // Enough text for several shards, and documents spelling equivalent Han terms differently.
        var generator = MixedText(seed: 11)
        var texts = (0..<400).map { _ in generator.text(maxPieces: 150) }
        texts += ["\u{8C48}與\u{F900}", "\u{F900}與\u{8C48}", "が か\u{3099}", ""]
        let titles = texts.indices.map { _ in generator.text(maxPieces: 5) }
        let documents = zip(texts, titles).map { text, title in
            SearchDocument(path: "/", title: title, sectionLabel: "", text: text, filters: [:])
        }
        let language = Language(code: "en", htmlLang: "en", prefix: "en", name: "English", siteTitle: "", siteDescription: "")
        let output = try SearchIndexBuilder(language: language, facets: [], folder: "/search/").build(documents)
        let reference = ReferenceSearch.shards(zip(texts, titles).map { ReferenceSearch.documentTerms(text: $0, title: $1) })
        #expect(output.shards.count > 1)
        #expect(output.shards == reference.shards)
        #expect(output.prefixes == reference.prefixes)
    }

    @Test func decimalsAreStringDecimals() {
        for number in [0, 1, 9, 10, 99, 100, 12345, Int(Int32.max), Int.max] {
            var bytes: [UInt8] = []
            SearchPostings.appendDecimal(number, to: &bytes)
            #expect(bytes == Array(String(number).utf8))
        }
    }

    @Test func theTermTableNumbersDistinctTermsAndGrows() {
        var table = SearchTermTable(capacity: 1)
        for round in 0..<2 {
            for number in 0..<5000 {
                let term = Array(String(number).utf8)
                let found = term.withUnsafeBufferPointer { table.insert($0) }
                #expect(found.index == number && found.inserted == (round == 0))
            }
        }
        #expect(table.count == 5000)
        #expect(Array("4999".utf8).withUnsafeBufferPointer { table.find($0) } == 4999)
        #expect(Array("5000".utf8).withUnsafeBufferPointer { table.find($0) } == nil)
    }

    @Test func fragmentsAreTheJSONValueSerialization() {
        var texts = MixedText.texts(2000, seed: 41)
        texts += ["\u{0}\u{1}\u{1F}\u{7F}", "a\"b\\c\n\r\t</script>&", "\u{2028}\u{2029}\u{2027}\u{202A}", "\u{E2}\u{80}"]
        let labels = ["open": "報名中"]
        for (index, text) in texts.enumerated() {
            var quoted: [UInt8] = []
            SearchFragmentChunks.appendQuoted(text, to: &quoted)
            #expect(quoted == Array(JSONValue.string(text).serialized.utf8), "\(text.debugDescription)")
            let filters: [String: [String]] = index % 3 == 0 ? [SearchFacets.status: [index % 2 == 0 ? "open" : "closed"]] : [:]
            var document = SearchDocument(path: "/p/\(index)/", title: text, sectionLabel: "課程", text: "", filters: filters)
            document.setExcerpt(text)
            var fields: [(String, JSONValue)] = [("u", .string(document.path)), ("t", .string(document.title)),
                                                 ("s", .string(document.sectionLabel)), ("x", .string(text))]
            if let status = filters[SearchFacets.status]?.first {
                fields += [("k", .string(status)), ("b", .string(labels[status] ?? status))]
            }
            #expect(SearchFragmentChunks.fragment(document, statusLabels: labels) == Array(JSONValue.object(fields).serialized.utf8))
        }
    }

    @Test func documentsWriteTheirFragmentsStraightIntoTheChunks() {
        let labels = ["open": "報名中", "closed": "已截止"]
        let documents = MixedText.texts(1500, seed: 43).enumerated().map { index, text in
            let filters: [String: [String]] = index % 4 == 0 ? [:] : [SearchFacets.status: [["open", "closed", "draft"][index % 3]]]
            return SearchDocument(path: "/p/\(index)/", title: "T\(index)", sectionLabel: "課程", text: text, filters: filters)
        }
        let direct = SearchFragmentChunks(documents: documents, statusLabels: labels)
        let copied = SearchFragmentChunks(fragmentBytes: documents.map { SearchFragmentChunks.fragment($0, statusLabels: labels) })
        #expect(direct.chunks == copied.chunks && direct.counts == copied.counts)
        #expect(direct.chunks.count > 1)
    }

    @Test func theExcerptIsTheTextsPrefixWithoutItsHeading() {
        let long = String(repeating: "語", count: SearchIndexBuilder.fragmentLimit + 50)
        for (title, text, excerpt) in [("Title", "Title\nBody", "Body"), ("Title", "Other\nBody", "Other\nBody"),
                                       ("T", long, String(long.prefix(SearchIndexBuilder.fragmentLimit)))] {
            let document = SearchDocument(path: "/a/", title: title, sectionLabel: "S", text: text, filters: [:])
            let fields: [(String, JSONValue)] = [("u", .string("/a/")), ("t", .string(title)), ("s", .string("S")), ("x", .string(excerpt))]
            #expect(SearchFragmentChunks.fragment(document, statusLabels: [:]) == Array(JSONValue.object(fields).serialized.utf8))
        }
    }

    @Test func chunksOfByteFragmentsAreChunksOfStringFragments() {
        let fragments = (0..<3000).map { "{\"x\":\"" + String(repeating: "機", count: $0 % 97) + "\"}" }
        let reference = ReferenceSearch.chunks(fragments)
        let fromBytes = SearchFragmentChunks(fragmentBytes: fragments.map { Array($0.utf8) })
        #expect(reference.chunks == fromBytes.chunks && reference.counts == fromBytes.counts)
        #expect(fromBytes.chunks.count > 1)
        let joined = fromBytes.chunks.map { String(decoding: $0, as: UTF8.self) }
        #expect(joined.first?.hasPrefix("[{") == true && joined.allSatisfy { $0.hasSuffix("}]") })
    }
}
