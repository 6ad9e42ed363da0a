import Synchronization

/// Counts finished render jobs across worker threads and passes the count on every 32 jobs (and at the end),
/// so progress reporting costs next to nothing when nobody is watching.
final class ProgressCounter: Sendable {
    private let done = Mutex(0)
    private let total: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (String, Int, Int) -> Void)?) { self.total = total; self.report = report }

    func step() {
        guard let report else { return }
        let now = done.withLock { done in done += 1; return done }
        if now % 32 == 0 || now == total { report("rendering", now, total) }
    }
}
