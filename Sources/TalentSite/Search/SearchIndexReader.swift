import Foundation

/// Runs queries over a built index the way `search.js` does — all query terms must match, documents
/// whose title holds every term first, then by summed BM25 — for tests and for the build's report of
/// what a first query downloads.
struct SearchIndexReader {
    /// Results a search page shows at first, whose fragments the first query downloads.
    static let firstPage = 10
    /// Most terms a typed word expands to (the most common ones), as in `search.js`.
    static let maxExpansions = 20

    let manifest: [UInt8]
    let shards: [[UInt8]]
    private let shardCount: Int
    private let filterLists: [String: [String: [Int]]]
    private let prefixShards: [[UInt8]]

    init(manifest: [UInt8], shards: [[UInt8]], filters: [UInt8]? = nil, prefixes: [[UInt8]] = []) {
        self.manifest = manifest
        self.shards = shards
        prefixShards = prefixes
        shardCount = max(1, shards.count)
        var lists: [String: [String: [Int]]] = [:]
        if let filters, let object = try? JSONSerialization.jsonObject(with: Data(filters)) as? [String: [String: [Int]]] {
            for (facet, values) in object {
                lists[facet] = values.mapValues { deltas in
                    var doc = 0
                    return deltas.map { doc += $0; return doc }
                }
            }
        }
        filterLists = lists
    }

    func shard(of term: String) -> Int { Int(FNV1a.hash32(term.utf8) % UInt32(shardCount)) }

    /// Document numbers matching `query` (and every filter: any of a facet's values), best first.
    /// An empty query with filters lists the filtered documents in site order. The word being typed last
    /// also matches the words it begins (`AI` finds `AIoT`).
    func search(_ query: String, filters: [String: Set<String>] = [:]) -> [Int] {
        let terms = SearchTokenizer.queryTerms(query)
        let typed = SearchTokenizer.typedPrefix(query)
        let expanded = typed.flatMap { word in terms.lastIndex(of: SearchTokenizer.stem(word)) }
        var allowed: Set<Int>?
        for (facet, values) in filters where !values.isEmpty {
            let matching = Set(values.flatMap { filterLists[facet]?[$0] ?? [] })
            allowed = allowed.map { $0.intersection(matching) } ?? matching
        }
        if terms.isEmpty {
            return allowed.map { $0.sorted() } ?? []
        }
        var scores: [Int: (score: Int, titleHits: Int)]?
        for (position, term) in terms.enumerated() {
            let postings = position == expanded ? self.expandedPostings(term, typed: typed ?? term) : self.postings(term)
            var next: [Int: (score: Int, titleHits: Int)] = [:]
            for (doc, packed) in postings {
                guard scores == nil || scores![doc] != nil else { continue }
                let previous = scores?[doc] ?? (0, 0)
                next[doc] = (previous.score + packed / 2, previous.titleHits + packed % 2)
            }
            scores = next
        }
        let matches = (scores ?? [:]).filter { allowed?.contains($0.key) ?? true }
        return matches.sorted { a, b in
            let aTitle = a.value.titleHits == terms.count, bTitle = b.value.titleHits == terms.count
            if aTitle != bTitle { return aTitle }
            if a.value.score != b.value.score { return a.value.score > b.value.score }
            return a.key < b.key
        }.map(\.key)
    }

    /// Bytes the first search for `query` fetches: the manifest, the shards of its terms and the
    /// fragment chunks of the first page of results (the script is counted by the caller).
    func firstQueryBytes(_ query: String, fragments: SearchFragmentChunks) -> Int {
        let shardIndexes = Set(SearchTokenizer.queryTerms(query).map(shard(of:)))
        let results = search(query).prefix(Self.firstPage)
        let prefixBytes = SearchTokenizer.typedPrefix(query).map { word in
            prefixShards.isEmpty ? 0 : prefixShards[Int(FNV1a.hash32(SearchIndexBuilder.prefixKey(word).utf8) % UInt32(prefixShards.count))].count
        } ?? 0
        let chunks = Set(results.compactMap { fragments.locate($0)?.chunk })
        return manifest.count + prefixBytes + shardIndexes.reduce(0) { $0 + shards[$1].count }
            + chunks.reduce(0) { $0 + fragments.chunks[$1].count }
    }

    /// Postings of `term` and of the most common words beginning with `typed`: per document the best score,
    /// and a title hit if any of them is in the title.
    private func expandedPostings(_ term: String, typed: String) -> [(doc: Int, packed: Int)] {
        var words: [(String, Int)] = []
        if !prefixShards.isEmpty {
            let shard = prefixShards[Int(FNV1a.hash32(SearchIndexBuilder.prefixKey(typed).utf8) % UInt32(prefixShards.count))]
            let counts = (try? JSONSerialization.jsonObject(with: Data(shard)) as? [String: Int]) ?? [:]
            words = counts.filter { $0.key.hasPrefix(typed) && $0.key != term }.map { ($0.key, $0.value) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        }
        var best: [Int: (score: Int, title: Int)] = [:]
        for word in [term] + words.prefix(Self.maxExpansions).map(\.0) {
            for (doc, packed) in postings(word) {
                let old = best[doc] ?? (0, 0)
                best[doc] = (max(old.score, packed / 2), max(old.title, packed % 2))
            }
        }
        return best.keys.sorted().map { ($0, best[$0]!.score * 2 + best[$0]!.title) }
    }

    private func postings(_ term: String) -> [(doc: Int, packed: Int)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(shards[shard(of: term)])) as? [String: [Int]],
              let numbers = object[term] else { return [] }
        var result: [(doc: Int, packed: Int)] = []
        var doc = 0
        var index = 0
        while index + 1 < numbers.count {
            doc += numbers[index]
            result.append((doc, numbers[index + 1]))
            index += 2
        }
        return result
    }
}

/// A few realistic queries for the build's report: the start of the first page's title.
enum SearchSamples {
    static func queries(firstTitle: String?) -> [String] {
        guard let title = firstTitle else { return [] }
        let han = title.unicodeScalars.filter(SearchTokenizer.isHan).map(Character.init)
        if han.count >= 4 { return [String(han.prefix(2)), String(han.prefix(4))] }
        let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.isEmpty ? [] : [String(words[0]), words.prefix(2).joined(separator: " ")]
    }
}
