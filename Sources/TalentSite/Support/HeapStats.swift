import Foundation

/// The heap as `TALENTSITE_TIMINGS` reports it after each stage: live bytes and resident bytes from jemalloc when the
/// executable links it (`talentsite` does; tests do not), and the process's peak resident size, which any allocator has.
/// jemalloc is looked up at run time, so this library does not depend on it.
enum HeapStats {
    private typealias MallCtl = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                UnsafeMutableRawPointer?, Int) -> Int32
    private static let mallctl: MallCtl? = {
        guard let symbol = dlsym(nil, "mallctl") else { return nil }  // nil is RTLD_DEFAULT on glibc
        return unsafeBitCast(symbol, to: MallCtl.self)
    }()

    /// jemalloc's bytes allocated by the program and resident in its arenas, refreshed now; nil without jemalloc.
    static func jemalloc() -> (allocated: Int, resident: Int)? {
        guard let mallctl else { return nil }
        var epoch: UInt64 = 1
        _ = mallctl("epoch", nil, nil, &epoch, MemoryLayout<UInt64>.size)  // stats are a snapshot taken at each new epoch
        func read(_ name: String) -> Int? {
            var value = 0
            var length = MemoryLayout<Int>.size
            return mallctl(name, &value, &length, nil, 0) == 0 ? value : nil
        }
        guard let allocated = read("stats.allocated"), let resident = read("stats.resident") else { return nil }
        return (allocated, resident)
    }

    /// Gives the pages of freed memory back to the system now (jemalloc keeps them for seconds, for reuse), after a
    /// stage that freed much at once: what the next stage allocates then adds to what is live, not to that too.
    /// Nothing without jemalloc.
    static func releaseFreedPages() {
        _ = mallctl?("arena.4096.purge", nil, nil, nil, 0)  // 4096 is MALLCTL_ARENAS_ALL
    }

    /// The most memory the process has had resident so far, in bytes (`ru_maxrss`, which Linux gives in KB).
    static func peakResident() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// "heap 120 MB live, 180 MB resident, peak 210 MB" for a timing line.
    static func summary() -> String {
        func mb(_ bytes: Int) -> String { "\(bytes / 1_000_000) MB" }
        let peak = "peak \(mb(peakResident()))"
        guard let heap = jemalloc() else { return peak }
        return "heap \(mb(heap.allocated)) live, \(mb(heap.resident)) resident, " + peak
    }
}
