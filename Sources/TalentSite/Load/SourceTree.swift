import Foundation

/// Read access to a site's source folder. Injectable so tests can build sites held in memory.
public protocol SourceTree: Sendable {
    /// Relative paths of all regular files under `folder`, recursively, sorted.
    func files(under folder: String) throws -> [String]
    func contents(of path: String) throws -> Data
    func fileExists(_ path: String) -> Bool
    func directoryExists(_ path: String) -> Bool
}

extension SourceTree {
    /// The file decoded as UTF-8; invalid bytes are an error, not silently replaced.
    func text(of path: String) -> Result<String, Diagnostic> {
        guard let data = try? contents(of: path) else {
            return .failure(.error(SourceLocation(file: path), "cannot read file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.error(SourceLocation(file: path), "file is not valid UTF-8"))
        }
        return .success(text)
    }
}

/// A source folder on disk.
public struct DiskSourceTree: SourceTree {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    public func files(under folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        var result: [String] = []
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(rootPath) { result.append(String(path.dropFirst(rootPath.count))) }
        }
        return result.sorted()
    }

    public func contents(of path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
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

/// A source folder held in memory: path → contents.
public struct MemorySourceTree: SourceTree {
    public var files: [String: Data]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) { self.files = data }

    public func files(under folder: String) throws -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    public func contents(of path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileNoSuchFile) }
        return data
    }

    public func fileExists(_ path: String) -> Bool { files[path] != nil }

    public func directoryExists(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }
}
