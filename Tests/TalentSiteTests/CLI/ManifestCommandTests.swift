import Foundation
import Testing
@testable import TalentSite

/// `build --manifest`: identical builds give identical manifests, an edit changes exactly the lines of the files
/// whose bytes changed, and a file that is not ours (or lies in the output) is refused before building.
@Suite struct ManifestCommandTests {
    static let environment = ["PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1780000000"]

    static func build(_ site: DiskSite, into name: String, manifest: String) throws -> CommandLineTests.Run {
        try CommandLineTests.run(["build", "--source", site.root.path, "--output", site.root.appendingPathComponent(name).path,
                                  "--manifest", site.root.appendingPathComponent(manifest).path], environment: environment)
    }

    static func lines(_ site: DiskSite, _ manifest: String) throws -> [String: String] {
        let text = try String(contentsOf: site.root.appendingPathComponent(manifest), encoding: .utf8)
        var byPath: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "  ", maxSplits: 2)
            byPath[String(fields[2])] = String(line)
        }
        return byPath
    }

    @Test func identicalBuildsHaveEqualManifestsAndAnEditChangesOnlyItsFiles() throws {
        let site = try DiskSite(); defer { site.remove() }
        let first = try Self.build(site, into: "out1", manifest: "one.manifest")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.build(site, into: "out2", manifest: "two.manifest").status == 0)
        let one = try Data(contentsOf: site.root.appendingPathComponent("one.manifest"))
        #expect(one == (try Data(contentsOf: site.root.appendingPathComponent("two.manifest"))))
        let built = TestSite.files(under: "out1", of: site.root).filter { !$0.key.hasSuffix(OutputGuard.markerName) }
        #expect(first.stdout.contains("wrote the manifest of \(built.count) files to "))
        let before = try Self.lines(site, "one.manifest")
        #expect(Set(before.keys) == Set(built.keys.map { String($0.dropFirst("out1/".count)) }))
        #expect(before["courses/cnc/index.html"]?.hasPrefix(SHA256.hex(try #require(built["out1/courses/cnc/index.html"]))
                                                            + "  \(built["out1/courses/cnc/index.html"]?.count ?? -1)  ") == true)

        try site.write("content/courses/cnc.en.md", String(decoding: try Data(contentsOf: site.root.appendingPathComponent("content/courses/cnc.en.md")), as: UTF8.self)
                       + "\nNow with a welding module.\n")
        // The previous manifest is ours: replaced in place.
        #expect(try Self.build(site, into: "out2", manifest: "two.manifest").status == 0)
        let after = try Self.lines(site, "two.manifest")
        let changedLines = Set(after.keys).union(before.keys).filter { before[$0] != after[$0] }
        let rebuilt = TestSite.files(under: "out2", of: site.root)
        let changedFiles = Set(rebuilt.keys.map { String($0.dropFirst("out2/".count)) }).union(before.keys)
            .filter { built["out1/" + $0] != rebuilt["out2/" + $0] && $0 != OutputGuard.markerName }
        #expect(changedLines == changedFiles)
        #expect(changedLines.contains("en/courses/cnc/index.html"))
        #expect(!changedLines.contains("courses/cnc/index.html") && !changedLines.contains("style.css"))
    }

    @Test func refusesAManifestInTheOutputOrOverAFileNotOurs() throws {
        let site = try DiskSite(); defer { site.remove() }
        let inside = try Self.build(site, into: "out", manifest: "out/manifest.txt")
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("error: refusing to write the manifest \(site.root.path)/out/manifest.txt: it is inside the output folder"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("out").path))
        try site.write("notes.txt", "keep me\n")
        let notOurs = try Self.build(site, into: "out", manifest: "notes.txt")
        #expect(notOurs.status == 1 && notOurs.stderr.contains("is not a talentsite manifest"), "\(notOurs.stderr)")
        #expect(try String(contentsOf: site.root.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("out").path))
    }
}
