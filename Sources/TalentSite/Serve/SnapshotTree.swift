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
        if !folders.contains(path),  // a watched folder itself may be a link (content/ kept elsewhere)
           let target = try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent(path).path) {
            if tree.files.removeValue(forKey: path) != nil { changed.insert(path) }  // a link is listed, never read
            if tree.links[path] != target { tree.links[path] = target; changed.insert(path) }
            return changed
        }
        if disk.fileExists(path) {
            if tree.links.removeValue(forKey: path) != nil { changed.insert(path) }
            let data = try? disk.contents(of: path)
            if tree.files[path] != data { tree.files[path] = data; changed.insert(path) }
            return changed
        }
        let listing = disk.directoryExists(path) ? (try? disk.listing(under: path)) ?? [] : []
        let present = Set(listing.filter { $0.kind == .file }.map(\.path))
        let prefix = path + "/"
        for known in tree.files.keys where (known == path || known.hasPrefix(prefix)) && !present.contains(known) {
            tree.files[known] = nil
            changed.insert(known)
        }
        // Links and folders too, so a rebuild reports what a full build reports.
        var links: [String: String] = [:]
        for entry in listing { if case .symlink(let target) = entry.kind { links[entry.path] = target } }
        for known in tree.links.keys where (known == path || known.hasPrefix(prefix)) && links[known] == nil {
            tree.links[known] = nil; changed.insert(known)
        }
        for (link, target) in links where tree.links[link] != target { tree.links[link] = target; changed.insert(link) }
        tree.folders = tree.folders.filter { !($0 == path || $0.hasPrefix(prefix)) }
            .union(listing.filter { $0.kind == .folder }.map(\.path))
        for file in present {
            let data = try? disk.contents(of: file)
            if tree.files[file] != data { tree.files[file] = data; changed.insert(file) }
        }
        return changed
    }
}
