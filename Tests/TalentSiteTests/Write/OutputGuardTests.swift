import Foundation
import Testing
@testable import TalentSite

/// `talentsite build --output X` on disk, through the real binary: every folder that could hold sources is
/// refused before anything is written, and the sources stay byte-identical whatever the output argument.
@Suite struct OutputGuardTests {
    /// A site on disk inside a scratch folder that also serves as a fake home folder (so the home case is real
    /// without going near the real one).
    struct Workspace {
        let scratch: URL
        let home: URL
        let site: DiskSite

        init() throws {
            scratch = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-guard-\(UUID().uuidString)")
            home = scratch.appendingPathComponent("home")
            site = try DiskSite(at: home.appendingPathComponent("site"))
            try Data("keep me".utf8).write(to: home.appendingPathComponent(".profile"))
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent(".git"), withIntermediateDirectories: true)
            try Data("ref: refs/heads/main\n".utf8).write(to: site.root.appendingPathComponent(".git/HEAD"))
        }

        func build(_ output: String, in folder: URL? = nil) throws -> CommandLineTests.Run {
            try CommandLineTests.run(["build", "--source", site.root.path, "--output", output],
                                     environment: ["HOME": home.path, "SOURCE_DATE_EPOCH": "1780000000"],
                                     folder: folder ?? site.root)
        }

        func remove() { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Every file, folder and link under `folder` (hidden ones too) with its bytes or link target.
    static func snapshot(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let path as String in enumerator {
            let full = folder.appendingPathComponent(path).path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                result[path] = "link → " + target
            } else if let data = FileManager.default.contents(atPath: full) {
                result[path] = data.base64EncodedString()
            } else {
                result[path] = "folder"
            }
        }
        return result
    }

    @Test(arguments: [
        ("content", "inside the site's content/ folder"),
        ("content/courses", "inside the site's content/ folder"),
        ("templates", "inside the site's templates/ folder"),
        ("templates/static/x", "inside the site's templates/ folder"),
        (".", "the site folder itself"),
        ("..", "your home folder"),
        ("/", "the root folder"),
    ])
    func refusesFoldersHoldingSources(output: String, reason: String) throws {
        let work = try Workspace(); defer { work.remove() }
        let before = Self.snapshot(work.scratch)
        let run = try work.build(output)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: refusing to build into "), "\(run.stderr)")
        #expect(run.stderr.contains(reason), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one clear line: \(run.stderr)")
        #expect(Self.snapshot(work.scratch) == before, "sources changed by --output \(output)")
    }

    @Test func refusesAParentOfTheSiteAndForeignOrGitFolders() throws {
        let work = try Workspace(); defer { work.remove() }
        let fileManager = FileManager.default
        let parentOfHome = work.scratch.path  // holds the home folder and so the site
        let foreign = work.scratch.appendingPathComponent("downloads")
        try fileManager.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("report".utf8).write(to: foreign.appendingPathComponent("report.pdf"))
        let repository = work.scratch.appendingPathComponent("repo")
        try fileManager.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let file = work.scratch.appendingPathComponent("notes.txt")
        try Data("notes".utf8).write(to: file)
        let link = work.scratch.appendingPathComponent("link")
        try fileManager.createSymbolicLink(at: link, withDestinationURL: work.site.root.appendingPathComponent("content"))
        let before = Self.snapshot(work.scratch)
        for (output, reason) in [(parentOfHome, "holds your home folder"),
                                 (work.home.path + "/..", "holds your home folder"),
                                 (foreign.path, "holds files that talentsite did not write (report.pdf)"),
                                 (repository.path, "holds a .git folder"),
                                 (file.path, "is a file, not a folder"),
                                 (link.path, "is a symbolic link")] {
            let run = try work.build(output)
            #expect(run.status == 1 && run.stderr.contains(reason), "\(output): \(run.stderr)")
        }
        #expect(Self.snapshot(work.scratch) == before)
    }

