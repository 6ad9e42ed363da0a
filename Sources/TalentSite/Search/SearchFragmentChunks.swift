/// The result fragments of one language's index (URL, title, section, status and text of each page),
/// packed into chunk files of consecutive documents: `f/<chunk>.<hash>.json`, a JSON array of fragments.
///
/// Why chunks of this size: a result costs the download of its whole chunk, so chunks should be small; the
/// manifest lists every chunk (its document count and hash), so there should be few. About
/// `chunkCount` chunks per language balance the two: on the 1k and 5k benchmark corpora a first query
/// downloads fewer bytes than with one file per page (whose hashes made the manifest grow with the site),
/// and the index adds hundreds of files, not one per page. Chunks are kept between `minimumBytes` and
/// `maximumBytes` before compression, so a small site gets a few small chunks and a huge one stays at one
/// request's worth per chunk.
struct SearchFragmentChunks {
    static let chunkCount = 400
    static let minimumBytes = 4_000
    static let maximumBytes = 64_000

    /// The chunk files' bytes, in order.
    var chunks: [[UInt8]] = []
    /// Documents in each chunk: chunk `i` holds the documents after those of chunks `0..<i`.
    var counts: [Int] = []

    /// One fragment per document, in document order; each is a JSON object.
    init(fragments: [String]) {
        self.init(fragmentBytes: fragments.map { Array($0.utf8) })
    }

    /// One fragment per document, in document order; each is a JSON object's UTF-8.
    init(fragmentBytes fragments: [[UInt8]]) {
        let total = fragments.reduce(0) { $0 + $1.count + 1 }
        let target = min(Self.maximumBytes, max(Self.minimumBytes, total / Self.chunkCount))
        var current: [UInt8] = []
        var currentCount = 0
        var size = 0
        func close() {
            guard currentCount > 0 else { return }
            current.append(UInt8(ascii: "]"))
            chunks.append(current)
            counts.append(currentCount)
            current = []
            currentCount = 0
            size = 0
        }
        for fragment in fragments {
            let bytes = fragment.count + 1
            if currentCount > 0 && size + bytes > target { close() }
            current.append(currentCount == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
            current += fragment
            currentCount += 1
            size += bytes
        }
        close()
    }

    /// The chunk holding document `doc`, and its position in that chunk.
    func locate(_ doc: Int) -> (chunk: Int, position: Int)? {
        var first = 0
        for (chunk, count) in counts.enumerated() {
            if doc < first + count { return doc >= first ? (chunk, doc - first) : nil }
            first += count
        }
        return nil
    }

    /// A document's fragment, `{"u":…,"t":…,"s":…,"x":…}` and, for a record with a status, its key and label
    /// (`"k"`, `"b"`), shown as a badge on the result: `JSONValue.object(…).serialized`, written as bytes.
    static func fragment(_ document: SearchDocument, statusLabels: [String: String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(document.excerpt.utf8.count + document.path.utf8.count + document.title.utf8.count + 64)
        func field(_ name: StaticString, _ value: String, first: Bool = false) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
            appendQuoted(value, to: &out)
        }
        field("u", document.path, first: true)
        field("t", document.title)
        field("s", document.sectionLabel)
        field("x", document.excerpt)
        if let status = document.filters[SearchFacets.status]?.first {
            field("k", status)
            field("b", statusLabels[status] ?? status)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A JSON string exactly as `JSONValue` quotes one (safe inside `<script>`), the one byte-level quoting.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        JSONValue.quote(text, into: &out)
    }
}
