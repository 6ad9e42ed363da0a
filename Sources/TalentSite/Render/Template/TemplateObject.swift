import Synchronization

/// A mapping in a template context (a page, a card, a fact): its fields with their key hashes, so a lookup
/// compares integers (see `TemplateTable`).
///
/// An object with a `memoKey` (a record's card item in one language) may be made lazily: its fields are
/// built on first read, so a page whose cards all come from the memo never builds them. A lazy object is
/// built once under a Mutex and then read through an atomic reference, without the lock; an eager one holds
/// constant fields.
final class TemplateObject: Sendable {
    typealias Fields = [(key: String, value: TemplateValue)]

    /// Names an object whose partials render the same on every page (same key, same fields within a build):
    /// the renderer reuses a rendering after checking that every value it read outside the object is the same.
    let memoKey: String?
    /// The fields of an eager object; nil for a lazy one.
    private let eager: TemplateTable?
    /// Where a name this object lacks is looked up next, as if its fields were merged under this object's: a
    /// page's own values over the part shared by every page of its language and section, made once.
    private let fallback: TemplateObject?
    /// A lazy object's fields once built.
    private let built = AtomicLazyReference<Built>()
    /// A lazy object's builder until the first read.
    private let pending: Mutex<(@Sendable () -> [String: Any])?>
    /// Fields of a lazy object made again on every read and never kept: a card's facts, read only while the card
    /// is first rendered (later pages take it from the memo), and as large as the rest of the card if kept.
    private let computed: [(key: TemplateKey, make: @Sendable () -> TemplateValue)]

    private final class Built: Sendable {
        let table: TemplateTable
        init(_ table: TemplateTable) { self.table = table }
    }

    init(_ fields: [String: TemplateValue], memoKey: String? = nil) {
        self.eager = TemplateTable(pairs: fields.lazy.map { (key: $0.key, value: $0.value) })
        self.fallback = nil
        self.pending = Mutex(nil)
        self.computed = []
        self.memoKey = memoKey
    }

    /// Fields given in order, as the code building a context writes them: no dictionary is made on the way.
    init(pairs: KeyValuePairs<String, TemplateValue>) {
        self.eager = TemplateTable(pairs: pairs.lazy.map { (key: $0.key, value: $0.value) })
        self.fallback = nil
        self.pending = Mutex(nil)
        self.computed = []
        self.memoKey = nil
    }

    /// Fields in the order given; of two with the same name, the first is found.
    init(fields: [(key: String, value: TemplateValue)]) {
        self.eager = TemplateTable(pairs: fields)
        self.fallback = nil
        self.pending = Mutex(nil)
        self.computed = []
        self.memoKey = nil
    }

    /// Converts each value of a context dictionary; a name it lacks is looked up in `fallback`.
    init(converting dictionary: [String: Any], fallback: TemplateObject? = nil) {
        self.eager = TemplateTable(converting: dictionary)
        self.fallback = fallback
        self.pending = Mutex(nil)
        self.computed = []
        self.memoKey = nil
    }

    /// An object whose fields `make` builds when first read, and whose `computed` fields are made on each read.
    init(memoKey: String, lazily make: @escaping @Sendable () -> [String: Any],
         computed: [(name: String, make: @Sendable () -> TemplateValue)] = []) {
        self.eager = nil
        self.fallback = nil
        self.pending = Mutex(make)
        self.computed = computed.map { (TemplateKey($0.name), $0.make) }
        self.memoKey = memoKey
    }

    /// The fields, built on the first read of a lazy object (once, whichever thread reads first).
    var table: TemplateTable {
        if let eager { return eager }
        if let built = built.load() { return built.table }
        return pending.withLock { make in
            if let built = built.load() { return built.table }
            let table = make.map { TemplateTable(converting: $0()) } ?? TemplateTable([])
            make = nil
            return built.storeIfNil(Built(table)).table
        }
    }

    /// Every field, those of the fallback that this object does not override included (after its own).
    var fields: Fields {
        let own = table.entries.map { (key: $0.key, value: $0.value) } + computed.map { (key: $0.key.name, value: $0.make()) }
        guard let fallback else { return own }
        let names = Set(own.map(\.key))
        return own + fallback.fields.filter { !names.contains($0.key) }
    }

    subscript(name: String) -> TemplateValue? { self[TemplateKey(name)] }

    @inline(__always)
    subscript(key: TemplateKey) -> TemplateValue? {
        guard let eager else { return table[key] ?? computed.first(where: { $0.key == key })?.make() }
        // Read in place, without copying the table.
        if let value = eager[key] { return value }
        return fallback?[key]
    }
}
