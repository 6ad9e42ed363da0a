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
}
