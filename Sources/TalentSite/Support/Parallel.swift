import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on all cores, keeping order; for CPU-bound work on independent items. Each worker's result
    /// goes into its slot under a lock, so the compiler checks what crosses threads (`T: Sendable`).
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let items = self
        let slots = Mutex<[T?]>(Array<T?>(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let result = transform(items[index])
            slots.withLock { $0[index] = result }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
