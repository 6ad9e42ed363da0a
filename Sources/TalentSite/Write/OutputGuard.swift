import Foundation

/// Why `build` will not write into a folder: the output is replaced wholesale on success, so a folder holding
/// sources or anything this tool did not write must never be given as the output.
public struct OutputRefusal: Error, Sendable, CustomStringConvertible {
    public let output: String
    public let reason: String
    public var description: String { "error: refusing to build into \(output): \(reason)" }
}

/// Checks an output folder before anything is written, and marks the folders a build writes so a later build
/// can tell its own output from a folder someone else filled.
public enum OutputGuard {
    /// The file every build puts at the top of its output. A non-empty folder without it is not ours.
    public static let markerName = ".talentsite-output"
    static let markerText = "This folder is written by `talentsite build` and replaced on every build.\n"

    /// Throws `OutputRefusal` when `output` is, holds or sits inside the sources, is `/` or the home folder
    /// (or above it), or is an existing folder with files that a talentsite build did not write.
    public static func check(source: URL, output: URL,
                             home: String? = ProcessInfo.processInfo.environment["HOME"]) throws(OutputRefusal) {
        let shown = output.path
        func refuse(_ reason: String) -> OutputRefusal { OutputRefusal(output: shown, reason: reason) }
        let site = realPath(source), target = realPath(output)
        if isSymbolicLink(output) {
            throw refuse("it is a symbolic link; give the folder it points to, or another folder")
        }
        if target == "/" { throw refuse("it is the root folder '/'") }
        if let home, !home.isEmpty {
            let homePath = realPath(URL(fileURLWithPath: home))
            if target == homePath { throw refuse("it is your home folder") }
            if isInside(homePath, target) { throw refuse("it holds your home folder \(homePath)") }
        }
        if target == site { throw refuse("it is the site folder itself; build into its public/ folder or another empty folder") }
        if isInside(site, target) { throw refuse("it holds the site folder \(site)") }
        for protected in ["content", "templates"] {
            let folder = site + "/" + protected
            if target == folder || isInside(target, folder) {
                throw refuse("it is inside the site's \(protected)/ folder, which holds sources; build into public/ or another folder")
            }
        }
        try checkContents(of: target, refuse: refuse)
    }

    /// An existing output must be a folder that is empty (dotfiles aside) or carries the marker, and never a
    /// Git work tree.
    private static func checkContents(of path: String, refuse: (String) -> OutputRefusal) throws(OutputRefusal) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw refuse("it is a file, not a folder") }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw refuse("its contents cannot be listed (\(error.localizedDescription))")
        }
        if entries.contains(".git") { throw refuse("it holds a .git folder; a Git work tree is never build output") }
        if entries.contains(markerName) { return }
        let visible = entries.filter { !$0.hasPrefix(".") }.sorted()
        if !visible.isEmpty {
            let sample = visible.prefix(3).joined(separator: ", ") + (visible.count > 3 ? ", …" : "")
            throw refuse("it holds files that talentsite did not write (\(sample)); give an empty folder, or delete these files yourself")
        }
    }

    /// Writes the marker into a folder a build is filling.
    static func mark(_ folder: URL) throws {
        try Data(markerText.utf8).write(to: folder.appendingPathComponent(markerName))
    }

    static func isMarked(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(markerName).path)
    }

    /// True when `path` lies strictly below `folder`.
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }

    private static func isSymbolicLink(_ url: URL) -> Bool {
        let path = url.path.hasSuffix("/") && url.path.count > 1 ? String(url.path.dropLast()) : url.path
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// The absolute path with `.`/`..` and symbolic links resolved, also for a path that does not exist yet
    /// (its nearest existing ancestor is resolved and the rest appended).
    public static func realPath(_ url: URL) -> String {
        var missing: [String] = []
        var current = url.standardizedFileURL.path
        while true {
            if let resolved = realpath(current, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                let joined = ([base == "/" ? "" : base] + missing.reversed()).joined(separator: "/")
                return joined.isEmpty ? "/" : joined
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return url.standardizedFileURL.path }
            missing.append((current as NSString).lastPathComponent)
            current = parent
        }
    }
}
