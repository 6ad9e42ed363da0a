import Foundation
import Testing
@testable import TalentSite

/// Every entry under `content/` is read or reported; only editor and system leftovers are skipped quietly.
/// Checked in memory and on disk with real symbolic links, a pipe and an empty folder.
@Suite struct ContentListingTests {
    static func diagnostics(_ tree: SourceTree) -> [String] { TestSite.build(tree).diagnostics }

    static func tree(adding files: [String: String]) -> MemorySourceTree {
        var tree = TestSite.tree()
        for (path, text) in files { tree.files[path] = Data(text.utf8) }
        return tree
    }

    static let page = "---\ntitle: T\ndate: 2026-01-05\n---\n\nBody.\n"

    @Test func misnamedPagesAreErrors() {
        let tree = Self.tree(adding: [
            "content/pages/...zh-TW.md": Self.page, "content/pages/x.md": Self.page,
            "content/pages/a.fr.md": Self.page, "content/pages/.about.en.md": Self.page,
            "content/pages/about.en.MD": Self.page, "content/About.en.Md": Self.page,
        ])
        #expect(Self.diagnostics(tree) == [
            "content/About.en.Md:1:1: error: not read: a page belongs in a section folder, as content/<section>/<slug>.<language>.md",
            "content/pages/...zh-TW.md:1:1: error: invalid slug '..': use lowercase a-z, 0-9 and '-' only",
            "content/pages/.about.en.md:1:1: error: invalid slug '.about': use lowercase a-z, 0-9 and '-' only",
            "content/pages/a.fr.md:1:1: error: unknown language 'fr' in file name; expected one of: zh-TW, en",
            "content/pages/about.en.MD:1:1: error: file name must be <slug>.<language>.md, with '.md' in lowercase",
            "content/pages/x.md:1:1: error: file name must be <slug>.<language>.md, with language one of: zh-TW, en",
        ])
    }

    @Test func symlinkIsAWarningAndFailsStrictBuilds() {
        var tree = TestSite.tree()
        tree.links["content/pages/passwd.en.md"] = "/etc/passwd"
        tree.links["content/shared"] = "../../shared"
        #expect(Self.diagnostics(tree) == [
            "content/pages/passwd.en.md:1:1: warning: symbolic link to /etc/passwd is not followed; put the file itself here instead",
            "content/shared:1:1: warning: symbolic link to ../../shared is not followed; put the file itself here instead",
        ])
        #expect(throws: BuildFailure.self) { try SiteBuilder(tree: tree, options: BuildOptions(strict: true)).build(into: MemoryOutput()) }
    }

    @Test func unexpectedFilesSayWhichNamesAreAccepted() {
        let tree = Self.tree(adding: [
            "content/pages/notes.txt": "x", "content/awards/winners-2024.csv": "x",
            "content/README.txt": "x", "content/about.en.md": Self.page,
        ])
        #expect(Self.diagnostics(tree) == [
            "content/README.txt:1:1: warning: ignored: content/ holds only site.yaml and section folders (content/<section>/)",
            "content/about.en.md:1:1: error: not read: a page belongs in a section folder, as content/<section>/<slug>.<language>.md",
            "content/awards/winners-2024.csv:1:1: warning: ignored: section 'awards' reads only winners.csv",
            "content/pages/notes.txt:1:1: warning: ignored: section 'pages' reads only _section.yaml and <slug>.<language>.md files, with language one of: zh-TW, en",
        ])
    }

    @Test func nestedFoldersAreReportedAndTheirPagesAreErrors() {
        let tree = Self.tree(adding: [
            "content/courses/2027/spring.zh-TW.md": Self.page, "content/courses/2027/notes.txt": "x",
            "content/pages/images/logo.png": "x",
        ])
        #expect(Self.diagnostics(tree) == [
            "content/courses/2027:1:1: warning: ignored folder: a section's files sit directly in content/courses/, sub-folders are not read",
            "content/courses/2027/spring.zh-TW.md:1:1: error: not read: pages sit directly in content/courses/, not in a sub-folder; move the file up",
            "content/pages/images:1:1: warning: ignored folder: a section's files sit directly in content/pages/, sub-folders are not read",
        ])
    }

    @Test func emptySectionFoldersAreReported() {
        var tree = Self.tree(adding: ["content/events/.gitkeep": ""])
        tree.folders.insert("content/jobs")
        #expect(Self.diagnostics(tree) == [
            "content/events:1:1: warning: empty folder: a section needs content/events/_section.yaml; add one or remove the folder",
            "content/jobs:1:1: warning: empty folder: a section needs content/jobs/_section.yaml; add one or remove the folder",
        ])
    }

    static let leftovers = [
        "content/.DS_Store", "content/pages/.DS_Store", "content/pages/index.en.md~", "content/pages/.#index.en.md",
        "content/pages/#index.en.md#", "content/pages/.index.en.md.swp", "content/awards/~$winners.csv",
        "content/pages/Thumbs.db", "content/pages/desktop.ini", "content/.git/config", "content/pages/.obsidian/app.json",
        "content/pages/old~/index.en.md",
    ]

    @Test func leftoversAreSkippedQuietly() {
        var tree = Self.tree(adding: Dictionary(uniqueKeysWithValues: Self.leftovers.map { ($0, "x") }))
        tree.links["content/pages/.#strategies.en.md"] = "user@host.1234:1700000000"  // how Emacs locks a file
        #expect(Self.diagnostics(tree) == [])
        for name in Self.leftovers.map({ String($0.split(separator: "/").last!) }) where name != "config" && name != "app.json" {
            #expect(ContentListing.isLeftover(name) || name == "index.en.md", "\(name)")
        }
        for name in ["...zh-TW.md", ".x.md", "x.md", "notes.txt", "#x", "x.swp.md"] {
            #expect(!ContentListing.isLeftover(name), "\(name)")
        }
    }

    @Test func memoryListingHasFoldersLinksAndNoHiddenFolderContents() throws {
        var tree = MemorySourceTree(["content/a/b.md": "", "content/.git/x": "", "content/.h.md": ""])
        tree.links["content/a/l"] = "/t"
        tree.folders.insert("content/e")
        let listing = try tree.listing(under: "content")
        #expect(listing == [
            SourceEntry(path: "content/.git", kind: .folder), SourceEntry(path: "content/.h.md", kind: .file),
            SourceEntry(path: "content/a", kind: .folder), SourceEntry(path: "content/a/b.md", kind: .file),
            SourceEntry(path: "content/a/l", kind: .symlink(target: "/t")), SourceEntry(path: "content/e", kind: .folder),
        ])
        #expect(try tree.files(under: "content") == ["content/a/b.md"])
        #expect(tree.directoryExists("content/e"))
    }

    @Test func linkedSettingsFileIsAnErrorNotFollowed() {
        var tree = TestSite.tree()
        tree.files["content/site.yaml"] = nil
        tree.links["content/site.yaml"] = "../shared/site.yaml"
        #expect(Self.diagnostics(tree) == [
            "content/site.yaml:1:1: error: symbolic link to ../shared/site.yaml is not followed; put the file itself here instead",
        ])
    }

    // MARK: on disk

    /// Only what is inside `content/` is never followed: the folder itself may be a link to where it is kept.
    @Test func contentFolderItselfMayBeALink() throws {
        let site = try DiskSite()
        defer { site.remove() }
        let content = site.root.appendingPathComponent("content"), kept = site.root.appendingPathComponent("kept")
        try FileManager.default.moveItem(at: content, to: kept)
        try FileManager.default.createSymbolicLink(atPath: content.path, withDestinationPath: "kept")
        let result = TestSite.build(DiskSourceTree(root: site.root))
        #expect(result.diagnostics == [])
        #expect(result.output.text("courses/cnc/index.html") != nil)
    }

    /// The same oddities as above, made for real: symbolic links to a file, to a folder and to a record, a
    /// named pipe, an empty folder, a hidden misnamed page and leftovers.
    @Test func diskListingReportsWhatItDoesNotRead() throws {
        let site = try DiskSite()
        defer { site.remove() }
        let content = site.root.appendingPathComponent("content")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("pages/passwd.en.md").path, withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("courses/copy.zh-TW.md").path, withDestinationPath: "cnc.zh-TW.md")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("linked").path, withDestinationPath: content.appendingPathComponent("pages").path)
        try manager.createDirectory(at: content.appendingPathComponent("jobs"), withIntermediateDirectories: false)
        try site.write("content/pages/...zh-TW.md", Self.page)
        try site.write("content/pages/.DS_Store", "x")
        try site.write("content/pages/index.en.md~", "x")
        #expect(mkfifo(content.appendingPathComponent("pages/pipe").path, 0o600) == 0)

        let listing = try DiskSourceTree(root: site.root).listing(under: "content")
        #expect(listing.contains(SourceEntry(path: "content/linked", kind: .symlink(target: content.appendingPathComponent("pages").path))))
        #expect(listing.contains(SourceEntry(path: "content/courses/copy.zh-TW.md", kind: .symlink(target: "cnc.zh-TW.md"))))
        #expect(listing.contains(SourceEntry(path: "content/pages/pipe", kind: .special)))
        #expect(listing.contains(SourceEntry(path: "content/jobs", kind: .folder)))
        #expect(!listing.contains { $0.path.hasPrefix("content/linked/") })
        #expect(try DiskSourceTree(root: site.root).files(under: "content/pages").allSatisfy { !$0.hasPrefix("content/pages/.") })

        let expected = [
            "content/courses/copy.zh-TW.md:1:1: warning: symbolic link to cnc.zh-TW.md is not followed; put the file itself here instead",
            "content/jobs:1:1: warning: empty folder: a section needs content/jobs/_section.yaml; add one or remove the folder",
            "content/linked:1:1: warning: symbolic link to \(content.path)/pages is not followed; put the file itself here instead",
            "content/pages/...zh-TW.md:1:1: error: invalid slug '..': use lowercase a-z, 0-9 and '-' only",
            "content/pages/passwd.en.md:1:1: warning: symbolic link to /etc/passwd is not followed; put the file itself here instead",
            "content/pages/pipe:1:1: warning: ignored: not a regular file or folder",
        ]
        #expect(Self.diagnostics(DiskSourceTree(root: site.root)) == expected)

        // The same site held in memory reports the same (a pipe cannot be held in memory).
        var memory = TestSite.tree()
        memory.files["content/pages/...zh-TW.md"] = Data(Self.page.utf8)
        memory.files["content/pages/.DS_Store"] = Data("x".utf8)
        memory.files["content/pages/index.en.md~"] = Data("x".utf8)
        memory.links = ["content/pages/passwd.en.md": "/etc/passwd", "content/courses/copy.zh-TW.md": "cnc.zh-TW.md",
                        "content/linked": content.appendingPathComponent("pages").path]
        memory.folders = ["content/jobs"]
        #expect(Self.diagnostics(memory) == expected.filter { !$0.contains("pipe") })
    }
}
