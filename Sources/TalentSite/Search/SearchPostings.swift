import Foundation

/// One language's postings, gathered one document at a time (`add`), so the documents need not be held
/// together: every term once in one `SearchTermTable`, and per posting only its term's number (4 bytes), in
/// document order. The weights are read again from the documents when the postings are scored and written
/// (`forEachPosting`, `SearchTermShards`), rather than kept here a second time.
struct SearchPostings {
    /// The distinct terms (keys) in order of first appearance.
    private(set) var table = SearchTermTable(capacity: 1 << 14)
    /// The shown spelling of a term whose key is its canonical form, when the first document spelled it otherwise.
    private(set) var spellings: [Int: [UInt8]] = [:]
    /// Documents holding each term.
    private(set) var documentCounts: [UInt32] = []
    /// The term of each posting: document after document, each document's terms in its order.
    private var postingTerms: [UInt32] = []
    /// Each document's distinct terms, and its length in terms.
    private var termCounts: [UInt32] = []
    private(set) var lengths: [Int] = []

    /// Postings for about `postings` postings in all (a hint: the array of them is made once, at its size).
    init(postings: Int = 0) {
        postingTerms.reserveCapacity(postings)
    }

    var count: Int { table.count }
    var documentCount: Int { termCounts.count }

    /// Numbers `document`'s terms, counting the documents of each: the document after those added before it.
    mutating func add(_ document: SearchDocument) {
        let spelled = document.spellings.isEmpty
            ? [:] : Dictionary(document.spellings.map { ($0.term, $0.bytes) }, uniquingKeysWith: { first, _ in first })
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
        termCounts.append(UInt32(document.termCount))
        lengths.append(document.length)
    }

    /// Every posting in document order: its term, document and weight, the weights of each document given by
    /// `weights` (its `SearchDocument.weights`), which must be as many as the document's terms.
    func forEachPosting(weights: (Int) throws -> PackedIntegers, _ body: (_ term: Int, _ doc: Int, _ weight: UInt32) throws -> Void) throws {
        var position = 0
        for doc in 0..<termCounts.count {
            let values = try weights(doc)
            guard values.count == Int(termCounts[doc]) else {
                throw SearchDocumentUnreadable(reason: "document \(doc) has \(values.count) weights for \(termCounts[doc]) terms")
            }
            try values.forEach { weight in
                try body(Int(postingTerms[position]), doc, weight)
                position += 1
            }
        }
    }

    /// The spelling the index shows of term `index` (its key, unless `spellings` says otherwise).
    func spelling(_ index: Int) -> ArraySlice<UInt8> {
        if !spellings.isEmpty, let spelled = spellings[index] { return spelled[...] }
        return table.bytes[table.range(index)]
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

    /// Digits of `String(number)`, for a number ≥ 0.
    static func decimalCount(_ number: Int) -> Int {
        var count = 1
        var rest = number
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// `String(number)`'s bytes written at `position` of `out`, which is moved past them; for a number ≥ 0.
    static func writeDecimal(_ number: Int, to out: UnsafeMutableBufferPointer<UInt8>, at position: inout Int) {
        let count = decimalCount(number)
        var rest = number
        for offset in stride(from: count - 1, through: 0, by: -1) {
            out[position + offset] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
            rest /= 10
        }
        position += count
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
