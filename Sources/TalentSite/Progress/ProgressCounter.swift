import Foundation

/// Counts finished render jobs across worker threads and passes the count on every 32 jobs (and at the end),
/// so progress reporting costs next to nothing when nobody is watching.
final class ProgressCounter: @unchecked Sendable {  // unchecked: `done` only under `lock`; the rest constant
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (String, Int, Int) -> Void)?) { self.total = total; self.report = report }

    func step() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        if now % 32 == 0 || now == total { report("rendering", now, total) }
    }
}
