import Foundation
import Testing
@testable import TalentSite

/// A record that is an example (`sample: true`, or `true` in a table's optional `sample` column) says so
/// on its page, its cards, its search result and its open-data row, and offers no way to apply.
@Suite struct SampleRecordTests {
    static let sampleCourse = [
        "content/courses/cnc.zh-TW.md": TestSite.course(title: "智慧機械養成班", provider: "精密機械研究發展中心", extra: "sample: true\n"),
        "content/courses/cnc.en.md": TestSite.course(title: "Smart Machinery Bootcamp", provider: "Precision Machinery R&D Center", extra: "sample: true\n"),
    ]
    static let built = TestSite.build(TestSite.tree(sampleCourse), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1)))

    static func page(_ path: String) throws -> HTMLDocument {
        try #require(HTMLDocument(html: built.output.text(path) ?? ""), "\(path) was not written")
    }

    @Test func samplePageShowsTheNoticeAndNoApplyButton() throws {
        #expect(Self.built.diagnostics == [])
        let zh = try Self.page("courses/cnc/index.html")
        #expect(zh.all("p").first { $0["class"] == "notice sample-notice" }?.text.hasPrefix("範例資料") == true)
        #expect(zh.all("a").first { $0["class"] == "button" } == nil)
        let en = try Self.page("en/courses/cnc/index.html")
        #expect(en.all("p").first { $0["class"] == "notice sample-notice" }?.text.hasPrefix("Sample record This is an example") == true)
        #expect(en.all("a").first { $0["class"] == "button" } == nil)
        let list = try Self.page("en/courses/index.html")
        #expect(list.all("p").contains { $0["class"] == "sample-tag" && $0.text == "Sample record" })
    }

    @Test func aRealRecordHasNeitherNoticeNorTag() throws {
        let output = TestSite.build(TestSite.tree(), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1))).output
        let page = try #require(HTMLDocument(html: output.text("courses/cnc/index.html") ?? ""))
        #expect(!page.all("p").contains { $0["class"] == "notice sample-notice" || $0["class"] == "sample-tag" })
        #expect(page.all("a").first { $0["class"] == "button" } != nil)
    }

    @Test func openDataAndSearchSayItIsASample() throws {
        let courseBytes = try #require(Self.built.output.files["data/courses.json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(courseBytes)) as? [[String: Any]])
        #expect(json.first?["sample"] as? Bool == true)
        let certBytes = try #require(Self.built.output.files["data/certifications.json"])
        let certs = try #require(JSONSerialization.jsonObject(with: Data(certBytes)) as? [[String: Any]])
        #expect(certs.first?["sample"] as? Bool == false)
        let fragments = SearchIndexTests.fragmentTexts(Self.built.output.files, folder: "en/search/index/")
        #expect(fragments.contains { $0.contains("Smart Machinery Bootcamp") && $0.contains("Sample record") })
    }

    @Test func tableRowsMayBeSamplesAndTranslationsMustAgree() throws {
        let csv = "year,category,slug,name_zh,name_en,citation_zh,citation_en,sample\n"
            + "2025,sme,2025-sme-acme,測試精密公司,Acme Precision,落實 PDDRO 循環。,Runs the PDDRO cycle.,true\n"
            + "2025,sme,2025-sme-real,真實公司,Real Co,說明。,Text.,\n"
        let output = TestSite.build(TestSite.tree(["content/awards/winners.csv": csv])).output
        #expect(output.text("en/awards/2025-sme-acme/index.html")?.contains("sample-notice") == true)
        #expect(output.text("en/awards/2025-sme-real/index.html")?.contains("sample-notice") == false)
        let bad = csv.replacingOccurrences(of: ",true\n", with: ",yes\n")
        #expect(TestSite.errors(["content/awards/winners.csv": bad]).contains {
            $0.hasPrefix("content/awards/winners.csv:2:") && $0.contains("column 'sample': \"yes\" must be true, false or empty")
        })
        let mismatch = TestSite.errors(["content/courses/cnc.en.md": TestSite.course(title: "C", provider: "P", extra: "sample: true\n")])
        #expect(mismatch.contains { $0.hasPrefix("content/courses/cnc.en.md:16:") && $0.contains("'sample' is true here but false") })
    }
}
