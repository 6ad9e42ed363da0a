import Foundation

/// Prints how long each pipeline stage took to stderr when `TALENTSITE_TIMINGS=1`, for profiling builds:
/// wall time and the process's CPU time (user, system), since wall alone misleads on a busy machine, and the heap.
struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["TALENTSITE_TIMINGS"] == "1"
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpu()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now(), cpu = Self.cpu()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        let line = "timing: \(stage) " + String(format: "%.0f ms (user %.0f ms, sys %.0f ms)", milliseconds,
                                                 cpu.user - lastCPU.user, cpu.system - lastCPU.system)
            + "; \(HeapStats.summary())\n"
        FileHandle.standardError.write(Data(line.utf8))
        last = now
        lastCPU = cpu
    }

    /// CPU time of the whole process so far, in milliseconds.
    private static func cpu() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return (ms(usage.ru_utime), ms(usage.ru_stime))
    }
}
