import Dispatch

/// A result slot per index, each written by exactly one worker: safe without locks.
private final class Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

extension Array where Element: Sendable {
    /// `map` on all cores, keeping order; for CPU-bound work on independent items.
    func parallelMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        let items = self
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.buffer[index] = transform(items[index])
        }
        return slots.buffer.map { $0! }
    }
}
