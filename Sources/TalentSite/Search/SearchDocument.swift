/// One page as the search index sees it: where it lives, what it is called, the text shown in results,
/// its filter values (section, industry, region, course kind, year) and its index terms.
///
/// Thousands of these are held until the last page is rendered (past a memory budget, in a spill file:
/// `SearchDocumentStore`), so they keep only what the index writes, compactly: the result fragment's fields already quoted as JSON (the excerpt, not the whole text), and the
/// distinct terms as one byte buffer with their ends and weights (no `String` per term, no dictionary), the
/// numbers each in the fewest bytes that hold them (`PackedIntegers`).
struct SearchDocument: Sendable {
    let path: String
    let title: String
    let sectionLabel: String
    /// The result fragment's fields as JSON, `{"u":…,"t":…,"s":…,"x":…` without the closing brace, quoted once
    /// on the rendering threads: the fragment chunks copy these bytes as they are. The excerpt (`"x"`) is at most
    /// `SearchIndexBuilder.fragmentLimit` characters of the text, without the heading line the text starts with
    /// (the result shows the title already).
    private(set) var fragmentHead: [UInt8] = []
    /// Facet name → keys (`industries` → [`green-energy`]).
    var filters: [String: [String]]
    /// The text's distinct index terms, UTF-8, one after the other (term `i` ends at `termEnds[i]`), each in
    /// its key form: as written, or its canonical form for the rare term with an unstable Han scalar
    /// (`spellings` then gives the text's first spelling, which the index shows, as `String` keys always did).
    let termBytes: [UInt8]
    let termEnds: PackedIntegers
    /// At the same position, `count × 2 + 1 if the title has the term`: computed once, when the page is
    /// collected (on the rendering threads), not when the index is built.
    let weights: PackedIntegers
    let spellings: [(term: Int, bytes: [UInt8])]
    /// The text's length in terms.
    let length: Int

    init(path: String, title: String, sectionLabel: String, text: String, filters: [String: [String]]) {
        self.path = path; self.title = title; self.sectionLabel = sectionLabel
        self.filters = filters
        // Characters are never fewer than UTF-8 bytes: a text that short is its own prefix, without counting.
        var excerpt = (text.utf8.count <= SearchIndexBuilder.fragmentLimit
            ? Substring(text) : Substring(text.prefix(SearchIndexBuilder.fragmentLimit))).unicodeScalars
        let heading = (title + "\n").unicodeScalars
        if excerpt.starts(with: heading) { excerpt.removeFirst(heading.count) }
        var counter = SearchTermCounter(capacity: text.utf8.count / 8)
        SearchTermScanner.scan(text, query: false, into: &counter)
        var marker = SearchTermMarker(counter: counter)
        SearchTermScanner.scan(title, query: false, into: &marker)
        // Copied at their size: the counting buffers were reserved for the whole text, and thousands are kept.
        termBytes = counter.table.bytes.withUnsafeBufferPointer { Array($0) }
        termEnds = PackedIntegers(counter.table.ends.withUnsafeBufferPointer { Array($0) })
        let counts = counter.counts, inTitle = marker.inTitle
        weights = PackedIntegers(counts.indices.map { counts[$0] &<< 1 | (inTitle[$0] ? 1 : 0) })
        spellings = counter.spellings
        length = counter.total
        setExcerpt(Substring(excerpt))
    }

    /// A document as it was harvested, from its parts (read back from a `SpillFile`, `SearchDocumentCoding`).
    init(path: String, title: String, sectionLabel: String, fragmentHead: [UInt8], filters: [String: [String]],
         termBytes: [UInt8], termEnds: PackedIntegers, weights: PackedIntegers, spellings: [(term: Int, bytes: [UInt8])],
         length: Int) {
        self.path = path; self.title = title; self.sectionLabel = sectionLabel; self.fragmentHead = fragmentHead
        self.filters = filters; self.termBytes = termBytes; self.termEnds = termEnds; self.weights = weights
        self.spellings = spellings; self.length = length
    }

    /// Makes `excerpt` the text a result shows (`fragmentHead`'s `"x"`).
    mutating func setExcerpt(_ excerpt: some StringProtocol) {
        var head: [UInt8] = []
        head.reserveCapacity(excerpt.utf8.count + path.utf8.count + title.utf8.count + sectionLabel.utf8.count + 32)
        func field(_ name: StaticString, _ value: some StringProtocol, first: Bool = false) {
            head.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            head.append(UInt8(ascii: "\""))
            head.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            head.append(UInt8(ascii: "\""))
            head.append(UInt8(ascii: ":"))
            JSONValue.quote(String(value), into: &head)
        }
        field("u", path, first: true)
        field("t", title)
        field("s", sectionLabel)
        field("x", excerpt)
        // Kept at its size: quoting may have grown the buffer past its reserve, and thousands are kept.
        fragmentHead = head.count == head.capacity ? head : head.withUnsafeBufferPointer { Array($0) }
    }

    var termCount: Int { termEnds.count }

    /// About the bytes this document holds on the heap (its buffers, strings and filters, with a little for each
    /// allocation), which `SearchDocumentStore` counts against its budget.
    var heldBytes: Int {
        let strings = path.utf8.count + title.utf8.count + sectionLabel.utf8.count
        let filterBytes = filters.reduce(64) { total, filter in
            filter.value.reduce(total + 48 + filter.key.utf8.count) { $0 + 16 + $1.utf8.count }
        }
        let spelled = spellings.reduce(0) { $0 + 32 + $1.bytes.count }
        return 160 + strings + fragmentHead.count + termBytes.count + termEnds.count * termEnds.width
            + weights.count * weights.width
            + filterBytes + spelled
    }

    /// The bytes of term `index` (its key).
    func termRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(termEnds[index - 1]))..<Int(termEnds[index])
    }

    /// Each term's bytes (its key) and position, in order, reading the ends in one pass.
    func forEachTermRange(_ body: (Range<Int>, Int) -> Void) {
        var start = 0, index = 0
        termEnds.forEach { end in
            body(start..<Int(end), index)
            start = Int(end)
            index += 1
        }
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
