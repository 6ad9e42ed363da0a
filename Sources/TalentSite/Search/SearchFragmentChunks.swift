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
        let total = fragments.reduce(0) { $0 + $1.utf8.count + 1 }
        let target = min(Self.maximumBytes, max(Self.minimumBytes, total / Self.chunkCount))
        var current: [String] = []
        var size = 0
        func close() {
            guard !current.isEmpty else { return }
            chunks.append(Array(("[" + current.joined(separator: ",") + "]").utf8))
            counts.append(current.count)
            current = []
            size = 0
        }
        for fragment in fragments {
            let bytes = fragment.utf8.count + 1
            if !current.isEmpty && size + bytes > target { close() }
            current.append(fragment)
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
}
