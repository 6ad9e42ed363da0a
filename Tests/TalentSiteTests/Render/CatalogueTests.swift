import Foundation
import Testing
@testable import TalentSite

/// What a citizen browses: taxonomy pages, paged lists, the award showcase, reverse references,
/// open/closed courses. Built on the project's real schemas and templates.
@Suite struct CatalogueTests {
    static let site = FixtureSiteTests.bilingual.output

    static func page(_ path: String, in output: MemoryOutput = site) throws -> HTMLDocument {
        try #require(HTMLDocument(html: output.text(path) ?? ""), "\(path) was not written")
    }

    @Test func taxonomyIndexShowsLabelsAndCountsInBothLanguages() throws {
        let zh = try Self.page("industries/index.html")
        let en = try Self.page("en/industries/index.html")
        #expect(zh.first("h1")?.text == "產業別")
        #expect(en.first("h1")?.text == "Industry")
        let zhTerms = zh.all("li").filter { $0.text.contains("筆") && $0.text.contains("智慧機械") }.map(\.text)
        #expect(zhTerms == ["智慧機械 共 2 筆"])
        // Smart machinery: the CNC course and the NTUT programme; green energy: the untranslated course, so 0 in English.
        #expect(en.all("li").contains { $0.text == "Smart machinery 2 records" })
        #expect(en.all("li").contains { $0.text == "Green energy 0 records" })
        #expect(!zh.all("a").contains { $0.text == "smart-machinery" }, "raw keys never reach readers")
    }

    @Test func termPageListsRecordsOfEverySectionGroupedBySection() throws {
        let iot = try Self.page("industries/iot/index.html")
        #expect(iot.first("title")?.text == "產業別：亞洲·矽谷（物聯網） | 5+2 產業人才培育")
        let titles = iot.all("h3").filter { $0["class"] == "card-title" }.map(\.text)
        #expect(titles == ["智慧機械 CNC 加工養成班", "物聯網應用工程師能力鑑定"])
        #expect(iot.all("h2").filter { $0["class"] == "group-heading" }.map(\.text) == ["實務人才培訓課程", "產業人才能力鑑定"])
        let kinds = try Self.page("en/course-kinds/in-service/index.html")
        #expect(kinds.all("p").contains { $0["class"] == "empty" }, "an English term page without translated records says so")
    }

    @Test func openCoursesGetAnApplyLinkAndEndedOnesMoveToThePastArchive() throws {
        let list = try Self.page("courses/index.html")
        #expect(list.all("h2").filter { $0["class"] == "card-title" }.map(\.text) == ["智慧機械 CNC 加工養成班"])
        #expect(list.all("p").filter { $0["class"]?.hasPrefix("status") == true }.map(\.text) == ["招生中"])
        let past = try Self.page("courses/past/index.html")
        #expect(past.all("h2").filter { $0["class"] == "card-title" }.map(\.text) == ["綠能電廠維運在職班"])
        #expect(past.all("p").filter { $0["class"] == "status status-ended" }.map(\.text) == ["已結訓"])
        #expect(past.first("title")?.text == "實務人才培訓課程：已結訓 | 5+2 產業人才培育")
        let open = try Self.page("courses/cnc-bootcamp/index.html")
        #expect(open.all("a").first { $0["class"] == "button" }?["href"] == "https://apply.training.gov.tw/apply/cnc-bootcamp")
        let ended = try Self.page("courses/green-in-service/index.html")
        #expect(ended.all("a").first { $0["class"] == "button" } == nil)
        #expect(ended.all("p").first { $0["class"]?.hasPrefix("status") == true }?.text == "已結訓", "an ended course keeps its page")
    }

