import Foundation

/// The term shards (`t/<shard>.<hash>.json`): every term's postings as `"term":[doc delta, score × 2 + inTitle, …]`,
/// the terms of a shard in sorted order, the score being the term's BM25 weight in the document (× 100).
///
/// Written in place: a first pass over the postings measures each term's list, which gives the shards' sizes and
/// each list's place in them; a second writes every posting at its place. So no posting is held beyond its term's
/// number (`SearchPostings`), and no list is held twice (once alone, once in its shard): at 20,000 courses the
/// lists of a language were about 35 MB, and the postings sorted by term 60 MB more.
enum SearchTermShards {
    /// The shards of `postings`, the weights of document `doc` given by `weights(doc)` (read twice, in order).
    static func build(_ postings: SearchPostings, k1: Double, b: Double, weights: (Int) throws -> PackedIntegers) throws -> [[UInt8]] {
        let scores = Scores(postings, k1: k1, b: b)
        let terms = postings.count
        // Pass 1: each term's list length, `[` and `]` included.
        var listBytes = [Int](repeating: 2, count: terms)
        var previous = [Int32](repeating: -1, count: terms)
        try postings.forEachPosting(weights: weights) { term, doc, weight in
            let last = Int(previous[term])
            listBytes[term] += (last < 0 ? 0 : 1) + SearchPostings.decimalCount(doc - max(0, last)) + 1
                + SearchPostings.decimalCount(scores.packed(term: term, doc: doc, weight: weight))
            previous[term] = Int32(doc)
        }
        var totalBytes = 0
        for term in 0..<terms { totalBytes += listBytes[term] + postings.spelling(term).count + 4 }
        var shardCount = 1
        while shardCount < SearchIndexBuilder.maxShards && totalBytes / shardCount > SearchIndexBuilder.shardTarget { shardCount *= 2 }
        var shardTerms = [[Int]](repeating: [], count: shardCount)
        for term in 0..<terms { shardTerms[Int(FNV1a.hash32(postings.spelling(term)) % UInt32(shardCount))].append(term) }

        // Each shard at its size, every byte but the postings written; each list's place (`next`) and end.
        var shardOf = [UInt16](repeating: 0, count: terms)
        var next = [Int](repeating: 0, count: terms)
        var ends = [Int](repeating: 0, count: terms)
        var buffers: [UnsafeMutableBufferPointer<UInt8>] = []
        defer { for buffer in buffers { buffer.deallocate() } }
        for (shard, members) in shardTerms.enumerated() {
            let sorted = postings.sorted(members)
            let size = sorted.reduce(2 + max(0, sorted.count - 1)) { $0 + postings.spelling($1).count + 3 + listBytes[$1] }
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
            buffers.append(buffer)
            var position = 0
            func put(_ byte: UInt8) { buffer[position] = byte; position += 1 }
            put(UInt8(ascii: "{"))
            for (index, term) in sorted.enumerated() {
                if index > 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "\""))
                for byte in postings.spelling(term) { put(byte) }
                put(UInt8(ascii: "\""))
                put(UInt8(ascii: ":"))
                put(UInt8(ascii: "["))
                shardOf[term] = UInt16(shard)
                next[term] = position
                position += listBytes[term] - 2
                ends[term] = position
                put(UInt8(ascii: "]"))
            }
            put(UInt8(ascii: "}"))
        }
        listBytes = []
        // Pass 2: every posting at its place, checked to fill its list exactly (the weights read twice must agree).
        previous = [Int32](repeating: -1, count: terms)
        try postings.forEachPosting(weights: weights) { term, doc, weight in
            let last = Int(previous[term])
            let delta = doc - max(0, last), packed = scores.packed(term: term, doc: doc, weight: weight)
            var position = next[term]
            let needed = (last < 0 ? 0 : 1) + SearchPostings.decimalCount(delta) + 1 + SearchPostings.decimalCount(packed)
            guard position + needed <= ends[term] else { throw SearchDocumentUnreadable(reason: "document \(doc)'s weights changed") }
            let buffer = buffers[Int(shardOf[term])]
            if last >= 0 { buffer[position] = UInt8(ascii: ","); position += 1 }
            SearchPostings.writeDecimal(delta, to: buffer, at: &position)
            buffer[position] = UInt8(ascii: ",")
            position += 1
            SearchPostings.writeDecimal(packed, to: buffer, at: &position)
            next[term] = position
            previous[term] = Int32(doc)
        }
        guard next == ends else { throw SearchDocumentUnreadable(reason: "the documents' weights changed") }
        // Copied out one at a time, each buffer freed as soon as its copy is made.
        var shards: [[UInt8]] = []
        shards.reserveCapacity(buffers.count)
        for index in buffers.indices {
            shards.append(Array(buffers[index]))
            buffers[index].deallocate()
            buffers[index] = UnsafeMutableBufferPointer(start: nil, count: 0)
        }
        return shards
    }

    /// BM25 with the documents' part of the denominator (`lengthNorm`) and each term's idf computed once, in the
    /// arithmetic the scores were always computed in.
    struct Scores {
        let k1: Double
        let idf: [Double]
        let lengthNorm: [Double]

        init(_ postings: SearchPostings, k1: Double, b: Double) {
            self.k1 = k1
            let documents = postings.documentCount
            let averageLength = max(1, Double(postings.lengths.reduce(0, +)) / Double(max(1, documents)))
            lengthNorm = postings.lengths.map { k1 * (1 - b + b * Double($0) / averageLength) }
            let count = Double(documents)
            idf = postings.documentCounts.map { documentCount in
                let df = Double(documentCount)
                return log(1 + (count - df + 0.5) / (df + 0.5))
            }
        }

        /// `score × 2 + inTitle` of a posting of `term` in `doc` with `weight` (`count × 2 + inTitle`).
        @inline(__always)
        func packed(term: Int, doc: Int, weight: UInt32) -> Int {
            let tf = Double(weight >> 1)
            let norm = tf + lengthNorm[doc]
            let score = max(1, Int((idf[term] * tf * (k1 + 1) / norm * 100).rounded()))
            return score * 2 + Int(weight & 1)
        }
    }
}
