import Synchronization

/// Values made once per key and shared by the threads of a build (a card item, a language's menus): the maker
/// runs outside the lock, so threads making different values do not wait for each other; when two make the
/// same one at once, the first stored is kept and both get it, so every reader sees one value per key.
///
/// With a `capacity`, the table keeps at most that many values: past it, the oldest stored is let go (and made
/// again if asked for later), so a table whose values grow with the site keeps a fixed number of them.
final class OnceTable<Stored: Sendable>: Sendable {
    private struct State {
        var values: [String: Stored] = [:]
        /// Keys in the order their values were stored, from `head` on (with a capacity only).
        var order: [String] = []
        var head = 0

        /// Notes `key` as the newest and lets go of the oldest values past `capacity`; returns them.
        mutating func remember(_ key: String, capacity: Int) -> [Stored] {
            order.append(key)
            var dropped: [Stored] = []
            while values.count > capacity, head < order.count {
                if let value = values.removeValue(forKey: order[head]) { dropped.append(value) }
                head += 1
            }
            // The keys before `head` are gone: compact once they are half the array.
            if head >= 1024, head * 2 >= order.count {
                order.removeFirst(head)
                head = 0
            }
            return dropped
        }
    }

    private let state = Mutex(State())
    private let capacity: Int?

    init(capacity: Int? = nil) {
        self.capacity = capacity.map { max($0, 1) }
    }

    /// The value for `key`, made by `make` the first time it is asked for (or since it was let go).
    func value(_ key: String, make: () -> Stored) -> Stored {
        if let known = state.withLock({ $0.values[key] }) { return known }
        let made = make()
        // What the capacity lets go is released after the lock, not under it.
        var dropped: [Stored] = []
        let kept = state.withLock { state in
            if let raced = state.values[key] { return raced }
            state.values[key] = made
            if let capacity { dropped = state.remember(key, capacity: capacity) }
            return made
        }
        dropped.removeAll()
        return kept
    }

    /// How many values the table holds.
    var count: Int { state.withLock { $0.values.count } }
}
