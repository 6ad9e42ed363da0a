import Synchronization

/// Values made once per key and shared by the threads of a build (a card item, a language's menus): the maker
/// runs outside the lock, so threads making different values do not wait for each other; when two make the
/// same one at once, the first stored is kept and both get it, so every reader sees one value per key.
final class OnceTable<Stored: Sendable>: Sendable {
    private let values = Mutex<[String: Stored]>([:])

    init() {}

    /// The value for `key`, made by `make` the first time it is asked for.
    func value(_ key: String, make: () -> Stored) -> Stored {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        return values.withLock { values in
            if let raced = values[key] { return raced }
            values[key] = made
            return made
        }
    }
}
