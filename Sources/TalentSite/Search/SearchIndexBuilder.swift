import Foundation

/// Writes one language's search index, chunked like Pagefind so a phone downloads little:
///
/// - `manifest.json`: the only fixed name; document count, shard count, fragment chunk sizes, hashes, filter labels.
/// - `t/<shard>.<hash>.json`: postings of the terms whose FNV-1a hash falls in the shard, loaded only
///   for the terms of a query. Each posting is a document number (delta-coded) and `score × 2 + inTitle`,
///   the score being the term's BM25 weight in that document (× 100), computed here once (`SearchTermShards`).
/// - `f/<chunk>.<hash>.json`: the URL, title, section and text of consecutive documents (`SearchFragmentChunks`),
///   loaded only for results shown; the manifest gives each chunk's document count (`fragmentCounts`).
/// - `filters.<hash>.json`: documents per filter value, loaded on first use of a filter.
/// - `p/<shard>.<hash>.json`: every Latin word term with its document count, sharded by the hash of its first
///   two letters, so the word being typed (`semicond`) expands to the terms it begins (`semiconductor`).
/// - the manifest also carries the variant-character table (`SearchVariants`) the client folds queries with.
///
/// Every name but the manifest's carries a hash of its content, so hosts may cache them forever. The term shards
/// share one hash (of all of them), and so do the fragment chunks: the manifest names each group with one hash,
/// not one per file, and stays small (a page added changes every shard's scores anyway).
struct SearchIndexBuilder {
    static let k1 = 1.2
    static let b = 0.75
    /// Aim for shards of about this many bytes: small enough for a phone, few enough for the host.
    static let shardTarget = 12_000
    /// At most this many term shards per language: past it (about 1,500 pages), shards grow instead, so the index
    /// stays at hundreds of files. On the 5k benchmark corpus (6,609 pages per language) the first queries still
    /// download less than with 1,024 smaller shards (for Chinese) and a hash per file in the manifest.
    static let maxShards = 256
    /// Longest text kept for excerpts, in characters.
    static let fragmentLimit = 12_000

    let language: Language
    let facets: [SearchFacet]
    /// Folder of the index, root-relative with a trailing slash (`/search/index/`).
    let folder: String

    struct Output {
        var files: [(path: String, bytes: [UInt8])]
        var manifest: [UInt8]
        var shards: [[UInt8]]
        var fragments: SearchFragmentChunks
        var prefixes: [[UInt8]]
        /// The first document's title (`SearchSamples`).
        var firstTitle: String?
    }

    /// The index of `documents`, in memory: for tests and small sets.
    func build(_ documents: [SearchDocument]) throws -> Output {
        try build(stored: documents.map(StoredSearchDocument.memory))
    }

    /// The index of `documents` in order, read one at a time (those in a spill file read back as each pass
    /// needs them: terms, then weights twice, then fragment heads), so they are never all in memory at once.
    /// Throws `SearchDocumentUnreadable` when one cannot be read back: no index is better than a wrong one.
    func build(stored documents: [StoredSearchDocument]) throws -> Output {
        // Pass 1: number the terms, and note each document's filter values and status.
        var postings = SearchPostings(postings: documents.reduce(0) { $0 + $1.termCount })
        var members: [String: [String: [Int]]] = [:]
        var statuses: [String?] = []
        statuses.reserveCapacity(documents.count)
        var firstTitle: String?
        for (doc, stored) in documents.enumerated() {
            let document = try stored.document(fragmentHead: false)
            postings.add(document)
            Self.addMembers(of: document, number: doc, to: &members)
            statuses.append(SearchFragmentChunks.status(document))
            if doc == 0 { firstTitle = document.title }
        }
        var files: [(path: String, bytes: [UInt8])] = []
        // The postings go once the term and prefix shards are written, before the fragment chunks are made.
        let (shards, prefixTags, prefixFiles) = try termFiles(consume postings) { try documents[$0].weights() }
        let shardTag = FNV1a.groupTag(shards)
        for (index, bytes) in shards.enumerated() { files.append((folder + "t/\(index).\(shardTag).json", bytes)) }
        files += prefixFiles
        let statusLabels = Dictionary(facets.first { $0.name == SearchFacets.status }?.values.map { ($0.key, $0.label) } ?? [],
                                      uniquingKeysWith: { first, _ in first })
        let fragments = try SearchFragmentChunks(documents: documents, statuses: statuses, statusLabels: statusLabels)
        let fragmentTag = FNV1a.groupTag(fragments.chunks)
        for (index, bytes) in fragments.chunks.enumerated() { files.append((folder + "f/\(index).\(fragmentTag).json", bytes)) }
        let filters = filterFile(members)
        let filtersName = "filters.\(FNV1a.tag(filters)).json"
        files.append((folder + filtersName, filters))
        let manifest = Array(JSONValue.object([
            ("version", .number(2)), ("language", .string(language.code)), ("documents", .number(documents.count)),
            ("shardCount", .number(shards.count)), ("shardTag", .string(shardTag)),
            ("fragmentCounts", .array(fragments.counts.map(JSONValue.number))), ("fragmentTag", .string(fragmentTag)),
            ("filters", .string(filtersName)), ("facets", .array(facetValues(members))),
            ("prefixes", .array(prefixTags.map(JSONValue.string))), ("variants", .string(SearchVariants.serialized)),
        ]).serialized.utf8)
        files.append((folder + "manifest.json", manifest))
        return Output(files: files, manifest: manifest, shards: shards, fragments: fragments,
                      prefixes: prefixFiles.map(\.bytes), firstTitle: firstTitle)
    }

