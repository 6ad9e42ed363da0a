import Synchronization

/// Where the search documents of a build wait for the index: in memory up to a byte budget, the rest encoded
/// (`SearchDocumentCoding`) into a `SpillFile`, with only their place in it kept in memory.
///
/// Why: every rendered record page's document is held until the last page is rendered, and they grow with the
/// site (about 180 MB at 20,000 courses). With a budget, a big site's documents cost the budget plus a few
/// dozen bytes each, and the index build reads the others back one at a time.
///
/// The render threads keep documents concurrently: the bytes kept so far are counted under a lock, and a
/// document past the budget is encoded and written outside it. The spill file is made on the first document
/// past the budget, so a site within it never makes one; when none can be made (or a write fails), documents
/// stay in memory, as they would have without a budget.
final class SearchDocumentStore: Sendable {
    /// The default budget: documents kept in memory are the one part of the search index that grows with the
    /// site while it renders, and reading a spilled one back is cheap (spilling all of the 5k benchmark corpus's
    /// 35 MB of documents costs it about 0.1 s user and 0.1 s system time). 24 MB keeps two thirds of that
    /// corpus's documents in memory, and holds a 20k-course site's search side to it instead of about 180 MB.
    static let defaultBudget = 24 << 20

    /// Bytes of documents (`SearchDocument.heldBytes`) kept in memory before the rest go to the spill file.
    let budget: Int
    private let directory: String?
    private let state = Mutex(State())

    private struct State {
        var kept = 0
        var spilled = 0
        var file: SpillFile?
        var cannotSpill = false
    }

    /// A store keeping `budget` bytes of documents in memory; the spill file goes into `directory` (the temporary
    /// folder when nil).
    init(budget: Int = SearchDocumentStore.defaultBudget, directory: String? = nil) {
        self.budget = budget
        self.directory = directory
    }

    /// Documents written to the spill file so far.
    var spilledCount: Int { state.withLock { $0.spilled } }

    /// `document` as the index build will find it.
    func keep(_ document: SearchDocument) -> StoredSearchDocument {
        let size = document.heldBytes
        let file: SpillFile? = state.withLock { state in
            if state.kept + size <= budget || state.cannotSpill {
                state.kept += size
                return nil
            }
            if state.file == nil {
                state.file = directory.map { SpillFile(in: $0) } ?? SpillFile()
                state.cannotSpill = state.file == nil
            }
            if state.file == nil { state.kept += size }
            return state.file
        }
        guard let file else { return .memory(document) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        let layout = SearchDocumentCoding.encode(document, into: &bytes)
        guard let range = file.append(bytes) else {
            state.withLock { $0.kept += size }
            return .memory(document)
        }
        state.withLock { $0.spilled += 1 }
        return .spilled(SpilledSearchDocument(file: file, start: range.lowerBound, layout: layout))
    }
}

/// A search document the index build reads back from a spill file: where its bytes are and where their parts end.
struct SpilledSearchDocument: Sendable {
    let file: SpillFile
    let start: Int
    let layout: SearchDocumentCoding.Layout

    func read(_ part: Range<Int>) throws(SearchDocumentUnreadable) -> [UInt8] {
        let range = (start + part.lowerBound)..<(start + part.upperBound)
        guard let bytes = file.read(range) else { throw SearchDocumentUnreadable(range: range, reason: "the read failed") }
        return bytes
    }

    var range: Range<Int> { start..<(start + layout.end) }
}

/// A search document that was set aside in a temporary file and cannot be read back as it was written: the
/// index is not built (a build would otherwise write an index missing or mixing up pages).
struct SearchDocumentUnreadable: Error, CustomStringConvertible {
    let reason: String

    init(range: Range<Int>, reason: String) {
        self.reason = "bytes \(range.lowerBound)..<\(range.upperBound) of the temporary file: \(reason)"
    }

    init(reason: String) { self.reason = reason }

    var description: String { "a search document set aside in a temporary file could not be read back (\(reason))" }
}

/// A harvested search document where the index build finds it: in memory, or in a spill file.
enum StoredSearchDocument: Sendable {
    indirect case memory(SearchDocument)
    case spilled(SpilledSearchDocument)

    /// The document's distinct terms (`SearchDocument.termCount`), without reading them.
    var termCount: Int {
        switch self {
        case .memory(let document): document.termCount
        case .spilled(let spilled): spilled.layout.terms
        }
    }

    /// Bytes of the fragment head (`SearchDocument.fragmentHead`), without reading it.
    var fragmentHeadCount: Int {
        switch self {
        case .memory(let document): document.fragmentHead.count
        case .spilled(let spilled): spilled.layout.headEnd
        }
    }

    /// Appends the fragment head to `out`, reading only it.
    func appendFragmentHead(to out: inout [UInt8]) throws(SearchDocumentUnreadable) {
        switch self {
        case .memory(let document): out += document.fragmentHead
        case .spilled(let spilled): out += try spilled.read(0..<spilled.layout.headEnd)
        }
    }

    /// The weights (`SearchDocument.weights`), reading only them.
    func weights() throws(SearchDocumentUnreadable) -> PackedIntegers {
        switch self {
        case .memory(let document): return document.weights
        case .spilled(let spilled):
            let layout = spilled.layout
            guard let weights = SearchDocumentCoding.weights(try spilled.read(layout.headEnd..<layout.weightsEnd)[...]),
                  weights.count == layout.terms else {
                throw SearchDocumentUnreadable(range: spilled.range, reason: "its weights are not as written")
            }
            return weights
        }
    }

    /// The document; read back without its fragment head (empty) unless `fragmentHead`, which the index build
    /// reads apart.
    func document(fragmentHead: Bool = true) throws(SearchDocumentUnreadable) -> SearchDocument {
        switch self {
        case .memory(let document): return document
        case .spilled(let spilled):
            let layout = spilled.layout
            let bytes = try spilled.read(fragmentHead ? 0..<layout.end : layout.headEnd..<layout.end)
            let skipped = fragmentHead ? 0 : layout.headEnd
            let head = Array(bytes[0..<(layout.headEnd - skipped)])
            guard let weights = SearchDocumentCoding.weights(bytes[(layout.headEnd - skipped)..<(layout.weightsEnd - skipped)]),
                  let document = SearchDocumentCoding.decode(rest: bytes[(layout.weightsEnd - skipped)...], weights: weights,
                                                             fragmentHead: head), document.termCount == layout.terms else {
                throw SearchDocumentUnreadable(range: spilled.range, reason: "its bytes are not as written")
            }
            return document
        }
    }
}
