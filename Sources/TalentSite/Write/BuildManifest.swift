import Foundation

/// Why `build --manifest` will not write a file: it is replaced on every build, so it must never be a file
/// the user keeps for something else, nor lie in the output (which each build replaces) or the sources.
public struct ManifestRefusal: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let reason: String
    public var description: String { "error: refusing to write the manifest \(file): \(reason)" }
}

/// Every file of a built site with its SHA-256 and size, one line each, sorted, so a deploy step can diff two
/// manifests (or compare with the host) and upload only what changed. Same output, byte-identical manifest.
///
/// Format: the header line, then `<sha256 hex>  <size in bytes>  <path>` with the path relative to the output
/// folder. A path holding a backslash, CR or LF (never written by a build, but a path is data) has them written
/// as `\\`, `\r`, `\n`, and its line starts with a backslash, as `sha256sum` does.
public enum BuildManifest {
    /// The first line of every manifest; an existing file is replaced only when it starts with it.
    public static let header = "# talentsite manifest v1"

    /// The manifest of the files under `folder` (the build's own marker file left out).
    public static func text(of folder: URL) throws -> String {
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            let type = try FileManager.default.attributesOfItem(atPath: root + "/" + path)[.type] as? FileAttributeType
            guard path != OutputGuard.markerName, type == .typeRegular else { continue }
            paths.append(path)
        }
        paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var lines = [header]
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
            let (shown, escaped) = escape(path)
            lines.append((escaped ? "\\" : "") + "\(SHA256.hex(data))  \(data.count)  \(shown)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ path: String) -> (String, Bool) {
        guard path.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return (path, false) }
        var result = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return (result, true)
    }

    /// Throws `ManifestRefusal` when `file` is or lies inside `output`, lies in the site's sources, is a folder
    /// or a symbolic link, has no existing folder, or exists without being a manifest of ours. Checked before
    /// the build, so a refusal costs nothing.
    public static func check(_ file: URL, source: URL, output: URL) throws(ManifestRefusal) {
        let shown = file.path
        func refuse(_ reason: String) -> ManifestRefusal { ManifestRefusal(file: shown, reason: reason) }
        let target = OutputGuard.realPath(file), out = OutputGuard.realPath(output), site = OutputGuard.realPath(source)
        if target == out || OutputGuard.isInside(target, out) {
            throw refuse("it is inside the output folder \(out), which every build replaces; name a file outside it")
        }
        for protected in ["content", "templates"] where target == site + "/" + protected || OutputGuard.isInside(target, site + "/" + protected) {
            throw refuse("it is inside the site's \(protected)/ folder, which holds sources")
        }
        let path = file.standardizedFileURL.path
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
            throw refuse("it is a symbolic link; name the file itself")
        }
        var isFolder: ObjCBool = false
        let parent = (target as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: parent.isEmpty ? "/" : parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw refuse("its folder \(parent) does not exist")
        }
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) else { return }
        if isFolder.boolValue { throw refuse("it is a folder") }
        guard isManifest(target) else {
            throw refuse("the file exists and is not a talentsite manifest (its first line is not '\(header)'); "
                         + "name a new file, or delete this one yourself")
        }
    }

    /// True when the file at `path` starts with the header line.
    static func isManifest(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: header.utf8.count + 1)) ?? Data()
        return start == Data((header + "\n").utf8)
    }

    /// Checks `file` again (the build took time) and replaces it atomically with the manifest of `output`.
    @discardableResult
    public static func write(_ file: URL, for output: URL, source: URL) throws -> Int {
        try check(file, source: source, output: output)
        let text = try text(of: output)
        try Data(text.utf8).write(to: URL(fileURLWithPath: OutputGuard.realPath(file)), options: .atomic)
        return text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1
    }
}
