import Foundation
import Testing
@testable import TalentSite

/// The deploy manifest: its lines, checked against coreutils, and where it refuses to write.
@Suite struct BuildManifestTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func listsEveryFileSortedWithSizeAndTheSameDigestAsSha256sum() throws {
        let files = ["index.html": "<p>首頁</p>\n", "en/index.html": "<p>Home</p>\n", "b/a.txt": "", "a b.css": "x{}",
                     "Z.txt": "upper", OutputGuard.markerName: "marker", ".well-known/security.txt": "Contact: x\n"]
        let root = try Self.folder(files); defer { try? FileManager.default.removeItem(at: root) }
        let text = try BuildManifest.text(of: root)
        var expected = ["# talentsite manifest v1"]
        for path in [".well-known/security.txt", "Z.txt", "a b.css", "b/a.txt", "en/index.html", "index.html"] {
            let run = try ExternalTool.run("sha256sum", [root.appendingPathComponent(path).path])
            #expect(run.status == 0)
            expected.append("\(run.output.prefix(64))  \(Data(try #require(files[path]).utf8).count)  \(path)")
        }
        #expect(text == expected.joined(separator: "\n") + "\n")
        #expect(try BuildManifest.text(of: root) == text)
    }

    @Test func oddPathsAreEscapedOnOneLine() throws {
        let root = try Self.folder(["a\nb\\c": "x"]); defer { try? FileManager.default.removeItem(at: root) }
        let lines = try BuildManifest.text(of: root).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1] == "\\" + SHA256.hex(Array("x".utf8)) + "  1  a\\nb\\\\c")
    }

    @Test func refusesPlacesThatAreNotItsOwn() throws {
        let root = try Self.folder(["site/content/site.yaml": "x", "site/public/index.html": "x", "notes.txt": "mine\n",
                                    "old.manifest": BuildManifest.header + "\nabc  1  x\n", "folder/keep": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site"), output = site.appendingPathComponent("public")
        func reason(_ path: String) -> String? {
            do { try BuildManifest.check(root.appendingPathComponent(path), source: site, output: output); return nil }
            catch { return error.reason }
        }
        #expect(reason("site/public/manifest.txt")?.contains("inside the output folder") == true)
        #expect(reason("site/public")?.contains("inside the output folder") == true)
        #expect(reason("site/content/manifest.txt")?.contains("inside the site's content/ folder") == true)
        #expect(reason("notes.txt")?.contains("is not a talentsite manifest") == true)
        #expect(reason("folder") == "it is a folder")
        #expect(reason("missing/manifest.txt")?.contains("does not exist") == true)
        #expect(reason("old.manifest") == nil)
        #expect(reason("new.manifest") == nil)
        #expect(reason("site/manifest.txt") == nil)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "old.manifest")
        #expect(reason("link")?.contains("symbolic link") == true)
        #expect(try String(contentsOf: root.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n")
    }

    @Test func writeReplacesAPreviousManifest() throws {
        let root = try Self.folder(["out/index.html": "hi", "m.txt": BuildManifest.header + "\nold\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("m.txt"), output = root.appendingPathComponent("out")
        #expect(try BuildManifest.write(file, for: output, source: root.appendingPathComponent("site")) == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == BuildManifest.header + "\n" + SHA256.hex(Array("hi".utf8)) + "  2  index.html\n")
    }
}
