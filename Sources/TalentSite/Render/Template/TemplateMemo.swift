import Foundation
import Synchronization

/// Renderings of partials over memoisable objects (card items), shared by the pages of one build: a
/// record's card is rendered once per language and heading level, not once per list, term and archive page.
///
/// Their bytes grow with the site (about 140 MB at 20k courses), so they are held in memory up to a byte
/// budget and the rest go to a spill file, read back by range straight into the page being rendered.
final class TemplateMemo: Sendable {
    struct Entry: Sendable {
        /// Where the rendering is.
        var bytes: Placement
        /// Every name the partial looked up outside its object, with what it found (nil: nothing).
        var reads: [(name: String, value: TemplateValue?)]
    }

    enum Placement: Sendable {
        case held([UInt8])
        /// At this range of the memo's spill file.
        case spilled(Range<Int>)
    }

    /// How the memo's bytes are kept, for tests and measurements.
    struct Usage: Equatable {
        var held = 0
        var spilled = 0
        /// Renderings read back from the spill file.
        var readBack = 0
    }

    /// The default budget, 40 MiB: more than the whole memo of the 5k-course build (34 MB), so a build of that
    /// size never reads a card back; the 20k-course build's memo (135 MB) keeps 42 MB here and spills 93 MB.
    static let defaultBudget = 40 << 20

    private struct Key: Hashable {
        var template: Int
        var object: String
    }

    private struct State {
        var entries: [Key: [Entry]] = [:]
        var usage = Usage()
        /// Made on the first rendering past the budget; nil before, or when none could be made.
        var spill: (any RenderingSpill)?
        var spillTried = false
    }

    private let state = Mutex(State())
    private let readBack = Atomic(0)
    private let budget: Int
    private let makeSpill: @Sendable () -> (any RenderingSpill)?

    /// A few renderings per object: one per set of outside values (a card at heading level 2 and at 3).
    private static let variants = 4

    /// A memo holding at most `budget` bytes of renderings in memory; the rest go to the store `makeSpill`
    /// makes when first needed (a `SpillFile` in the temporary folder by default).
    init(budget: Int = TemplateMemo.defaultBudget,
         makeSpill: @escaping @Sendable () -> (any RenderingSpill)? = { SpillFile() }) {
        self.budget = budget
        self.makeSpill = makeSpill
    }

    /// The renderings of `template` over the object with memo key `key`, newest first.
    func entries(template: Int, key: String) -> [Entry] {
        state.withLock { $0.entries[Key(template: template, object: key)] ?? [] }
    }

    var usage: Usage {
        var usage = state.withLock { $0.usage }
        usage.readBack = readBack.load(ordering: .relaxed)
        return usage
    }

    /// Appends `entry`'s bytes to `out`; false (and `out` as it was) when they cannot be read back.
    func append(_ entry: Entry, to out: inout [UInt8]) -> Bool {
        switch entry.bytes {
        case .held(let bytes):
            out.append(contentsOf: bytes)
            return true
        case .spilled(let range):
            guard let spill = state.withLock({ $0.spill }), spill.read(range, appendingTo: &out) else { return false }
            readBack.add(1, ordering: .relaxed)
            return true
        }
    }

    /// Keeps `bytes` as the newest rendering of `template` over object `object`: in memory while the budget
    /// allows, else in the spill file (in memory after all when that cannot be made or written).
    func store(_ bytes: ArraySlice<UInt8>, reads: [(name: String, value: TemplateValue?)], template: Int, key object: String) {
        let spill: (any RenderingSpill)? = state.withLock { state in
            if state.usage.held + bytes.count <= budget {
                state.usage.held += bytes.count
                return nil
            }
            if !state.spillTried {
                state.spillTried = true
                state.spill = makeSpill()
            }
            if state.spill == nil { state.usage.held += bytes.count }
            return state.spill
        }
        let range = spill.flatMap { spill in bytes.withUnsafeBytes { spill.append($0) } }
        let entry = Entry(bytes: range.map(Placement.spilled) ?? .held(Array(bytes)), reads: reads)
        let key = Key(template: template, object: object)
        state.withLock { state in
            if spill != nil {
                if range == nil { state.usage.held += bytes.count } else { state.usage.spilled += bytes.count }
            }
            let older = state.entries[key] ?? []
            for dropped in older.dropFirst(Self.variants - 1) {
                if case .held(let bytes) = dropped.bytes { state.usage.held -= bytes.count }
            }
            state.entries[key] = [entry] + older.prefix(Self.variants - 1)
        }
    }
}

/// Where renderings past the memo's budget go: bytes appended and read back by range (`SpillFile`).
protocol RenderingSpill: Sendable {
    func append(_ bytes: UnsafeRawBufferPointer) -> Range<Int>?
    func read(_ range: Range<Int>, appendingTo buffer: inout [UInt8]) -> Bool
}

extension SpillFile: RenderingSpill {}
