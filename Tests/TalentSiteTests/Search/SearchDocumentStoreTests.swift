import Testing
@testable import TalentSite

/// Search documents past the memory budget go to a spill file and come back as they were: the index built from
/// them is byte for byte the index built from documents in memory, and one that cannot be read back fails the
/// build instead of writing a wrong index.
@Suite struct SearchDocumentStoreTests {
    static let language = Language(code: "en", htmlLang: "en", prefix: "en", name: "English", siteTitle: "", siteDescription: "")
    static let facets = [SearchFacet(name: SearchFacets.status, label: "Status",
                                     values: [.init(key: "open", label: "Open"), .init(key: "closed", label: "Closed")]),
                         SearchFacet(name: "industries", label: "Industry",
                                     values: [.init(key: "chips", label: "Chips"), .init(key: "energy", label: "Energy")])]

    /// Mixed texts (several widths of term ends and weights, canonicalized Han terms with their spellings), with
    /// filters and statuses, and the empty document.
    static func documents(_ count: Int, seed: UInt64 = 5) -> [SearchDocument] {
        var generator = MixedText(seed: seed)
        var texts = (0..<count).map { index in generator.text(maxPieces: index % 10 == 0 ? 2000 : 120) }
        texts += ["\u{8C48}與\u{F900}", "\u{F900}與\u{8C48}", "が か\u{3099}", ""]
        return texts.enumerated().map { index, text in
            var filters: [String: [String]] = ["industries": index % 3 == 0 ? ["chips", "energy"] : ["chips"]]
            if index % 4 != 0 { filters[SearchFacets.status] = [index % 2 == 0 ? "open" : "closed"] }
            return SearchDocument(path: "/p/\(index)/", title: generator.text(maxPieces: 5), sectionLabel: "課程 \(index % 3)",
                                  text: text, filters: filters)
        }
    }

    static func expectSame(_ got: SearchDocument, _ want: SearchDocument) {
        #expect(got.path == want.path && got.title == want.title && got.sectionLabel == want.sectionLabel)
        #expect(got.fragmentHead == want.fragmentHead && got.filters == want.filters)
        #expect(got.termBytes == want.termBytes && got.termEnds == want.termEnds && got.weights == want.weights)
        #expect(got.spellings.map(\.term) == want.spellings.map(\.term) && got.spellings.map(\.bytes) == want.spellings.map(\.bytes))
        #expect(got.length == want.length)
    }

    @Test func documentsComeBackFromTheSpillFileAsTheyWere() throws {
        let documents = Self.documents(60)
        #expect(documents.contains { $0.termEnds.width > 1 } && documents.contains { !$0.spellings.isEmpty })
        let store = SearchDocumentStore(budget: 0)
        let stored = documents.map(store.keep)
        #expect(store.spilledCount == documents.count)
        for (document, kept) in zip(documents, stored) {
            guard case .spilled = kept else { Issue.record("kept in memory"); continue }
            Self.expectSame(try kept.document(), document)
            let withoutHead = try kept.document(fragmentHead: false)
            #expect(withoutHead.fragmentHead.isEmpty && withoutHead.termBytes == document.termBytes)
            #expect(try kept.weights() == document.weights)
            var head: [UInt8] = [1]
            try kept.appendFragmentHead(to: &head)
            #expect(head == [1] + document.fragmentHead && kept.fragmentHeadCount == document.fragmentHead.count)
            #expect(kept.termCount == document.termCount)
        }
    }

    @Test func theBudgetKeepsTheFirstDocumentsInMemory() {
        let documents = Self.documents(30)
        let budget = documents.prefix(10).reduce(0) { $0 + $1.heldBytes }
        let store = SearchDocumentStore(budget: budget)
        let inMemory = documents.map(store.keep).map { if case .memory = $0 { true } else { false } }
        #expect(inMemory == Array(repeating: true, count: 10) + Array(repeating: false, count: documents.count - 10))
        #expect(store.spilledCount == documents.count - 10)
        let unlimited = SearchDocumentStore(budget: .max)
        #expect(documents.map(unlimited.keep).allSatisfy { if case .memory = $0 { true } else { false } })
        #expect(unlimited.spilledCount == 0)
    }

    @Test func withoutASpillFileDocumentsStayInMemory() throws {
        let documents = Self.documents(5)
        let store = SearchDocumentStore(budget: 0, directory: "/nonexistent-folder-for-talentsite-tests")
        let stored = documents.map(store.keep)
        #expect(stored.allSatisfy { if case .memory = $0 { true } else { false } })
        #expect(store.spilledCount == 0)
        Self.expectSame(try stored[2].document(), documents[2])
    }

    @Test func anIndexOfSpilledDocumentsIsTheIndexOfDocumentsInMemory() throws {
        let documents = Self.documents(400)
        let builder = SearchIndexBuilder(language: Self.language, facets: Self.facets, folder: "/search/index/")
        let inMemory = try builder.build(documents)
        let store = SearchDocumentStore(budget: documents.prefix(100).reduce(0) { $0 + $1.heldBytes })
        let mixed = try builder.build(stored: documents.map(store.keep))
        #expect(store.spilledCount == documents.count - 100)
        #expect(inMemory.shards.count > 1 && inMemory.fragments.chunks.count > 1)
        #expect(mixed.files.map(\.path) == inMemory.files.map(\.path))
        #expect(mixed.files.map(\.bytes) == inMemory.files.map(\.bytes))
        #expect(mixed.firstTitle == documents.first?.title)
    }

    @Test func bytesThatAreNotADocumentAreRefused() {
        let document = Self.documents(3)[1]
        var bytes: [UInt8] = []
        let layout = SearchDocumentCoding.encode(document, into: &bytes)
        let rest = bytes[layout.weightsEnd...]
        for cut in stride(from: rest.startIndex, to: rest.endIndex, by: 7) {
            #expect(SearchDocumentCoding.decode(rest: bytes[layout.weightsEnd..<cut], weights: document.weights, fragmentHead: []) == nil)
        }
        #expect(SearchDocumentCoding.decode(rest: rest + [0], weights: document.weights, fragmentHead: []) == nil, "a byte too many")
        #expect(SearchDocumentCoding.decode(rest: rest, weights: PackedIntegers([1]), fragmentHead: []) == nil, "weights for other terms")
        #expect(SearchDocumentCoding.decode(rest: rest, weights: document.weights, fragmentHead: []) != nil)
    }

    @Test func aDocumentThatCannotBeReadBackFailsTheIndex() throws {
        let documents = Self.documents(20)
        let store = SearchDocumentStore(budget: 0)
        var stored = documents.map(store.keep)
        let builder = SearchIndexBuilder(language: Self.language, facets: Self.facets, folder: "/search/index/")
        let lastIndex = stored.count - 1
        guard case .spilled(let last) = stored[lastIndex] else { Issue.record("not spilled"); return }
        // Past the file's end: the read fails.
        var layout = last.layout
        layout.end += 1
        stored[lastIndex] = .spilled(SpilledSearchDocument(file: last.file, start: last.start, layout: layout))
        #expect(throws: SearchDocumentUnreadable.self) { try builder.build(stored: stored) }
        // Another document's bytes: not what this one's layout says.
        guard case .spilled(let first) = stored[0] else { return }
        stored[lastIndex] = .spilled(SpilledSearchDocument(file: last.file, start: first.start, layout: last.layout))
        #expect(throws: SearchDocumentUnreadable.self) { try builder.build(stored: stored) }
    }
}
