import Foundation
import Synchronization

/// Bytes a build keeps for later but need not hold in memory (card renderings, search documents past their
/// memory budget): they are appended to an unnamed temporary file and read back by range. The file has no
/// name (it is unlinked as soon as it is made), so nothing is left behind whatever ends the build, and the
/// pages it holds are the kernel's page cache, which gives them back under pressure, not the process's heap.
///
/// Appends from many threads are safe: each reserves its range under a lock and writes outside it.
final class SpillFile: Sendable {
    private let descriptor: Int32
    private let end = Mutex(0)

    /// An empty spill file in `directory` (the temporary folder by default); nil when none can be made, and
    /// callers then keep their bytes in memory.
    init?(in directory: String = FileManager.default.temporaryDirectory.path) {
        // A fresh name, unlinked before anything is written to it (O_TMPFILE is a macro Swift does not import).
        var template = Array((directory + "/.talentsite-spill-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if made >= 0 {
            _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
            _ = fcntl(made, F_SETFD, FD_CLOEXEC)
        }
        guard made >= 0 else { return nil }
        descriptor = made
    }

    deinit { close(descriptor) }

    /// Bytes written so far.
    var size: Int { end.withLock { $0 } }

    /// Writes `bytes` at the end; the range to read them back, or nil when the write failed (a full disk),
    /// in which case the caller keeps them itself.
    func append(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        let start = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        var written = 0
        while written < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(start + written))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return nil }
            written += result
        }
        return start..<(start + bytes.count)
    }

    func append(_ bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends the bytes at `range` to `buffer`; false (and `buffer` as it was) when they cannot be read.
    func read(_ range: Range<Int>, appendingTo buffer: inout [UInt8]) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= size else { return false }
        let before = buffer.count
        var complete = true
        buffer.append(contentsOf: repeatElement(0, count: range.count))
        buffer.withUnsafeMutableBytes { target in
            var done = 0
            while done < range.count {
                let result = pread(descriptor, target.baseAddress! + before + done, range.count - done,
                                   off_t(range.lowerBound + done))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { complete = false; return }
                done += result
            }
        }
        if !complete { buffer.removeSubrange(before...) }
        return complete
    }

    /// The bytes at `range`, or nil when they cannot be read.
    func read(_ range: Range<Int>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        return read(range, appendingTo: &bytes) ? bytes : nil
    }
}