    @Test func longListsArePagedWithStableURLsAndRelLinks() throws {
        var overrides: [String: String] = [:]
        for n in 1...44 {
            let start = String(format: "2027-%02d-%02d", (n - 1) / 28 + 1, (n - 1) % 28 + 1)
            overrides["content/courses/c\(n).zh-TW.md"] = TestSite.course(title: "班 \(n)", provider: "單位")
                .replacingOccurrences(of: "start: 2026-12-01", with: "start: \(start)")
        }
        let output = TestSite.build(TestSite.tree(overrides), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1))).output
        let pages = output.files.keys.filter { $0.hasPrefix("courses/page/") }.sorted()
        #expect(pages == ["courses/page/2/index.html", "courses/page/3/index.html"])
        let second = try Self.page("courses/page/2/index.html", in: output)
        let rel = Dictionary(uniqueKeysWithValues: second.all("link").filter { ["prev", "next"].contains($0["rel"]) }.map { ($0["rel"]!, $0["href"]!) })
        #expect(rel == ["prev": "/courses/", "next": "/courses/page/3/"])
        #expect(second.first("title")?.text == "實務人才培訓課程（第 2 頁） | 5+2 產業人才培育")
        let third = try Self.page("courses/page/3/index.html", in: output)
        #expect(third.all("h2").filter { $0["class"] == "card-title" }.count == 5, "45 courses, 20 a page")
        #expect(third.all("link").filter { $0["rel"] == "next" }.isEmpty)
        // Only one English course: English has a single page, so page 2 has no English alternate.
        #expect(second.all("link").filter { $0["hreflang"] == "en" }.isEmpty)
        #expect(second.all("a").first { $0["hreflang"] == "en" }?["href"] == "/en/courses/")
        #expect(SiteAudit(files: output.files, baseURL: "https://talent.example.gov.tw/").problems() == [])
    }

    @Test func awardShowcaseGroupsByYearThenCategoryWithYearPages() throws {
        let awards = try Self.page("awards/index.html")
        #expect(awards.all("h2").filter { $0["class"] == "group-heading" }.map(\.text) == ["2025", "2024"])
        #expect(awards.all("h3").filter { $0["class"] == "subgroup-heading" }.map(\.text) == ["大型企業獎", "中小企業獎"])
        #expect(awards.all("a").filter { $0["href"]?.hasPrefix("/awards/20") == true && $0["href"]!.count == 13 }.map(\.text)
                == ["2025 (1)", "2024 (1)"])
        let year = try Self.page("en/awards/2024/index.html")
        #expect(year.first("h1")?.text == "National Talent Development Award 2024")
        #expect(year.all("h2").filter { $0["class"] == "group-heading" }.map(\.text) == ["Small and medium enterprise award"])
        #expect(year.all("h3").filter { $0["class"] == "card-title" }.map(\.text) == ["Hongsheng Precision Machinery Co."])
    }

    @Test func certificationListsTheCoursesThatPrepareForIt() throws {
        let cert = try Self.page("certifications/ipas-iot/index.html")
        let section = cert.all("h2").first { $0["id"] == "referenced-by-courses-certification" }
        #expect(section?.text == "準備此鑑定的課程 (1)")
        #expect(cert.all("a").contains { $0["href"] == "/courses/cnc-bootcamp/" && $0.text == "智慧機械 CNC 加工養成班" })
        let facts = cert.all("div").filter { $0["class"] == "fact fact-levels" }.map(\.text)
        #expect(facts == ["級別初級、中級"])
    }

    @Test func factsAreLocalised() throws {
        let zh = try Self.page("courses/cnc-bootcamp/index.html")
        let en = try Self.page("en/courses/cnc-bootcamp/index.html")
        func fact(_ page: HTMLDocument, _ name: String) -> String? {
            page.all("div").first { $0["class"] == "fact fact-\(name)" }?.text
        }
        #expect(fact(zh, "start") == "開課日期2026年12月1日")
        #expect(fact(en, "start") == "Starts1 December 2026")
        #expect(fact(zh, "fee") == "學員自付費用NT$8,000")
        #expect(fact(en, "region") == "RegionCentral")
        #expect(en.all("a").contains { $0["href"] == "/en/regions/central/" && $0.text == "Central" })
    }

    @Test func everyPageHasDescriptionAndOpenGraph() throws {
        for path in Self.site.files.keys where path.hasSuffix(".html") {
            let page = try Self.page(path)
            let meta = Dictionary(page.all("meta").compactMap { m in (m["property"] ?? m["name"]).map { ($0, m["content"] ?? "") } },
                                  uniquingKeysWith: { a, _ in a })
            #expect(!(meta["description"] ?? "").isEmpty, "\(path) has no description")
            for property in ["og:title", "og:description", "og:type", "og:url", "og:locale", "og:site_name"] {
                #expect(!(meta[property] ?? "").isEmpty, "\(path) has no \(property)")
            }
        }
    }

    @Test func notFoundPagesInBothLanguagesAreNotIndexed() throws {
        for (path, lang) in [("404.html", "zh-Hant-TW"), ("en/404.html", "en")] {
            let page = try Self.page(path)
            #expect(page.first("html")?["lang"] == lang)
            #expect(page.all("meta").contains { $0["name"] == "robots" && $0["content"] == "noindex" })
            #expect(page.all("link").filter { $0["rel"] == "canonical" || $0["hreflang"] != nil }.isEmpty)
        }
    }
}
