import Foundation
import Testing
@testable import TalentSite

/// One file of test vectors holds the Swift tokenizer and the JavaScript one (`search.js`) to the same
/// answers, so the index and the browser can never disagree on what a term is.
@Suite struct SearchTokenizerTests {
    struct Vector: Decodable {
        var text: String
        var index: [String]
        var query: [String]
        /// The word being typed that expands to longer words ("" for none), when the vector says.
        var typed: String?
    }

    static let vectors: [Vector] = {
        let url = TestSite.fixtures.appendingPathComponent("search/tokenizer-vectors.json")
        return (try? JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func vectorsFileIsReadAndLargeEnough() {
        #expect(Self.vectors.count >= 25)
    }

    @Test(arguments: vectors.map(\.text))
    func swiftMatchesTheVector(_ text: String) throws {
        let vector = try #require(Self.vectors.first { $0.text == text })
        #expect(SearchTokenizer.indexTerms(text) == vector.index)
        #expect(SearchTokenizer.queryTerms(text) == vector.query)
        if let typed = vector.typed {
            #expect((SearchTokenizer.typedPrefix(text) ?? "") == typed)
        }
    }

    @Test func everyVariantPairIsCoveredByAVector() {
        for pair in SearchVariants.pairs {
            let variant = String(Character(pair.variant))
            #expect(Self.vectors.contains { $0.text.contains(variant) }, "no vector holds \(variant)")
        }
        for required in ["台", "臺", "裡", "裏", "著", "着", "為", "爲", "眾", "衆", "啟", "啓", "線", "綫", "峰", "峯", "群", "羣", "衛", "衞"] {
            #expect(Self.vectors.contains { $0.text.contains(required) }, "the issue's pairs: \(required)")
        }
    }

    @Test func javaScriptMatchesTheSameVectorsAndShardHash() throws {
        let (status, output) = try ExternalTool.run("node", [ExternalTool.repositoryFile("Tests/Search/tokenizer-vectors.js"),
                                                                     SearchVariants.serialized])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(Self.vectors.count)/\(Self.vectors.count) vectors pass"))
        let hashes = ["", "a", "機器", "green"].map { String(FNV1a.hash32($0.utf8)) }.joined(separator: " ")
        #expect(output.contains("fnv32 \(hashes)"), "shard hash differs: \(output)")
    }

    @Test func everyPageWithTheCharactersInSequenceMatches() {
        // The guarantee behind bigrams: a query's terms are a subset of the terms of any text containing it.
        let texts = ["課程以智慧機械與機器視覺為主", "Green energy training courses in 台中", "ＡＩ人才培育２０２６"]
        let queries = ["機器視覺", "機", "智慧機械", "training course", "台中", "ai人才", "2026", "AI 人才 2026"]
        for text in texts {
            let indexed = Set(SearchTokenizer.indexTerms(text))
            for query in queries where SearchTokenizer.folded(text).description.contains(SearchTokenizer.folded(query).description) {
                #expect(Set(SearchTokenizer.queryTerms(query)).isSubset(of: indexed), "\(query) in \(text)")
            }
        }
    }
}
