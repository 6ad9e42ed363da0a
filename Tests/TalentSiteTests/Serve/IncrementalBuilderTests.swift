import Foundation
import Testing
@testable import TalentSite

/// `serve` rebuilds only what an edit affects; the result must be exactly what a full build makes.
@Suite struct IncrementalBuilderTests {
    static let zhCourse = "content/courses/cnc.zh-TW.md"
    static let zhCert = "content/certifications/ipas-iot.zh-TW.md"

    func built(_ outcome: IncrementalBuilder.Outcome) -> (files: [String: [UInt8]], rendered: Int, full: Bool, changedPages: [String]?)? {
        if case .built(let files, let rendered, _, let full, let changedPages) = outcome { return (files, rendered, full, changedPages) }
        return nil
    }

    @Test func bodyEditRendersOnlyThatRecordsPagesAndMatchesAFullBuild() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        let first = try #require(built(builder.buildAll()))
        #expect(first.files == site.fullBuild())
        try site.write(Self.zhCourse, TestSite.course(title: "智慧機械養成班", provider: "精密機械研究發展中心", body: "Body.\n\n## 新段落\n\n更多。"))
        var previews: [(files: [String: [UInt8]], pages: [String])] = []
        let second = try #require(built(builder.rebuild(changed: [Self.zhCourse]) { previews.append(($0, $1)) }))
        #expect(!second.full)
        // The edited page was handed out before the rest was rebuilt (the English one did not change), and
        // the rebuild made the same page, so open tabs are not told to reload twice.
        #expect(previews.count == 1)
        #expect(previews.first?.pages == ["/courses/cnc/"])
        let previewed = try #require(previews.first?.files["courses/cnc/index.html"])
        #expect(String(decoding: previewed, as: UTF8.self).contains("新段落"))
        #expect(previewed == second.files["courses/cnc/index.html"])
        #expect(second.changedPages == [])
        // Outputs that are not pages (feeds, sitemap, open data, 404s, assets; not the collected search index).
        let nonPages = first.files.keys.filter { !$0.hasSuffix("index.html") && !$0.contains("search/index/") }.count
        #expect(second.rendered == 2 + nonPages)  // the record's two pages, plus non-page outputs
        #expect(second.files == site.fullBuild())
        #expect(String(decoding: second.files["courses/cnc/index.html"]!, as: UTF8.self).contains("新段落"))
    }

    @Test func markingARecordSampleRerendersItsListsLikeAFullBuild() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        _ = builder.buildAll()
        try site.write(Self.zhCourse, TestSite.course(title: "智慧機械養成班", provider: "精密機械研究發展中心", extra: "sample: true\n"))
        try site.write("content/courses/cnc.en.md", TestSite.course(title: "Smart Machinery Bootcamp", provider: "Precision Machinery R&D Center", extra: "sample: true\n"))
        let rebuilt = try #require(built(builder.rebuild(changed: [Self.zhCourse, "content/courses/cnc.en.md"]) { _, _ in }))
        #expect(String(decoding: rebuilt.files["courses/index.html"] ?? [], as: UTF8.self).contains("sample-tag"))
        let full = site.fullBuild()
        #expect(Set(rebuilt.files.keys) == Set(full.keys))
        let differing = full.keys.filter { rebuilt.files[$0] != full[$0] }.sorted()
        #expect(differing == [])
    }

    @Test func titleEditAlsoRendersListsAndReferringPages() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        _ = builder.buildAll()
        try site.write(Self.zhCert, TestSite.certification(title: "物聯網應用工程師（新制）", issuer: "經濟部"))
        var previewed: [String] = []
        let rebuilt = try #require(built(builder.rebuild(changed: [Self.zhCert]) { previewed += $1 }))
        #expect(!rebuilt.full)
        // The record's own page first; then the pages that list or refer to it, not the previewed one again.
        #expect(previewed == ["/certifications/ipas-iot/"])
        let changedPages = try #require(rebuilt.changedPages)
        #expect(changedPages.contains("/certifications/") && changedPages.contains("/courses/cnc/"))
        #expect(!changedPages.contains("/certifications/ipas-iot/") && !changedPages.contains("/en/courses/cnc/"))
        #expect(rebuilt.files == site.fullBuild())
        #expect(String(decoding: rebuilt.files["courses/cnc/index.html"]!, as: UTF8.self).contains("物聯網應用工程師（新制）"))
        #expect(String(decoding: rebuilt.files["certifications/index.html"]!, as: UTF8.self).contains("物聯網應用工程師（新制）"))
    }

    @Test func aCourseTitleEditAlsoRendersTheCertificationListingItAsAReverseReference() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        _ = builder.buildAll()
        try site.write(Self.zhCourse, TestSite.course(title: "智慧機械養成班（改名）", provider: "精密機械研究發展中心"))
        let rebuilt = try #require(built(builder.rebuild(changed: [Self.zhCourse])))
        #expect(!rebuilt.full)
        #expect(rebuilt.changedPages?.contains("/certifications/ipas-iot/") == true)
        #expect(String(decoding: rebuilt.files["certifications/ipas-iot/index.html"] ?? [], as: UTF8.self).contains("智慧機械養成班（改名）"))
        #expect(rebuilt.files == site.fullBuild())
    }

    @Test func newFilesAndTemplateChangesRebuildEverything() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        _ = builder.buildAll()
        try site.write("content/news/hello.zh-TW.md", "---\ntitle: 你好\ndate: 2026-03-01\n---\n\n消息。\n")
        try site.write("content/news/hello.en.md", "---\ntitle: Hello\ndate: 2026-03-01\n---\n\nNews.\n")
        let added = try #require(built(builder.rebuild(changed: ["content/news/hello.zh-TW.md", "content/news/hello.en.md"])))
        #expect(added.full && added.files["news/hello/index.html"] != nil)
        #expect(added.files == site.fullBuild())
        try site.write("templates/static/extra.css", "body{}")
        let asset = try #require(built(builder.rebuild(changed: ["templates/static/extra.css"])))
        #expect(asset.full && asset.files["extra.css"] == Array("body{}".utf8))
        #expect(asset.files == site.fullBuild())
    }

    @Test func aTemplateEditRebuildsEverythingWithoutParsingRecordsAgain() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        _ = builder.buildAll()
        let parsedOnce = builder.cache.parsed
        #expect(parsedOnce > 0)
        let layout = try String(contentsOf: site.root.appendingPathComponent("templates/layout.mustache"), encoding: .utf8)
        try site.write("templates/layout.mustache", layout.replacingOccurrences(of: "</body>", with: "<!-- edited -->\n</body>"))
        let edited = try #require(built(builder.rebuild(changed: ["templates/layout.mustache"])))
        #expect(edited.full && edited.changedPages == nil)
        #expect(builder.cache.parsed == parsedOnce)  // every record came from the cache
        #expect(String(decoding: edited.files["index.html"] ?? [], as: UTF8.self).contains("<!-- edited -->"))
        #expect(edited.files == site.fullBuild())
        // Settings can change how records read (languages, fields): every record is parsed again.
        let settings = try String(contentsOf: site.root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        try site.write("content/site.yaml", settings + "\n")
        let resettled = try #require(built(builder.rebuild(changed: ["content/site.yaml"])))
        #expect(resettled.full)
        #expect(builder.cache.parsed == 2 * parsedOnce)
        #expect(resettled.files == site.fullBuild())
    }

    @Test func brokenEditFailsThenTheFixBuildsAgain() throws {
        let site = try DiskSite(); defer { site.remove() }
        let builder = IncrementalBuilder(root: site.root, options: BuildOptions())
        _ = builder.buildAll()
        try site.write(Self.zhCourse, TestSite.course(title: "班", provider: "單位", hours: "many"))
        guard case .failed(let diagnostics) = builder.rebuild(changed: [Self.zhCourse]) else { Issue.record("expected a failure"); return }
        #expect(diagnostics.contains { $0.location.file == Self.zhCourse && $0.location.line == 10 && $0.severity == .error })
        #expect({ if case .unchanged = builder.rebuild(changed: [Self.zhCourse]) { return true }; return false }())
        try site.write(Self.zhCourse, TestSite.course(title: "修好了", provider: "單位"))
        let fixed = try #require(built(builder.rebuild(changed: [Self.zhCourse])))
        #expect(fixed.full)
        #expect(fixed.files == site.fullBuild())
    }
}
