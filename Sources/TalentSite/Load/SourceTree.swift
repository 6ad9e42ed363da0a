import Foundation

/// Read access to a site's source folder. Injectable so tests can build sites held in memory.
public protocol SourceTree: Sendable {
    /// Every entry under `folder`, recursively, sorted by path: regular files, folders, and what is not
    /// followed (symbolic links, devices…), so a caller can report what it does not read. Hidden folders
    /// (name starting with '.') are listed but not entered.
    func listing(under folder: String) throws -> [SourceEntry]
    func contents(of path: String) throws -> Data
    func fileExists(_ path: String) -> Bool
    func directoryExists(_ path: String) -> Bool
}

/// One entry of a source folder listing.
public struct SourceEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case file
        case folder
        /// A symbolic link, never followed; `target` is what it points to, as written in the link.
        case symlink(target: String)
        /// A socket, pipe or device.
        case special
    }

    /// Relative to the tree's root, like every path of a `SourceTree`.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) { self.path = path; self.kind = kind }

    /// The last path component.
    public var name: String {
        // The last non-empty component, as `path.split(separator: "/").last`, without splitting the whole path.
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        let start = path[..<end].lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[start..<end])
    }
}

extension SourceTree {
    /// Relative paths of the regular files under `folder`, recursively, sorted, leaving out hidden ones
    /// (a name starting with '.') and symbolic links.
    public func files(under folder: String) throws -> [String] {
        try listing(under: folder).filter { $0.kind == .file && !$0.name.hasPrefix(".") }.map(\.path)
    }

    /// The file as text: UTF-8 without byte-order mark, LF line ends (see `SourceText`); bytes that are not
    /// UTF-8 are an error at the first of them, not silently replaced.
    func text(of path: String) -> Result<String, Diagnostic> {
        guard let data = try? contents(of: path) else {
            return .failure(.error(SourceLocation(file: path), "cannot read file"))
        }
        return SourceText.decode(data, file: path)
    }

    /// The file's text exactly as saved, for rewriting it in place.
    func verbatimText(of path: String) -> Result<String, Diagnostic> {
        guard let data = try? contents(of: path) else {
            return .failure(.error(SourceLocation(file: path), "cannot read file"))
        }
        return SourceText.decodeVerbatim(data, file: path)
    }
}

/// A source folder on disk.
public struct DiskSourceTree: SourceTree {
    public let root: URL
    /// `root` as a path, so reading a file builds no URL.
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
    }

    public func listing(under folder: String) throws -> [SourceEntry] {
        var entries: [SourceEntry] = []
        try list(folder.split(separator: "/").filter { $0 != "." }.joined(separator: "/"), into: &entries)
        return entries.sorted { $0.path < $1.path }
    }

    /// Reads entry kinds from the folder itself (`readdir`'s type, else `lstat`), so a symbolic link is seen as a
    /// link, never as what it points to. Only the listed folder itself may be reached through a link (a site may
    /// keep `content/` elsewhere).
    private func list(_ folder: String, into entries: inout [SourceEntry], top: Bool = true) throws {
        let base = root.appendingPathComponent(folder).path
        var info = stat()
        guard (top ? stat(base, &info) : lstat(base, &info)) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        guard let directory = opendir(base) else {
            _ = try FileManager.default.contentsOfDirectory(atPath: base)  // its error, as before
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    FileManager.default.string(withFileSystemRepresentation: $0, length: strlen($0))
                }
            }
            if name == "." || name == ".." { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            let full = base + "/" + name
            var type = mode(ofDirectoryEntryType: entry.pointee.d_type)
            if type == nil {
                guard lstat(full, &info) == 0 else { continue }  // removed meanwhile
                type = info.st_mode & S_IFMT
            }
            switch type {
            case S_IFREG: entries.append(SourceEntry(path: path, kind: .file))
            case S_IFDIR:
                entries.append(SourceEntry(path: path, kind: .folder))
                if !name.hasPrefix(".") { try list(path, into: &entries, top: false) }
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?"
                entries.append(SourceEntry(path: path, kind: .symlink(target: target)))
            default: entries.append(SourceEntry(path: path, kind: .special))
            }
        }
    }

    /// The `st_mode` file type for a `d_type`; nil when the file system does not say (`DT_UNKNOWN`).
    private func mode(ofDirectoryEntryType type: UInt8) -> mode_t? {
        switch Int(type) {
        case Int(DT_REG): return S_IFREG
        case Int(DT_DIR): return S_IFDIR
        case Int(DT_LNK): return S_IFLNK
        case Int(DT_UNKNOWN): return nil
        default: return S_IFIFO  // a pipe, socket or device: all reported alike
        }
    }

    /// The file's bytes, read with plain `open` and `read` (the loader reads thousands of small files).
    public func contents(of path: String) throws -> Data {
        let descriptor = open(rootPath + "/" + path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        // One byte more than the size, so a file that grew meanwhile is read to its end too.
        var data = Data(count: max(Int(info.st_size), 0) + 1)
        var total = 0
        while true {
            if total == data.count { data.count += max(data.count, 4096) }
            let count = data.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { read(descriptor, $0 + total, buffer.count - total) } ?? -1
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if count == 0 { break }
            total += count
        }
        data.count = total
        return data
    }

    public func fileExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    public func directoryExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}

/// A source folder held in memory: path → contents, plus symbolic links and empty folders for tests of
/// what a listing reports.
public struct MemorySourceTree: SourceTree {
    public var files: [String: Data]
    /// Symbolic links: path → target.
    public var links: [String: String] = [:]
    /// Folders that exist even with no file in them.
    public var folders: Set<String> = []

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) { self.files = data }

    public func listing(under folder: String) throws -> [SourceEntry] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        func hiddenFolderAbove(_ path: String) -> Bool {
            path.dropFirst(prefix.count).split(separator: "/").dropLast().contains { $0.hasPrefix(".") }
        }
        var found: [String: SourceEntry.Kind] = [:]
        for path in files.keys where path.hasPrefix(prefix) { found[path] = .file }
        for (path, target) in links where path.hasPrefix(prefix) { found[path] = .symlink(target: target) }
        for path in Array(found.keys) + folders.filter({ $0.hasPrefix(prefix) }) {
            var parent = Substring(path)
            if folders.contains(path) { found[path] = .folder }
            while let slash = parent.lastIndex(of: "/"), parent.count > prefix.count {
                parent = parent[..<slash]
                if parent.count >= prefix.count { found[String(parent)] = .folder }
            }
        }
        return found.filter { !hiddenFolderAbove($0.key) }.map { SourceEntry(path: $0.key, kind: $0.value) }
            .sorted { $0.path < $1.path }
    }

    public func contents(of path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileNoSuchFile) }
        return data
    }

    public func fileExists(_ path: String) -> Bool { files[path] != nil }

    public func directoryExists(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return folders.contains(path) || files.keys.contains { $0.hasPrefix(prefix) }
    }
}
