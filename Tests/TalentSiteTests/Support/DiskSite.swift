import Foundation
@testable import TalentSite

/// A test site written to a fresh temporary folder (for `serve`, which watches real files), removed by `remove()`.
struct DiskSite {
    let root: URL

    init(_ tree: MemorySourceTree = TestSite.tree(),
         at folder: URL = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-\(UUID().uuidString)")) throws {
        root = folder
        for (path, data) in tree.files { try write(path, data) }
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    /// What `talentsite build` makes of the folder as it is now, in memory.
    func fullBuild() -> [String: [UInt8]] {
        TestSite.build(DiskSourceTree(root: root)).output.files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
