/// A search document as bytes, for the documents a build sets aside in a `SpillFile` past its memory budget
/// (`SearchDocumentStore`), read back by the same process while the index is built.
///
/// The layout puts what the index build reads apart first, so each of its passes reads only its part: the
/// fragment head (copied into the fragment chunks as it is), then the weights (read by the passes that score
/// the postings), then the rest (terms, filters, names). Numbers are LEB128; packed integers are stored as
/// they are held (`PackedIntegers.appendStored`, native byte order: these bytes never leave the process).
enum SearchDocumentCoding {
    /// Where the parts of an encoded document end, from its first byte.
    struct Layout: Sendable, Equatable {
        var headEnd: Int
        var weightsEnd: Int
        var end: Int
        /// The document's distinct terms.
        var terms: Int
    }

    /// Appends `document`'s bytes to `out` (from `out`'s end); where its parts end, counted from there.
    static func encode(_ document: SearchDocument, into out: inout [UInt8]) -> Layout {
        let start = out.count
        out += document.fragmentHead
        let headEnd = out.count - start
        document.weights.appendStored(to: &out)
        let weightsEnd = out.count - start
        appendBytes(document.path.utf8, to: &out)
        appendBytes(document.title.utf8, to: &out)
        appendBytes(document.sectionLabel.utf8, to: &out)
        appendNumber(document.filters.count, to: &out)
        for (name, keys) in document.filters {
            appendBytes(name.utf8, to: &out)
            appendNumber(keys.count, to: &out)
            for key in keys { appendBytes(key.utf8, to: &out) }
        }
        appendBytes(document.termBytes, to: &out)
        var ends: [UInt8] = []
        document.termEnds.appendStored(to: &ends)
        appendBytes(ends, to: &out)
        appendNumber(document.spellings.count, to: &out)
        for spelling in document.spellings {
            appendNumber(spelling.term, to: &out)
            appendBytes(spelling.bytes, to: &out)
        }
        appendNumber(document.length, to: &out)
        return Layout(headEnd: headEnd, weightsEnd: weightsEnd, end: out.count - start, terms: document.termCount)
    }

    /// The weights part's values; nil when the bytes are not such a part.
    static func weights(_ bytes: ArraySlice<UInt8>) -> PackedIntegers? { PackedIntegers(stored: bytes) }

    /// The document from its rest part, weights and fragment head (empty when the caller does not need it);
    /// nil when the bytes are not what `encode` wrote, or do not agree with each other.
    static func decode(rest: ArraySlice<UInt8>, weights: PackedIntegers, fragmentHead: [UInt8]) -> SearchDocument? {
        var reader = Reader(bytes: rest)
        guard let path = reader.string(), let title = reader.string(), let sectionLabel = reader.string(),
              let filterCount = reader.number() else { return nil }
        var filters: [String: [String]] = [:]
        for _ in 0..<filterCount {
            guard let name = reader.string(), let keyCount = reader.number(), keyCount <= reader.remaining else { return nil }
            var keys: [String] = []
            keys.reserveCapacity(keyCount)
            for _ in 0..<keyCount {
                guard let key = reader.string() else { return nil }
                keys.append(key)
            }
            filters[name] = keys
        }
        guard let termBytes = reader.sized(), let endBytes = reader.sized(),
              let termEnds = PackedIntegers(stored: endBytes), termEnds.count == weights.count,
              termEnds.last.map({ Int($0) == termBytes.count }) ?? termBytes.isEmpty,
              zip(termEnds, termEnds.dropFirst()).allSatisfy({ $0 <= $1 }),
              let spellingCount = reader.number() else { return nil }
        var spellings: [(term: Int, bytes: [UInt8])] = []
        for _ in 0..<spellingCount {
            guard let term = reader.number(), term < termEnds.count, let bytes = reader.sized() else { return nil }
            spellings.append((term, Array(bytes)))
        }
        guard let length = reader.number(), reader.remaining == 0 else { return nil }
        return SearchDocument(path: path, title: title, sectionLabel: sectionLabel, fragmentHead: fragmentHead,
                              filters: filters, termBytes: Array(termBytes), termEnds: termEnds, weights: weights,
                              spellings: spellings, length: length)
    }

    static func appendNumber(_ number: Int, to out: inout [UInt8]) {
        var rest = UInt64(number)
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    private static func appendBytes(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        appendNumber(bytes.count, to: &out)
        out += bytes
    }

    /// Reads what `encode` wrote, refusing (nil) whatever runs past the end or is not a number.
    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var position: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        var remaining: Int { bytes.endIndex - position }

        mutating func number() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.endIndex, shift < 63 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        mutating func sized() -> ArraySlice<UInt8>? {
            guard let count = number(), count <= remaining else { return nil }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        mutating func string() -> String? { sized().map { String(decoding: $0, as: UTF8.self) } }
    }
}
