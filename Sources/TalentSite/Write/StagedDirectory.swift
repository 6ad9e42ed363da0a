import Foundation

/// Writes a build into a fresh folder beside the output and swaps it in only when the build succeeded,
/// so a failed build leaves the last good site untouched.
public final class StagedDirectory: OutputTarget, @unchecked Sendable {
    public let destination: URL
    public let staging: URL
    private let createdFolders = NSLock()
    private var knownFolders: Set<String> = []

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    public func write(_ bytes: [UInt8], to path: OutputPath) throws {
        let url = staging.appendingPathComponent(path.relative)
        let folder = url.deletingLastPathComponent().path
        // Created under the lock: a second writer into the same new folder must not find it missing.
        try createdFolders.withLock {
            if !knownFolders.contains(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                knownFolders.insert(folder)
            }
        }
        try Self.writeFile(bytes, path: url.path)
    }

    /// Plain open/write/close: Foundation's `Data.write` also fsyncs every file, which made writing
    /// thousands of pages several times slower. Durability comes from the final rename instead.
    static func writeFile(_ bytes: [UInt8], path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
    }

    /// Replaces the destination with the staged build: rename the old one aside, rename the new one in, delete the old.
    public func commit() throws {
        let fileManager = FileManager.default
        let previous = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: previous)
        let hadPrevious = fileManager.fileExists(atPath: destination.path)
        if hadPrevious { try fileManager.moveItem(at: destination, to: previous) }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            if hadPrevious { try? fileManager.moveItem(at: previous, to: destination) }
            throw error
        }
        if hadPrevious { try? fileManager.removeItem(at: previous) }
    }

    /// Throws the staged files away; the destination is not touched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Output captured in memory, for tests.
public final class MemoryOutput: OutputTarget, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public func write(_ bytes: [UInt8], to path: OutputPath) throws {
        lock.lock(); defer { lock.unlock() }
        storage[path.relative] = bytes
    }

    public var files: [String: [UInt8]] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
