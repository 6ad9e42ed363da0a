import Foundation
import Testing
@testable import TalentSite

@Suite struct OutputPathTests {
    @Test func prettyURLsBecomeIndexFiles() {
        #expect(OutputPath(urlPath: "/")?.relative == "index.html")
        #expect(OutputPath(urlPath: "/en/courses/cnc/")?.relative == "en/courses/cnc/index.html")
        #expect(OutputPath(urlPath: "/style.css")?.relative == "style.css")
    }

    @Test func nothingLeavesTheOutputFolder() {
        for path in ["/../etc/passwd", "/a/../../b/", "/a//b/", "relative/", "/a/./b", "/a\\..\\b", "/a\0/"] {
            #expect(OutputPath(urlPath: path) == nil, "\(path)")
        }
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-staged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("keep.txt"))

        let staged = try StagedDirectory(destination: output)
        try staged.write(Array("new".utf8), to: OutputPath(urlPath: "/index.html")!)
        staged.discard()
        #expect(try String(contentsOf: output.appendingPathComponent("keep.txt"), encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["public"])

        let next = try StagedDirectory(destination: output)
        try next.write(Array("new".utf8), to: OutputPath(urlPath: "/index.html")!)
        try next.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == [OutputGuard.markerName, "index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["public"])
    }

    /// One mapping both ways: the file a URL is served from and the URL a file is served at (check, serve, audit).
    @Test func filesMapBackToTheirURLs() {
        for (file, url) in [("index.html", "/"), ("en/courses/cnc/index.html", "/en/courses/cnc/"), ("style.css", "/style.css"),
                            ("en/index.html", "/en/"), ("search/index/abc.json", "/search/index/abc.json")] {
            #expect(OutputPath(file: file)?.urlPath == url)
            #expect(OutputPath(urlPath: url)?.relative == file)
        }
        for file in ["/index.html", "a/", "../x", "a/../b", "a//b", "a\\b", ""] {
            #expect(OutputPath(file: file) == nil, "\(file)")
        }
    }

    @Test func absoluteURLsJoinTheBaseURLOnce() {
        let settings = SiteSettings(baseURL: "https://talent.example.gov.tw/", languages: [], vocabularies: [:], menu: [])
        #expect(settings.absoluteURL("/courses/cnc/") == "https://talent.example.gov.tw/courses/cnc/")
        #expect(settings.absoluteURL("/") == "https://talent.example.gov.tw/")
        #expect(settings.absoluteURL("sitemap.xml") == "https://talent.example.gov.tw/sitemap.xml")
    }
}
