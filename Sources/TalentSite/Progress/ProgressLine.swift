import Dispatch
import Synchronization

/// A single status line on a terminal, redrawn in place (`\r`, erase line) at most every `interval`,
/// and erased when done, so a long build shows where it is without scrolling the diagnostics away.
/// The CLI creates one only when stderr is a terminal: piped output stays quiet.
public final class ProgressLine: Sendable {
    private let write: @Sendable (String) -> Void
    private let interval: UInt64
    /// When the line was last drawn, and whether it is on the screen; locked while writing so lines never interleave.
    private let drawn = Mutex((at: UInt64(0), shown: false))

    /// - Parameter write: where the control sequences go (stderr in the CLI).
    public init(interval milliseconds: Int = 100, write: @escaping @Sendable (String) -> Void) {
        self.interval = UInt64(milliseconds) * 1_000_000; self.write = write
    }

    /// Reports `done` of `total` steps of `stage`; redraws only when the interval has passed or the stage ends.
    public func update(_ stage: String, done: Int, total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        drawn.withLock { drawn in
            guard !drawn.shown || now - drawn.at >= interval || done == total else { return }
            drawn = (now, true)
            let percent = total > 0 ? " \(done * 100 / total)%" : ""
            let counts = total > 0 ? " \(done)/\(total)" : ""
            write("\r\u{1B}[2K\(stage)\(counts)\(percent)")
        }
    }

    /// Erases the line.
    public func finish() {
        drawn.withLock { drawn in
            if drawn.shown { write("\r\u{1B}[2K") }
            drawn.shown = false
        }
    }

    /// The callback `BuildOptions.progress` takes.
    public var callback: @Sendable (String, Int, Int) -> Void {
        { [self] stage, done, total in update(stage, done: done, total: total) }
    }
}
