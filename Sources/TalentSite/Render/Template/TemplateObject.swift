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
    /// A lazy object's fields once built.
    private let built = AtomicLazyReference<Built>()
    /// A lazy object's builder until the first read.
    private let pending: Mutex<(@Sendable () -> [String: Any])?>

    private final class Built: Sendable {
        let table: TemplateTable
        init(_ table: TemplateTable) { self.table = table }
    }

    init(_ fields: [String: TemplateValue], memoKey: String? = nil) {
        self.eager = TemplateTable(pairs: fields.lazy.map { (key: $0.key, value: $0.value) })
        self.pending = Mutex(nil)
        self.memoKey = memoKey
    }

    /// Converts each value of a context dictionary.
    init(converting dictionary: [String: Any]) {
        self.eager = TemplateTable(converting: dictionary)
        self.pending = Mutex(nil)
        self.memoKey = nil
    }

    /// An object whose fields `make` builds when first read.
    init(memoKey: String, lazily make: @escaping @Sendable () -> [String: Any]) {
        self.eager = nil
        self.pending = Mutex(make)
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

    var fields: Fields { table.entries.map { (key: $0.key, value: $0.value) } }

    subscript(name: String) -> TemplateValue? { table[TemplateKey(name)] }

    subscript(key: TemplateKey) -> TemplateValue? {
        guard eager == nil else { return eager?[key] }  // read in place, without copying the table
        return table[key]
    }
}
