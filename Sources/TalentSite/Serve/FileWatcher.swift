import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders recursively and reports the files that changed, a burst of events at a time
/// (saving a file is often several events: write, close, rename). inotify on Linux; elsewhere, a
/// modification-time scan twice a second. Hidden files and editor backups (`.x`, `x~`) are left out; a burst
/// of nothing else still calls back, with no paths, so that the receiver can finish work it put off.
/// Thread safety: `stopping`, `busy` and `scans` are held in a Mutex; everything else is set in `init` and then only read.
final class FileWatcher: Sendable {
    typealias Callback = @Sendable (Set<String>) -> Void

    private let root: URL
    private let folders: [String]
    private let callback: Callback
    private let settle: Int32
    private struct Progress {
        var stopping = false
        /// True from the moment the watch thread takes events until their callback has returned.
        var busy = false
        /// Scans finished (polling only): a scan begun after a save has seen it.
        var scans = 0
    }
    private let progress = Mutex(Progress())
    private let done = DispatchSemaphore(value: 0)
    #if os(Linux)
    private let descriptor: Int32
    #endif

    /// - Parameters:
    ///   - folders: paths under `root` to watch (`content`, `templates`).
    ///   - settleMilliseconds: how long to wait after an event for the rest of its burst.
    init(root: URL, folders: [String], settleMilliseconds: Int32 = 15, callback: @escaping Callback) throws {
        self.root = root.standardizedFileURL; self.folders = folders; self.callback = callback; self.settle = settleMilliseconds
        #if os(Linux)
        let inotify = try Inotify(root: self.root, folders: folders)
        descriptor = inotify.descriptor
        let thread = Thread { [self] in run(inotify); done.signal() }
        #else
        let thread = Thread { [self] in poll(); done.signal() }
        #endif
        thread.name = "talentsite.serve.watch"
        thread.start()
    }

    private var shouldStop: Bool { progress.withLock { $0.stopping } }

    private func setBusy(_ value: Bool) { progress.withLock { $0.busy = value } }

    func stop() {
        let already = progress.withLock { progress in defer { progress.stopping = true }; return progress.stopping }
        if !already { done.wait() }
    }

    /// What a build reads or reports: not editor and system leftovers, but a hidden `.md` file (an error).
    static func isWatched(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return !parts.dropLast().contains { $0.hasPrefix(".") } && !ContentListing.isLeftover(String(parts.last ?? ""))
    }

    /// Waits until every change made before the call has been handed to the callback and the callback has
    /// returned (so a rebuild it started is over); false after `seconds`. Tests use it to let `serve` settle.
    func waitUntilIdle(timeout seconds: Double) -> Bool {
        let deadline = DispatchTime.now() + seconds
        #if !os(Linux)
        let target = progress.withLock { $0.scans + 2 }
        #endif
        while DispatchTime.now() < deadline {
            let idle = progress.withLock { progress in
                #if os(Linux)
                // The kernel queues an event before the write, close or rename that caused it returns; the
                // descriptor is checked under the lock, so an event is either still queued or already `busy`.
                return progress.stopping || (!progress.busy && !Socket.waitReadable(descriptor, milliseconds: 0))
                #else
                return progress.stopping || (!progress.busy && progress.scans >= target)
                #endif
            }
            if idle { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }

    /// Whether changes are queued that the callback has not been given yet. Precise with inotify (call it from
    /// the callback, while the descriptor is open); polling cannot tell and says false.
    var hasPendingChanges: Bool {
        #if os(Linux)
        return Socket.waitReadable(descriptor, milliseconds: 0)
        #else
        return false
        #endif
    }

    #if os(Linux)
    private func run(_ inotify: Inotify) {
        defer { inotify.close() }
        while !shouldStop {
            guard Socket.waitReadable(inotify.descriptor, milliseconds: 100) else { continue }
            setBusy(true)
            defer { setBusy(false) }
            var changed = inotify.read()
            while Socket.waitReadable(inotify.descriptor, milliseconds: settle) { changed.formUnion(inotify.read()) }
            // Called even when only leftovers changed: serve then knows a held-back failed build is final.
            let visible = changed.filter(Self.isWatched)
            if !shouldStop { callback(visible) }
        }
    }
    #else
    private func poll() {
        var last = snapshot()
        while !shouldStop {
            Thread.sleep(forTimeInterval: 0.5)
            setBusy(true)
            let now = snapshot()
            let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] && Self.isWatched($0) }
            last = now
            if !changed.isEmpty && !shouldStop { callback(changed) }
            progress.withLock { $0.busy = false; $0.scans += 1 }
        }
    }

    private func snapshot() -> [String: Date] {
        let tree = DiskSourceTree(root: root)
        var result: [String: Date] = [:]
        for folder in folders {
            for entry in (try? tree.listing(under: folder)) ?? [] where entry.kind != .folder {
                let path = entry.path
                result[path] = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.modificationDate] as? Date
            }
        }
        return result
    }
    #endif
}

#if os(Linux)
/// An inotify instance watching every folder under the given ones, adding folders created later.
/// Used on the watch thread; the folder of each watch is kept under a lock, so the compiler checks it.
final class Inotify: Sendable {
    let descriptor: Int32
    private let root: URL
    private let folderOf = Mutex<[Int32: String]>([:])
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    init(root: URL, folders: [String]) throws {
        self.root = root
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Socket.Failure("inotify_init1") }
        for folder in folders { watchTree(folder) }
    }

    /// Watches `folder` (relative to the root) and every folder below it.
    private func watchTree(_ folder: String) {
        let url = root.appendingPathComponent(folder)
        let watch = inotify_add_watch(descriptor, url.path, Self.mask)
        guard watch >= 0 else { return }
        folderOf.withLock { $0[watch] = folder }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for child in children.sorted() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(child).path, isDirectory: &isDirectory), isDirectory.boolValue {
                watchTree(folder + "/" + child)
            }
        }
    }

    /// Drains pending events; returns the changed paths relative to the root.
    func read() -> Set<String> {
        var changed: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if let folder = folderOf.withLock({ $0[watch] }) {
                    let path = name.isEmpty ? folder : folder + "/" + name
                    changed.insert(path)
                    if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                }
                if mask & UInt32(IN_IGNORED) != 0 { folderOf.withLock { _ = $0.removeValue(forKey: watch) } }
                offset = nameStart + length
            }
        }
        return changed
    }

    func close() { _ = Glibc.close(descriptor) }
}
#endif
