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
        self.init(count: fragments.count, size: { fragments[$0].count }, write: { $1 += fragments[$0] })
    }

    /// `count` fragments in document order, each `size` bytes, written by `write` straight into its chunk: the
    /// fragments of a whole language are never held a second time beside the chunks.
    init(count: Int, size: (Int) -> Int, write: (Int, inout [UInt8]) -> Void) {
        let total = (0..<count).reduce(0) { $0 + size($1) + 1 }
        let target = min(Self.maximumBytes, max(Self.minimumBytes, total / Self.chunkCount))
        var current: [UInt8] = []
        var currentCount = 0
        var currentSize = 0
        func close() {
            guard currentCount > 0 else { return }
            current.append(UInt8(ascii: "]"))
            chunks.append(current)
            counts.append(currentCount)
            current = []
            currentCount = 0
            currentSize = 0
        }
        for fragment in 0..<count {
            let bytes = size(fragment) + 1
            if currentCount > 0 && currentSize + bytes > target { close() }
            current.append(currentCount == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
            write(fragment, &current)
            currentCount += 1
            currentSize += bytes
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

    /// The documents' fragments (`fragment`), written straight into the chunks.
    init(documents: [SearchDocument], statusLabels: [String: String]) {
        var tails: [String: [UInt8]] = [:]
        for document in documents {
            if let status = Self.status(document), tails[status] == nil { tails[status] = Self.statusTail(status, statusLabels: statusLabels) }
        }
        let closing = [UInt8(ascii: "}")]
        func tail(_ document: SearchDocument) -> [UInt8] { Self.status(document).flatMap { tails[$0] } ?? closing }
        self.init(count: documents.count, size: { documents[$0].fragmentHead.count + tail(documents[$0]).count },
                  write: { $1 += documents[$0].fragmentHead; $1 += tail(documents[$0]) })
    }

    /// A document's fragment, `{"u":…,"t":…,"s":…,"x":…}` and, for a record with a status, its key and label
    /// (`"k"`, `"b"`), shown as a badge on the result: `JSONValue.object(…).serialized`, written as bytes.
    static func fragment(_ document: SearchDocument, statusLabels: [String: String]) -> [UInt8] {
        document.fragmentHead + (status(document).map { statusTail($0, statusLabels: statusLabels) } ?? [UInt8(ascii: "}")])
    }

    private static func status(_ document: SearchDocument) -> String? { document.filters[SearchFacets.status]?.first }

    /// What follows the fragment head of a record with status `status`: `,"k":…,"b":…}`.
    private static func statusTail(_ status: String, statusLabels: [String: String]) -> [UInt8] {
        var out = Array(#","k":"#.utf8)
        appendQuoted(status, to: &out)
        out += Array(#","b":"#.utf8)
        appendQuoted(statusLabels[status] ?? status, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A JSON string exactly as `JSONValue` quotes one (safe inside `<script>`), the one byte-level quoting.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        JSONValue.quote(text, into: &out)
    }
}
