import Foundation
import Synchronization
import TalentSite

/// `--write-replay OUTPUT`: the write stage alone. Reads every file of a built output into memory, then writes
/// them all through `StagedDirectory` (on all cores, like the render stage) into a scratch output beside it, twice
/// per round: a clean build (no previous output) and a rebuild into the first, with and without reusing the
/// previous output's unchanged files. Prints user and system CPU per round (this process only: the background
/// deletion of the replaced output is not counted); compare system time, best of the rounds.
enum WriteReplay {
    static func run(output: URL, rounds: Int) throws {
        let files = try read(output)
        let scratch = output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + "-replay")
        say("write-replay: \(files.count) files, \(files.reduce(0) { $0 + $1.1.count } / 1_000_000) MB, \(rounds) rounds")
        for _ in 0..<rounds {
            for reuse in [false, true] {
                try? FileManager.default.removeItem(at: scratch)
                let clean = try measure { try write(files, to: scratch, reuse: reuse) }
                let rebuild = try measure { try write(files, to: scratch, reuse: reuse) }
                say("reuse \(reuse ? "on " : "off")  clean \(clean)   rebuild \(rebuild)")
            }
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Each line as it is measured, also into a file (`print` buffers until exit there).
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    static func read(_ output: URL) throws -> [(OutputPath, [UInt8])] {
        guard let walk = FileManager.default.enumerator(atPath: output.path) else { return [] }
        var files: [(OutputPath, [UInt8])] = []
        for case let relative as String in walk where !relative.hasPrefix(".") {
            let url = output.appendingPathComponent(relative)
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  let path = OutputPath(file: relative) else { continue }
            files.append((path, Array(try Data(contentsOf: url))))
        }
        return files.sorted { $0.0.relative < $1.0.relative }
    }

    static func write(_ files: [(OutputPath, [UInt8])], to destination: URL, reuse: Bool) throws {
        let staged = try StagedDirectory(destination: destination, reuse: reuse)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do { try staged.write(files[index].1, to: files[index].0) } catch { failures.add() }
        }
        guard failures.count == 0 else { staged.discard(); throw CocoaError(.fileWriteUnknown) }
        try staged.commit()
    }

    /// `1.23 s wall 0.45 user 0.67 sys`.
    static func measure(_ body: () throws -> Void) throws -> String {
        let start = (DispatchTime.now().uptimeNanoseconds, usage())
        try body()
        let end = (DispatchTime.now().uptimeNanoseconds, usage())
        return String(format: "%5.2f s wall %5.2f user %5.2f sys", Double(end.0 - start.0) / 1e9, end.1.user - start.1.user, end.1.system - start.1.system)
    }

    static func usage() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }
}

/// Counts failed writes across threads.
final class Failures: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
