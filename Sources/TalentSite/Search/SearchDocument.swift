/// One page as the search index sees it: where it lives, what it is called, the text shown in results,
/// its filter values (section, industry, region, course kind, year) and its index terms.
///
/// Thousands of these are held until the last page is rendered, so they keep only what the index writes,
/// compactly: the excerpt (not the whole text) and the terms as two flat arrays (not a dictionary and a set).
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
    /// The text's distinct index terms and, at the same position, `count × 2 + 1 if the title has the term`:
    /// computed once, when the page is collected (on the rendering threads), not when the index is built.
    let terms: [String]
    let weights: [UInt32]
    /// The text's length in terms.
    let length: Int

    init(order: Int, path: String, title: String, sectionLabel: String, text: String, filters: [String: [String]]) {
        self.order = order; self.path = path; self.title = title; self.sectionLabel = sectionLabel
        self.filters = filters
        var excerpt = Substring(text.prefix(SearchIndexBuilder.fragmentLimit)).unicodeScalars
        let heading = (title + "\n").unicodeScalars
        if excerpt.starts(with: heading) { excerpt.removeFirst(heading.count) }
        self.excerpt = String(Substring(excerpt))
        let all = SearchTokenizer.indexTerms(text)
        var counts: [String: Int] = [:]
        for term in all { counts[term, default: 0] += 1 }
        let titleTerms = Set(SearchTokenizer.indexTerms(title))
        var terms: [String] = []
        var weights: [UInt32] = []
        terms.reserveCapacity(counts.count)
        weights.reserveCapacity(counts.count)
        for (term, count) in counts {
            terms.append(term)
            weights.append(UInt32(clamping: count) &<< 1 | (titleTerms.contains(term) ? 1 : 0))
        }
        self.terms = terms; self.weights = weights
        length = all.count
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
