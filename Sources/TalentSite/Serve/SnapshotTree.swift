import Foundation

/// The watched folders' files held in memory, refreshed path by path as the watcher reports changes, so
/// a rebuild neither lists nor reads thousands of unchanged files.
/// Thread safety: a value owned by `IncrementalBuilder`, mutated only under its caller's build lock.
struct SnapshotTree {
    let root: URL
    let folders: [String]
    private(set) var tree: MemorySourceTree

    init(root: URL, folders: [String]) {
        self.root = root.standardizedFileURL; self.folders = folders
        tree = MemorySourceTree(data: [:])
        for folder in folders { _ = refresh(folder) }
    }

    /// Re-reads `paths` (files or folders, relative to the root) and returns those whose contents changed,
    /// appeared or disappeared.
    mutating func refresh(_ paths: Set<String>) -> Set<String> {
        paths.reduce(into: Set<String>()) { changed, path in changed.formUnion(refresh(path)) }
    }

    private mutating func refresh(_ path: String) -> Set<String> {
        let disk = DiskSourceTree(root: root)
        var changed: Set<String> = []
        if disk.fileExists(path) {
            let data = try? disk.contents(of: path)
            if tree.files[path] != data { tree.files[path] = data; changed.insert(path) }
            return changed
        }
        let present = disk.directoryExists(path) ? Set((try? disk.files(under: path)) ?? []) : []
        let prefix = path + "/"
        for known in tree.files.keys where (known == path || known.hasPrefix(prefix)) && !present.contains(known) {
            tree.files[known] = nil
            changed.insert(known)
        }
        for file in present {
            let data = try? disk.contents(of: file)
            if tree.files[file] != data { tree.files[file] = data; changed.insert(file) }
        }
        return changed
    }
}
