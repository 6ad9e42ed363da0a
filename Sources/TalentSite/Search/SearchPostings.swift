import Foundation

/// One language's postings, gathered from its documents' term buffers and encoded as the term shards'
/// JSON text: every term once in one `SearchTermTable`, every posting in one flat array (grouped by term
/// with a counting sort, documents ascending), every encoded list in one byte buffer.
struct SearchPostings {
    /// The distinct terms (keys) in order of first appearance.
    private(set) var table = SearchTermTable(capacity: 1 << 14)
    /// The shown spelling of a term whose key is its canonical form, when the first document spelled it otherwise.
    private(set) var spellings: [Int: [UInt8]] = [:]
    /// Documents holding each term.
    private(set) var documentCounts: [Int] = []
    /// `[doc delta, score × 2 + inTitle, …]` of each term, JSON, one after the other (term `i` ends at `listEnds[i]`).
    private(set) var lists: [UInt8] = []
    private(set) var listEnds: [Int] = []

    init(_ documents: [SearchDocument], k1: Double, b: Double) {
        let averageLength = max(1, Double(documents.reduce(0) { $0 + $1.length }) / Double(max(1, documents.count)))
        // Pass 1: number every term; each posting is its term's number, in document order.
        var postingTerms: [UInt32] = []
        postingTerms.reserveCapacity(documents.reduce(0) { $0 + $1.termCount })
        for document in documents {
            let spelled = Dictionary(document.spellings.map { ($0.term, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            document.termBytes.withUnsafeBufferPointer { bytes in
                document.forEachTermRange { range, index in
                    let found = table.insert(UnsafeBufferPointer(rebasing: bytes[range]))
                    if found.inserted {
                        documentCounts.append(0)
                        if let spelling = spelled[index] { spellings[found.index] = spelling }
                    }
                    documentCounts[found.index] += 1
                    postingTerms.append(UInt32(found.index))
                }
            }
        }
        // Pass 2: group postings by term (a counting sort keeps each term's documents ascending).
        var starts = [Int](repeating: 0, count: table.count + 1)
        for term in 0..<table.count { starts[term + 1] = starts[term] + documentCounts[term] }
        var next = starts
        var docs = [Int32](repeating: 0, count: postingTerms.count)
        var weights = [UInt32](repeating: 0, count: postingTerms.count)
        var position = 0
        for (doc, document) in documents.enumerated() {
            document.weights.forEach { weight in
                let term = Int(postingTerms[position])
                docs[next[term]] = Int32(doc)
                weights[next[term]] = weight
                next[term] += 1
                position += 1
            }
        }
        postingTerms = []  // not needed past here: its memory goes before the lists grow
        // Pass 3: BM25 scores, encoded. `lengthNorm` is the documents' part of the denominator, same arithmetic.
        let lengthNorm = documents.map { k1 * (1 - b + b * Double($0.length) / averageLength) }
        let count = Double(documents.count)
        lists.reserveCapacity(postingTerms.count * 6)
        listEnds.reserveCapacity(table.count)
        for term in 0..<table.count {
            let df = Double(documentCounts[term])
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            var previous = 0
            lists.append(UInt8(ascii: "["))
            for posting in starts[term]..<starts[term + 1] {
                let doc = Int(docs[posting])
                let tf = Double(weights[posting] >> 1)
                let norm = tf + lengthNorm[doc]
                let score = max(1, Int((idf * tf * (k1 + 1) / norm * 100).rounded()))
                if posting > starts[term] { lists.append(UInt8(ascii: ",")) }
                Self.appendDecimal(doc - previous, to: &lists)
                lists.append(UInt8(ascii: ","))
                Self.appendDecimal(score * 2 + Int(weights[posting] & 1), to: &lists)
                previous = doc
            }
            lists.append(UInt8(ascii: "]"))
            listEnds.append(lists.count)
        }
    }

    var count: Int { table.count }

    /// The spelling the index shows of term `index` (its key, unless `spellings` says otherwise).
    func spelling(_ index: Int) -> ArraySlice<UInt8> {
        if !spellings.isEmpty, let spelled = spellings[index] { return spelled[...] }
        return table.bytes[table.range(index)]
    }

    func list(_ index: Int) -> ArraySlice<UInt8> {
        lists[(index == 0 ? 0 : listEnds[index - 1])..<listEnds[index]]
    }

    /// `String(number)`'s bytes, for a number ≥ 0.
    static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        if number < 10 { out.append(UInt8(truncatingIfNeeded: number) + 0x30); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[23 - count] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
                count += 1
            }
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// `terms` in the order of their spellings' scalars (`unicodeScalars.lexicographicallyPrecedes`): UTF-8 byte
    /// order is scalar order.
    func sorted(_ terms: [Int]) -> [Int] {
        guard spellings.isEmpty else { return terms.sorted { spelling($0).lexicographicallyPrecedes(spelling($1)) } }
        return table.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return terms }
            return terms.sorted { a, b in
                let first = table.range(a), second = table.range(b)
                let order = memcmp(base + first.lowerBound, base + second.lowerBound, min(first.count, second.count))
                return order != 0 ? order < 0 : first.count < second.count
            }
        }
    }
}