    @Test func buildsIntoDotfileOnlyFoldersAndItsOwnOutputAgain() throws {
        let work = try Workspace(); defer { work.remove() }
        let output = work.site.root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        let sources = Self.snapshot(work.site.root.appendingPathComponent("content"))
        let first = try work.build("public")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputGuard.markerName).path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path), "a clone's .gitkeep is not ours to delete")
        let built = Self.snapshot(output)
        let second = try work.build(output.path, in: work.scratch)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.snapshot(output) == built, "a rebuild is byte-identical")
        #expect(Self.snapshot(work.site.root.appendingPathComponent("content")) == sources)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.site.root.path).filter { $0.contains(".public.") }
        #expect(leftovers.allSatisfy { $0.hasPrefix(".public.trash-") }, "only the previous output, being deleted: \(leftovers)")
        #expect(Self.leftoversVanish(beside: output), "the previous output is deleted in the background")
    }

    /// True once no `.<name>.*` folder is left beside `output` (the background deletion finished), within 30 s.
    static func leftoversVanish(beside output: URL) -> Bool {
        let parent = output.deletingLastPathComponent().path, prefix = ".\(output.lastPathComponent)."
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? FileManager.default.contentsOfDirectory(atPath: parent).contains { $0.hasPrefix(prefix) }) == false { return true }
            usleep(20_000)
        }
        return false
    }

    /// A deleter that died halfway leaves a marked trash folder: the next build deletes it, and never an
    /// unmarked folder of the same name pattern, nor one of a build still running.
    @Test func nextBuildFinishesAStoppedDeletionAndOnlyOfMarkedFolders() throws {
        let work = try Workspace(); defer { work.remove() }
        #expect(try work.build("public").status == 0)
        let output = work.site.root.appendingPathComponent("public")
        let fileManager = FileManager.default
        let deadPID = Int32.max - 7  // no such process
        let stopped = work.site.root.appendingPathComponent(".public.trash-\(deadPID)-1")
        try fileManager.createDirectory(at: stopped.appendingPathComponent("old/courses/x"), withIntermediateDirectories: true)
        try Data("<p>old</p>".utf8).write(to: stopped.appendingPathComponent("old/courses/x/index.html"))
        try OutputGuard.mark(stopped)
        let foreign = work.site.root.appendingPathComponent(".public.trash-\(deadPID)-2")
        try fileManager.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        let running = work.site.root.appendingPathComponent(".public.trash-\(getpid())-1")
        try fileManager.createDirectory(at: running, withIntermediateDirectories: true)
        try OutputGuard.mark(running)
        let before = Self.snapshot(output)
        #expect(try work.build("public").status == 0)
        #expect(Self.snapshot(output) == before)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && fileManager.fileExists(atPath: stopped.path) { usleep(20_000) }
        #expect(!fileManager.fileExists(atPath: stopped.path), "a marked trash folder of a dead build is deleted")
        #expect(Self.snapshot(foreign)["notes.txt"] != nil, "an unmarked folder is never deleted")
        #expect(fileManager.fileExists(atPath: running.path), "a folder of a running process is left to it")
        try fileManager.removeItem(at: foreign)
        try fileManager.removeItem(at: running)
    }

    /// SIGTERM mid-build removes the staging folder and keeps the previous output; after SIGKILL, which cannot be
    /// handled, the next build clears the leftover.
    @Test func killedBuildsLeaveThePreviousOutputAndNoStagingFolder() throws {
        let work = try Workspace(); defer { work.remove() }
        #expect(try work.build("public").status == 0)
        let output = work.site.root.appendingPathComponent("public")
        let previous = Self.snapshot(output)
        // Enough records that the build is still running when the signal arrives.
        for index in 0..<400 {
            try work.site.write("content/news/bulk-\(index).zh-TW.md", "---\ntitle: 公告 \(index)\ndate: 2026-01-05\n---\n\n內容 \(index)。\n")
        }
        for signal in [SIGTERM, SIGKILL] {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["build", "--source", work.site.root.path, "--output", output.path]
            process.environment = ["HOME": work.home.path]
            process.standardOutput = Pipe(); process.standardError = Pipe()
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, !(try FileManager.default.contentsOfDirectory(atPath: work.site.root.path)
                .contains { $0.hasPrefix(".public.staging-") && FileManager.default.fileExists(
                    atPath: work.site.root.appendingPathComponent("\($0)/courses").path) }) {
                usleep(2_000)
            }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationReason == (signal == SIGKILL ? .uncaughtSignal : .exit))
            #expect(Self.snapshot(output) == previous, "signal \(signal)")
            let staging = try FileManager.default.contentsOfDirectory(atPath: work.site.root.path).filter { $0.hasPrefix(".public.") }
            if signal == SIGTERM { #expect(staging.isEmpty, "\(staging)") } else { #expect(staging.count == 1) }
        }
        #expect(try work.build("public").status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: work.site.root.path)
        #expect(!names.contains { $0.hasPrefix(".public.") && !$0.hasPrefix(".public.trash-") }, "\(names)")
        #expect(Self.leftoversVanish(beside: output), "the next build clears what SIGKILL left")
    }

    @Test func guardDecisionsInProcess() throws {
        let site = URL(fileURLWithPath: "/srv/site")
        #expect(throws: OutputRefusal.self) { try OutputGuard.check(source: site, output: URL(fileURLWithPath: "/srv/site/content/../content/x"), home: "/home/u") }
        #expect(throws: OutputRefusal.self) { try OutputGuard.check(source: site, output: URL(fileURLWithPath: "/srv"), home: "/home/u") }
        #expect(throws: OutputRefusal.self) { try OutputGuard.check(source: site, output: URL(fileURLWithPath: "/home"), home: "/home/u") }
        try OutputGuard.check(source: site, output: URL(fileURLWithPath: "/srv/site/public-not-there-yet"), home: "/home/u")
        try OutputGuard.check(source: site, output: URL(fileURLWithPath: "/srv/site-public"), home: "/home/u")
        #expect(OutputGuard.isInside("/a/b", "/a") && !OutputGuard.isInside("/ab", "/a") && !OutputGuard.isInside("/a", "/a"))
    }
}