    /// The term shards and the prefix shards (with their tags) of `postings`, which are let go of after.
    private func termFiles(_ postings: consuming SearchPostings, weights: (Int) throws -> PackedIntegers) throws
        -> (shards: [[UInt8]], prefixTags: [String], prefixFiles: [(path: String, bytes: [UInt8])]) {
        let shards = try SearchTermShards.build(postings, k1: Self.k1, b: Self.b, weights: weights)
        let (prefixTags, prefixFiles) = prefixShards(postings)
        return (shards, prefixTags, prefixFiles)
    }

    /// The key a word's prefix shard is chosen by: its first two characters.
    static func prefixKey(_ word: String) -> String { String(String.UnicodeScalarView(word.unicodeScalars.prefix(2))) }

    /// Latin word terms of two letters or more with their document counts, in shards by `prefixKey`.
    private func prefixShards(_ postings: SearchPostings) -> (tags: [String], files: [(path: String, bytes: [UInt8])]) {
        // Word terms are stable (their key is their spelling), and their characters never combine: byte order
        // is `String`'s order.
        let words = (0..<postings.count).filter { term in
            let spelling = postings.spelling(term)
            return spelling.count { $0 & 0xC0 != 0x80 } >= 2 && SearchTokenizer.isWord(spelling)
        }
        let total = words.reduce(0) { $0 + postings.spelling($1).count + 8 }
        var count = 1
        while count < 256 && total / count > Self.shardTarget { count *= 2 }
        var buckets = [[Int]](repeating: [], count: count)
        for word in words { buckets[Int(FNV1a.hash32(Self.prefixKey(postings.spelling(word))) % UInt32(count))].append(word) }
        var tags: [String] = []
        var files: [(path: String, bytes: [UInt8])] = []
        for (index, bucket) in buckets.enumerated() {
            let bytes = Self.termObject(bucket, postings) { word, bytes in
                SearchPostings.appendDecimal(Int(postings.documentCounts[word]), to: &bytes)
            }
            let tag = FNV1a.tag(bytes)
            tags.append(tag)
            files.append((folder + "p/\(index).\(tag).json", bytes))
        }
        return (tags, files)
    }

    /// The first two characters of a word term's UTF-8 (word characters are one scalar each).
    /// A JSON object of `terms` in sorted order, each spelled as its key with `value` writing its value. Terms are
    /// word and Han characters only: nothing in them is escaped in JSON.
    private static func termObject(_ terms: [Int], _ postings: SearchPostings,
                                   value: (Int, inout [UInt8]) -> Void) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (position, term) in postings.sorted(terms).enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes += postings.spelling(term)
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
            value(term, &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    static func prefixKey(_ word: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var scalars = 0
        var end = word.startIndex
        while end < word.endIndex {
            if word[end] & 0xC0 != 0x80 {
                if scalars == 2 { break }
                scalars += 1
            }
            end += 1
        }
        return word[word.startIndex..<end]
    }

    /// Adds document number `doc` to the documents holding each of its facet values (facet name → key →
    /// ascending document numbers), documents being added in order.
    static func addMembers(of document: SearchDocument, number doc: Int, to members: inout [String: [String: [Int]]]) {
        for (name, keys) in document.filters {
            for key in keys where members[name]?[key]?.last != doc { members[name, default: [:]][key, default: []].append(doc) }
        }
    }

    /// `{"industries":{"green-energy":[3,1,4]}}`: ascending document numbers, delta-coded.
    private func filterFile(_ members: [String: [String: [Int]]]) -> [UInt8] {
        var lists: [(String, JSONValue)] = []
        for facet in facets {
            var values: [(String, JSONValue)] = []
            for value in facet.values {
                var previous = 0
                var deltas: [JSONValue] = []
                for doc in members[facet.name]?[value.key] ?? [] {
                    deltas.append(.number(doc - previous))
                    previous = doc
                }
                values.append((value.key, .array(deltas)))
            }
            lists.append((facet.name, .object(values)))
        }
        return Array(JSONValue.object(lists).serialized.utf8)
    }

    /// Facets with labels and counts; values no document has are left out.
    private func facetValues(_ members: [String: [String: [Int]]]) -> [JSONValue] {
        facets.compactMap { facet in
            let values: [JSONValue] = facet.values.compactMap { value in
                let count = members[facet.name]?[value.key]?.count ?? 0
                return count == 0 ? nil : .object([("key", .string(value.key)), ("label", .string(value.label)), ("count", .number(count))])
            }
            return values.count < 2 ? nil : .object([("name", .string(facet.name)), ("label", .string(facet.label)), ("values", .array(values))])
        }
    }
}
