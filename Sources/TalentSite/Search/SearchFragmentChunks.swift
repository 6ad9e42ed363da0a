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
    /// fragments of a whole language are never held a second time beside the chunks. The chunks' bounds are
    /// found from the sizes first, so each chunk is made at its size (grown by appending, chunks held up to
    /// twice their bytes: at 20,000 courses, about 30 MB).
    init(count: Int, size: (Int) -> Int, write: (Int, inout [UInt8]) throws -> Void) rethrows {
        let total = (0..<count).reduce(0) { $0 + size($1) + 1 }
        let target = min(Self.maximumBytes, max(Self.minimumBytes, total / Self.chunkCount))
        var bounds: [(count: Int, bytes: Int)] = []
        var currentCount = 0
        var currentSize = 0
        for fragment in 0..<count {
            let bytes = size(fragment) + 1
            if currentCount > 0 && currentSize + bytes > target {
                bounds.append((currentCount, currentSize))
                currentCount = 0
                currentSize = 0
            }
            currentCount += 1
            currentSize += bytes
        }
        if currentCount > 0 { bounds.append((currentCount, currentSize)) }
        var fragment = 0
        for bound in bounds {
            // Each fragment's size counts its `[` or `,`; the `]` is one more.
            var chunk: [UInt8] = []
            chunk.reserveCapacity(bound.bytes + 1)
            for position in 0..<bound.count {
                chunk.append(position == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
                try write(fragment, &chunk)
                fragment += 1
            }
            chunk.append(UInt8(ascii: "]"))
            chunks.append(chunk)
            counts.append(bound.count)
        }
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
        let tails = Tails(statuses: documents.map(Self.status), labels: statusLabels)
        self.init(count: documents.count, size: { documents[$0].fragmentHead.count + tails.tail($0).count },
                  write: { $1 += documents[$0].fragmentHead; $1 += tails.tail($0) })
    }

    /// The fragments of documents that may be in a spill file, each head read when its chunk is written; each
    /// document's status (`SearchFacets.status`) is given, so the documents are not read for it.
    init(documents: [StoredSearchDocument], statuses: [String?], statusLabels: [String: String]) throws {
        let tails = Tails(statuses: statuses, labels: statusLabels)
        try self.init(count: documents.count, size: { documents[$0].fragmentHeadCount + tails.tail($0).count },
                      write: { try documents[$0].appendFragmentHead(to: &$1); $1 += tails.tail($0) })
    }

    /// What follows each document's fragment head: `}`, or its status and the status's label (`statusTail`).
    private struct Tails {
        let statuses: [String?]
        let byStatus: [String: [UInt8]]
        let closing = [UInt8(ascii: "}")]

        init(statuses: [String?], labels: [String: String]) {
            self.statuses = statuses
            var byStatus: [String: [UInt8]] = [:]
            for case let status? in statuses where byStatus[status] == nil {
                byStatus[status] = SearchFragmentChunks.statusTail(status, statusLabels: labels)
            }
            self.byStatus = byStatus
        }

        func tail(_ document: Int) -> [UInt8] { statuses[document].flatMap { byStatus[$0] } ?? closing }
    }

    /// A document's fragment, `{"u":…,"t":…,"s":…,"x":…}` and, for a record with a status, its key and label
    /// (`"k"`, `"b"`), shown as a badge on the result: `JSONValue.object(…).serialized`, written as bytes.
    static func fragment(_ document: SearchDocument, statusLabels: [String: String]) -> [UInt8] {
        document.fragmentHead + (status(document).map { statusTail($0, statusLabels: statusLabels) } ?? [UInt8(ascii: "}")])
    }

    static func status(_ document: SearchDocument) -> String? { document.filters[SearchFacets.status]?.first }

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
