/// One page as the search index sees it: where it lives, what it is called, the text shown in results,
/// its filter values (section, industry, region, course kind, year) and its index terms.
///
/// Thousands of these are held until the last page is rendered, so they keep only what the index writes,
/// compactly: the excerpt (not the whole text) and the distinct terms as one byte buffer with their ends
/// and weights (no `String` per term, no dictionary).
struct SearchDocument: Sendable {
    /// Position in the build plan: documents are numbered in site order, whatever thread rendered them.
    var order: Int
    var path: String
    var title: String
    var sectionLabel: String
    /// The text a result shows: at most `SearchIndexBuilder.fragmentLimit` characters, without the heading
    /// line the text starts with (the result shows the title already).
    var excerpt: String
    /// Facet name → keys (`industries` → [`green-energy`]).
    var filters: [String: [String]]
    /// The text's distinct index terms, UTF-8, one after the other (term `i` ends at `termEnds[i]`), each in
    /// its key form: as written, or its canonical form for the rare term with an unstable Han scalar
    /// (`spellings` then gives the text's first spelling, which the index shows, as `String` keys always did).
    let termBytes: [UInt8]
    let termEnds: [UInt32]
    /// At the same position, `count × 2 + 1 if the title has the term`: computed once, when the page is
    /// collected (on the rendering threads), not when the index is built.
    let weights: [UInt32]
    let spellings: [(term: Int, bytes: [UInt8])]
    /// The text's length in terms.
    let length: Int

    init(order: Int, path: String, title: String, sectionLabel: String, text: String, filters: [String: [String]]) {
        self.order = order; self.path = path; self.title = title; self.sectionLabel = sectionLabel
        self.filters = filters
        // Characters are never fewer than UTF-8 bytes: a text that short is its own prefix, without counting.
        var excerpt = (text.utf8.count <= SearchIndexBuilder.fragmentLimit
            ? Substring(text) : Substring(text.prefix(SearchIndexBuilder.fragmentLimit))).unicodeScalars
        let heading = (title + "\n").unicodeScalars
        if excerpt.starts(with: heading) { excerpt.removeFirst(heading.count) }
        self.excerpt = String(Substring(excerpt))
        var counter = SearchTermCounter(capacity: text.utf8.count / 8)
        SearchTermScanner.scan(text, query: false, into: &counter)
        var title = SearchTermMarker(counter: counter)
        SearchTermScanner.scan(self.title, query: false, into: &title)
        // Copied at their size: the counting buffers were reserved for the whole text, and thousands are kept.
        termBytes = counter.table.bytes.withUnsafeBufferPointer { Array($0) }
        termEnds = counter.table.ends.withUnsafeBufferPointer { Array($0) }
        weights = zip(counter.counts, title.inTitle).map { count, inTitle in count &<< 1 | (inTitle ? 1 : 0) }
        spellings = counter.spellings
        length = counter.total
    }

    var termCount: Int { termEnds.count }

    /// The bytes of term `index` (its key).
    func termRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(termEnds[index - 1]))..<Int(termEnds[index])
    }

    /// The index's terms in their shown spelling, for tests and tools (the index itself reads `termBytes`).
    var terms: [String] {
        let spelled = Dictionary(spellings.map { ($0.term, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        return (0..<termCount).map { index in
            String(decoding: spelled[index] ?? Array(termBytes[termRange(index)]), as: UTF8.self)
        }
    }
}

/// Counts a text's terms by key (`SearchTermTable`), keeping the first spelling of a canonicalized one.
struct SearchTermCounter: SearchTermSink {
    var table: SearchTermTable
    var counts: [UInt32] = []
    var spellings: [(term: Int, bytes: [UInt8])] = []
    var total = 0

    init(capacity: Int) {
        table = SearchTermTable(capacity: max(16, capacity))
        counts.reserveCapacity(max(16, capacity))
    }

    mutating func take(_ term: UnsafeBufferPointer<UInt8>, stable: Bool) {
        total += 1
        if stable {
            count(table.insert(term))
        } else {
            let key = SearchFolding.canonical(term)
            let found = key.withUnsafeBufferPointer { table.insert($0) }
            count(found)
            if found.inserted && !key.elementsEqual(term) { spellings.append((found.index, Array(term))) }
        }
    }

    @inline(__always)
    private mutating func count(_ found: (index: Int, inserted: Bool)) {
        if found.inserted { counts.append(1) } else { counts[found.index] &+= 1 }
    }
}

/// Marks which of a counted text's terms the title holds.
struct SearchTermMarker: SearchTermSink {
    let counter: SearchTermCounter
    var inTitle: [Bool]

    init(counter: SearchTermCounter) {
        self.counter = counter
        inTitle = [Bool](repeating: false, count: counter.counts.count)
    }

    mutating func take(_ term: UnsafeBufferPointer<UInt8>, stable: Bool) {
        let found = stable ? counter.table.find(term) : SearchFolding.canonical(term).withUnsafeBufferPointer { counter.table.find($0) }
        if let found { inTitle[found] = true }
    }
}

/// A filter offered on the search page: a facet with its values, labels and counts in one language.
struct SearchFacet: Sendable {
    struct Value: Sendable {
        var key: String
        var label: String
    }
    var name: String
    var label: String
    var values: [Value]
}

/// FNV-1a, 32 and 64 bit: the shard of a term (computed the same way in `search.js`) and the content
/// hashes in file names. Not cryptographic; only stable and well spread.
enum FNV1a {
    static func hash32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }

    static func hash64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// One tag for a group of files: changes whenever any of them does.
    static func groupTag(_ files: [[UInt8]]) -> String {
        tag(Array(files.map { tag($0) + String($0.count) }.joined(separator: ",").utf8))
    }

    /// 8 hex digits of the 64-bit hash, for file names that change whenever their content does.
    static func tag(_ bytes: [UInt8]) -> String {
        let hex = String(hash64(bytes) >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
