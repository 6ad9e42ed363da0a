import Foundation
import Testing
@testable import TalentSite

/// `serve` keeps its own copy of the source folder: a symbolic link saved there is reported as a full build
/// reports it, and never read through.
@Suite struct SnapshotLinkTests {
    @Test func linkAddedWhileServingIsAWarningAndNotRead() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        guard case .built(_, _, let firstWarnings, _, _) = builder.buildAll() else { Issue.record("first build failed"); return }
        #expect(firstWarnings.isEmpty)
        let link = "content/pages/passwd.en.md"
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(link).path, withDestinationPath: "/etc/passwd")
        guard case .built(let files, _, let warnings, _, _) = builder.rebuild(changed: [link]) else {
            Issue.record("rebuild failed"); return
        }
        #expect(warnings.map(\.description) == [
            "\(link):1:1: warning: symbolic link to /etc/passwd is not followed; put the file itself here instead",
        ])
        #expect(files == site.fullBuild())
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("root:x:0:0") })

        var snapshot = SnapshotTree(root: site.root, folders: ["content"])
        #expect(snapshot.tree.links[link] == "/etc/passwd" && snapshot.tree.files[link] == nil)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(link))
        #expect(snapshot.refresh([link]) == [link])
        #expect(snapshot.tree.links[link] == nil)
    }

    /// The watcher passes on a hidden `.md` file (a misnamed page the build reports) but not leftovers.
    @Test func watcherSeesHiddenPagesButNotLeftovers() throws {
        let site = try DiskSite(); defer { site.remove() }
        final class Seen: @unchecked Sendable {
            let lock = NSLock(); var paths: Set<String> = []
            func add(_ more: Set<String>) { lock.lock(); paths.formUnion(more); lock.unlock() }
            var all: Set<String> { lock.lock(); defer { lock.unlock() }; return paths }
        }
        let seen = Seen()
        let watcher = try FileWatcher(root: site.root, folders: ["content"]) { seen.add($0) }
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.1)
        try site.write("content/pages/.DS_Store", "x")
        try site.write("content/pages/index.en.md~", "x")
        try site.write("content/pages/...zh-TW.md", "---\ntitle: T\n---\n")
        let deadline = Date().addingTimeInterval(5)
        while !seen.all.contains("content/pages/...zh-TW.md") && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(seen.all == ["content/pages/...zh-TW.md"])
    }
}
