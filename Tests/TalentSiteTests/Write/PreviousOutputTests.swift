import Foundation
import Testing
@testable import TalentSite

/// A rebuild links the previous output's unchanged files instead of writing them again: the tree it makes is the
/// one a clean build makes, an edited, foreign or odd previous file is never linked, and the previous output is
/// never modified, whether the rebuild succeeds, fails or writes a path twice.
@Suite struct PreviousOutputTests {
    /// A scratch folder with an output folder `public` in it.
    struct Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-reuse-\(UUID().uuidString)")
        var output: URL { root.appendingPathComponent("public") }

        init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }

        /// Stages `files` (written in order, so a path may come twice) and commits them as the output.
        func build(_ files: [(String, String)], reuse: Bool = true) throws {
            let staged = try StagedDirectory(destination: output, reuse: reuse)
            for (path, text) in files { try staged.write(Array(text.utf8), to: OutputPath(file: path)!) }
            try staged.commit()
        }

        func path(_ relative: String) -> String { output.appendingPathComponent(relative).path }
        func text(_ relative: String) -> String? { FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) } }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func inode(_ path: String) -> ino_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_ino : nil
    }

    /// The files under `folder` by relative path (the marker left out), with their bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for (path, data) in TestSite.files(under: folder.lastPathComponent, of: folder.deletingLastPathComponent())
        where !path.hasSuffix(OutputGuard.markerName) {
            result[String(path.dropFirst(folder.lastPathComponent.count + 1))] = data
        }
        return result
    }

    @Test func unchangedFilesAreLinkedAndChangedOnesWritten() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        try scratch.build([("index.html", "home"), ("a/index.html", "page a"), ("a/b/c.txt", "deep")])
        let before = ["index.html", "a/index.html", "a/b/c.txt"].map { Self.inode(scratch.path($0)) }
        try scratch.build([("a/b/c.txt", "deep"), ("index.html", "home!"), ("a/index.html", "page a"), ("new.txt", "new")])
        #expect(scratch.text("index.html") == "home!" && scratch.text("new.txt") == "new")
        #expect(Self.inode(scratch.path("index.html")) != before[0], "a changed file is a new inode")
        #expect(Self.inode(scratch.path("a/index.html")) == before[1], "an unchanged file is linked")
        #expect(Self.inode(scratch.path("a/b/c.txt")) == before[2], "an unchanged file is linked")
        // Without reuse the same bytes are written into new inodes.
        try scratch.build([("a/b/c.txt", "deep")], reuse: false)
        #expect(Self.inode(scratch.path("a/b/c.txt")) != before[2] && scratch.text("a/b/c.txt") == "deep")
    }

    /// Edited in place with the same length, so only the bytes tell it apart.
    @Test func anEditedPreviousFileIsNotReused() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        try scratch.build([("a.txt", "one"), ("b.txt", "two")])
        let editor = try #require(FileHandle(forWritingAtPath: scratch.path("a.txt")))
        try editor.write(contentsOf: Data("ONE".utf8)); try editor.close()
        let edited = Self.inode(scratch.path("a.txt")), kept = Self.inode(scratch.path("b.txt"))
        try scratch.build([("a.txt", "one"), ("b.txt", "two")])
        #expect(scratch.text("a.txt") == "one")
        #expect(Self.inode(scratch.path("a.txt")) != edited)
        #expect(Self.inode(scratch.path("b.txt")) == kept)
    }

    /// Symbolic links (to a file, or a folder on the way), a FIFO, a file with another name outside the output
    /// and one with other permissions all hold or lead to the right bytes, and none is linked or changed.
    @Test func onlyPlainFilesOfThePreviousOutputAreLinked() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        try scratch.build([("keep.txt", "x")])
        let outside = scratch.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("folder"), withIntermediateDirectories: true)
        for name in ["file.txt", "hard.txt", "folder/page.txt"] {
            try Data("same".utf8).write(to: outside.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.txt"), withDestinationPath: outside.appendingPathComponent("file.txt").path)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("folder"), withDestinationPath: outside.appendingPathComponent("folder").path)
        #expect(link(outside.appendingPathComponent("hard.txt").path, scratch.path("hard.txt")) == 0)
        #expect(mkfifo(scratch.path("pipe"), 0o644) == 0)
        try Data("same".utf8).write(to: URL(fileURLWithPath: scratch.path("private.txt")))
        #expect(chmod(scratch.path("private.txt"), 0o600) == 0)
        let names = ["file.txt", "hard.txt", "folder/page.txt"]
        let foreign = names.map { Self.inode(outside.appendingPathComponent($0).path) }
        let privateFile = Self.inode(scratch.path("private.txt"))

        try scratch.build(["link.txt", "folder/page.txt", "hard.txt", "pipe", "private.txt"].map { ($0, "same") })
        for name in ["link.txt", "folder/page.txt", "hard.txt", "pipe", "private.txt"] {
            #expect(scratch.text(name) == "same", "\(name)")
            let inode = Self.inode(scratch.path(name))
            #expect(!foreign.contains(inode) && inode != privateFile, "\(name) was linked")
        }
        for name in names { #expect(try String(contentsOf: outside.appendingPathComponent(name), encoding: .utf8) == "same") }
    }

    /// A rebuild that links a file, writes that path again with other bytes and then fails leaves every file of the
    /// previous output as it was: the second write makes a new inode rather than truncating the linked one.
    @Test func aFailedRebuildLeavesThePreviousOutputUnmodified() throws {
        let scratch = try Scratch(); defer { scratch.remove() }
        try scratch.build([("a.txt", "one"), ("b/c.txt", "two")])
        let before = Self.tree(scratch.output)
        let inodes = ["a.txt", "b/c.txt"].map { Self.inode(scratch.path($0)) }
        let staged = try StagedDirectory(destination: scratch.output)
        try staged.write(Array("one".utf8), to: OutputPath(file: "a.txt")!)
        try staged.write(Array("two".utf8), to: OutputPath(file: "b/c.txt")!)
        #expect(Self.inode(staged.staging.appendingPathComponent("a.txt").path) == inodes[0], "linked")
        try staged.write(Array("changed".utf8), to: OutputPath(file: "a.txt")!)
        #expect(try String(contentsOf: staged.staging.appendingPathComponent("a.txt"), encoding: .utf8) == "changed")
        staged.discard()
        #expect(Self.tree(scratch.output) == before)
        #expect(["a.txt", "b/c.txt"].map { Self.inode(scratch.path($0)) } == inodes)

        // The same twice-written path in a rebuild that succeeds: the last bytes win, the old inode is untouched.
        let old = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch.path("a.txt")))
        try scratch.build([("a.txt", "one"), ("a.txt", "changed")])
        #expect(scratch.text("a.txt") == "changed")
        #expect(String(decoding: try old.readToEnd() ?? Data(), as: UTF8.self) == "one")
        try old.close()
    }

    /// Whole builds through the pipeline: a rebuild into the previous output, plain and with `--precompress`,
    /// after a record changed, gives exactly the files of a clean build, and links what did not change.
    @Test(arguments: [false, true])
    func aRebuildMakesTheTreeOfACleanBuild(precompress: Bool) throws {
        let site = try DiskSite(); defer { site.remove() }
        let options = BuildOptions(buildDay: Day(unixSeconds: 1_780_000_000, offset: Day.taipeiOffset), sourceDateEpoch: 1_780_000_000)
        var withCopies = options
        withCopies.precompress = precompress
        let output = site.root.appendingPathComponent("public"), clean = site.root.appendingPathComponent("clean")
        _ = try Pipeline.buildDirectory(source: site.root, output: output, options: withCopies)
        let strategies = Self.inode(output.appendingPathComponent("strategies/index.html").path)
        try site.write("content/courses/cnc.en.md", TestSite.course(title: "Smart Machinery Bootcamp II", provider: "Precision Machinery R&D Center"))
        _ = try Pipeline.buildDirectory(source: site.root, output: output, options: withCopies)
        _ = try Pipeline.buildDirectory(source: site.root, output: clean, options: withCopies)
        let rebuilt = Self.tree(output)
        #expect(rebuilt.count > 20)
        #expect(rebuilt == Self.tree(clean))
        #expect(rebuilt.keys.contains { $0.hasSuffix(".br") } == precompress)
        #expect(String(decoding: rebuilt["en/courses/cnc/index.html"] ?? Data(), as: UTF8.self).contains("Bootcamp II"))
        #expect(Self.inode(output.appendingPathComponent("strategies/index.html").path) == strategies, "an unchanged page is linked")
    }
}
