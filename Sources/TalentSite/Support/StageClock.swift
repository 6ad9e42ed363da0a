import Foundation

/// Prints how long each pipeline stage took to stderr when `TALENTSITE_TIMINGS=1`, for profiling builds.
struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["TALENTSITE_TIMINGS"] == "1"
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data("timing: \(stage) \(String(format: "%.0f", milliseconds)) ms\n".utf8))
        last = now
    }
}
