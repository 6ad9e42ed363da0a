import Foundation
import Synchronization

/// Writes a build into a fresh folder beside the output and swaps it in only when the build succeeded,
/// so a failed build leaves the last good site untouched. Its folders carry `OutputGuard`'s marker, so leftovers of
/// a killed build can be told from anything else and cleared by the next build.
public final class StagedDirectory: OutputTarget, Sendable {
    public let destination: URL
    public let staging: URL
    /// The staging folder, opened once: files and folders are created relative to it, which saves resolving its
    /// path each time and means nothing can be created once `cancel` has removed it.
    private let stagingFolder: Int32
    /// The last build's output when there is one, for the files this build would write unchanged.
    private let previous: PreviousOutput?
    /// The folders created so far and whether the build was cancelled; `destination` and `staging` never change.
    private let folders = Mutex(Folders())
    private struct Folders {
        var known: Set<Substring> = []
        var cancelled = false
    }
    /// The mode new files are created with (the umask applies).
    static let fileMode: mode_t = 0o644

    /// `reuse` false writes every file anew even when a previous output holds it unchanged.
    public init(destination: URL, reuse: Bool = true) throws {
        let destination = destination.standardizedFileURL
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent("\(Self.stagingPrefix(of: destination))\(getpid())")
        Self.recoverLeftovers(of: destination)
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try OutputGuard.mark(staging)
        stagingFolder = open(staging.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard stagingFolder >= 0 else {
            try? FileManager.default.removeItem(at: staging)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staging.path])
        }
        previous = reuse ? Self.modeOfNewFiles(in: stagingFolder).flatMap { PreviousOutput(destination: destination, mode: $0) } : nil
        StagingRegistry.shared.add(self)
    }

    deinit { close(stagingFolder) }

    public func write(_ bytes: [UInt8], to path: OutputPath) throws {
        // Relative paths, not URLs: this runs once per file, and most pages are alone in a folder of their own.
        let file = path.relative
        let folder = file.lastIndex(of: "/").map { file[..<$0] }
        let isNew = try folders.withLock { folders in
            if folders.cancelled { throw CocoaError(.userCancelled) }
            return folder.map { !folders.known.contains($0) } ?? false
        }
        if isNew, let folder { try makeFolder(folder) }
        if let previous, previous.link(bytes, at: file, into: stagingFolder) { return }
        try writeFile(bytes, at: file)
    }

    /// Creates the staging folder's `folder` (a relative path), which this build has not made yet. Not under the
    /// lock: two writers creating one folder both find it there afterwards, and once `cancel` has removed the
    /// staging folder nothing is created again, since every path is relative to the removed folder's descriptor.
    private func makeFolder(_ folder: Substring) throws {
        // One mkdir where the parent exists (the usual case: the plan writes a list before its pages).
        if mkdirat(stagingFolder, String(folder), 0o755) != 0 && errno != EEXIST {
            guard errno == ENOENT else { throw Self.failure(folder) }
            var partial = ""
            for component in folder.split(separator: "/") {
                partial += partial.isEmpty ? String(component) : "/" + component
                if mkdirat(stagingFolder, partial, 0o755) != 0 && errno != EEXIST { throw Self.failure(folder) }
            }
        }
        folders.withLock { _ = $0.known.insert(folder) }
    }

    /// Plain open/write/close: Foundation's `Data.write` also fsyncs every file, which made writing
    /// thousands of pages several times slower. Durability comes from the final rename instead. Always a new
    /// inode (`O_EXCL`): an existing one may be a file of the previous output linked here, which must not change;
    /// a path written twice is unlinked first, and the last write wins as before.
    private func writeFile(_ bytes: [UInt8], at file: String) throws {
        var descriptor = openat(stagingFolder, file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, Self.fileMode)
        if descriptor < 0 && errno == EEXIST && unlinkat(stagingFolder, file, 0) == 0 {
            descriptor = openat(stagingFolder, file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, Self.fileMode)
        }
        guard descriptor >= 0 else { throw Self.failure(file) }
        defer { close(descriptor) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure(file)
                }
                offset += written
            }
        }
    }

    private static func failure(_ path: some StringProtocol) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: String(path)])
    }

    /// The permission bits a file created with `fileMode` gets under the process's umask, found by creating one:
    /// reading the umask means setting it, which other threads could see.
    private static func modeOfNewFiles(in folder: Int32) -> mode_t? {
        let probe = ".talentsite-mode-probe"
        let descriptor = openat(folder, probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor); unlinkat(folder, probe, 0) }
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    /// Replaces the destination with the staged build in one atomic exchange where the kernel offers it
    /// (renameat2), else by renaming the old one aside first; then hands the old one to `BackgroundRemoval`.
    public func commit() throws {
        defer { StagingRegistry.shared.remove(self) }
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: destination.path) else {
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        try keepForeignDotfiles()
        if AtomicExchange.swap(staging.path, destination.path) {
            BackgroundRemoval.discard(staging, beside: destination)  // now the previous build, marked as ours
            return
        }
        let previous = destination.deletingLastPathComponent()
            .appendingPathComponent("\(Self.previousPrefix(of: destination))\(getpid())")
        try? fileManager.removeItem(at: previous)
        try fileManager.moveItem(at: destination, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            try? fileManager.moveItem(at: previous, to: destination)
            throw error
        }
        BackgroundRemoval.discard(previous, beside: destination)
    }

    /// Top-level dotfiles of the destination that this build does not write (a clone's `public/.gitkeep`, a
    /// host's `.well-known/`) are not the build's to delete: they move into the new build before the swap.
    private func keepForeignDotfiles() throws {
        let fileManager = FileManager.default
        for name in try fileManager.contentsOfDirectory(atPath: destination.path).sorted()
        where name.hasPrefix(".") && !fileManager.fileExists(atPath: staging.appendingPathComponent(name).path) {
            try fileManager.moveItem(at: destination.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
    }

    /// Throws the staged files away; the destination is not touched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        StagingRegistry.shared.remove(self)
    }

    /// Stops further folder creation, then removes the staging folder; a file a writer was creating at that
    /// moment can keep a folder alive, so removal is tried again shortly after.
    func cancel() {
        folders.withLock { $0.cancelled = true }
        for attempt in 0..<3 {
            if attempt > 0 { usleep(50_000) }
            try? FileManager.default.removeItem(at: staging)
            if !FileManager.default.fileExists(atPath: staging.path) { return }
        }
    }

    static func stagingPrefix(of destination: URL) -> String { ".\(destination.lastPathComponent).staging-" }
    static func previousPrefix(of destination: URL) -> String { ".\(destination.lastPathComponent).previous-" }

    /// Clears what a build killed before it could clean up left beside `destination`: a staging folder, or the
    /// previous output renamed aside (put back when the output is missing), or a trash folder whose deletion
    /// stopped. Only marked folders of processes that are gone are touched; they are deleted in the background.
    static func recoverLeftovers(of destination: URL) {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        let trashPrefix = BackgroundRemoval.trashPrefix(of: destination)
        for name in names.sorted() {
            for prefix in [stagingPrefix(of: destination), previousPrefix(of: destination), trashPrefix] where name.hasPrefix(prefix) {
                let suffix = name.dropFirst(prefix.count)  // `<pid>`, or `<pid>-<n>` for trash
                let owner = prefix == trashPrefix ? suffix.split(separator: "-", maxSplits: 1).first ?? "" : suffix
                guard let pid = Int32(owner), !isRunning(pid) else { continue }
                let folder = parent.appendingPathComponent(name)
                guard OutputGuard.isMarked(folder) else { continue }
                if prefix == trashPrefix {
                    BackgroundRemoval.resume(folder)
                } else if prefix == previousPrefix(of: destination), !fileManager.fileExists(atPath: destination.path) {
                    try? fileManager.moveItem(at: folder, to: destination)
                } else {
                    BackgroundRemoval.discard(folder, beside: destination)
                }
            }
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid == getpid() ? false : (kill(pid, 0) == 0 || errno == EPERM)
    }
}

/// The staging folders of builds in progress, so an interrupted build (Ctrl-C, SIGTERM from CI) removes them.
public final class StagingRegistry: Sendable {
    public static let shared = StagingRegistry()
    private let builds = Mutex<[ObjectIdentifier: StagedDirectory]>([:])

    func add(_ build: StagedDirectory) { builds.withLock { $0[ObjectIdentifier(build)] = build } }
    func remove(_ build: StagedDirectory) { builds.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(build)) } }

    /// Cancels every build still staging and deletes its folder; called from a signal handler before exiting.
    public func discardAll() {
        let pending = builds.withLock { Array($0.values) }
        for build in pending { build.cancel() }
    }
}

/// Output captured in memory, for tests.
public final class MemoryOutput: OutputTarget, Sendable {
    private let storage = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ bytes: [UInt8], to path: OutputPath) throws {
        storage.withLock { $0[path.relative] = bytes }
    }

    public var files: [String: [UInt8]] {
        storage.withLock { $0 }
    }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
