import Foundation
import Testing
@testable import TalentSite

/// The shipped content agrees with ../shared/FACTS.md, and what is invented says so.
@Suite struct ShippedFactsTests {
    static let content = ContentLoader(tree: ShippedSiteTests.tree, log: DiagnosticLog()).load()

    static func records(_ section: String, _ language: String = "zh-TW") -> [Record] {
        (content?.records ?? []).filter { $0.section == section && $0.language == language }
    }

    static func page(_ path: String) throws -> HTMLDocument {
        try #require(HTMLDocument(html: ShippedSiteTests.result.output.text(path) ?? ""), "\(path) was not written")
    }

    static func text(_ path: String) -> String { ShippedSiteTests.result.output.text(path) ?? "" }

    @Test func iPASIsIssuedByTheMinistryRunByIDAAndExpanded() throws {
        for record in Self.records("certifications") {
            #expect(record.fields["issuer"] == .text("經濟部"), "\(record.file)")
            #expect(record.fields["operator"] == .text("經濟部產業發展署"), "\(record.file)")
        }
        for record in Self.records("certifications", "en") {
            #expect(record.fields["issuer"] == .text("Ministry of Economic Affairs"), "\(record.file)")
            #expect(record.fields["operator"].map { "\($0)".contains("Industrial Development Administration (IDA)") } == true)
        }
        #expect(Self.text("en/certifications/index.html").contains("iPAS (Industry Professional Assessment System)"))
        #expect(Self.text("certifications/index.html").contains("經濟部產業發展署執行"))
        #expect(Self.text("en/strategies/index.html").contains("iPAS, the Industry Professional Assessment System, started in 2016"))
    }

    @Test func currentTracksAreThereAndStoppedOnesSayWhenAndWhatReplacedThem() throws {
        let byCode = Dictionary(uniqueKeysWithValues: Self.records("certifications").compactMap { record -> (String, Record)? in
            guard case .text(let code)? = record.fields["code"] else { return nil }
            return (code, record)
        })
        for (code, name) in [("AIAP", "AI應用規劃師"), ("ISE", "資訊安全工程師"), ("SPE", "智慧生產工程師"), ("AIOT", "AIoT應用工程師"),
                             ("3DP", "3D列印積層製造工程師"), ("NZ", "淨零碳規劃管理師")] {
            let record = try #require(byCode[code], "no current track \(code)")
            #expect(record.title.contains(name))
            #expect(record.fields["discontinued"] == nil && record.fields["discontinued_year"] == nil)
        }
        #expect(byCode["BDA"]?.fields["discontinued_year"] == .int(2025))
        #expect(byCode["BDA"]?.fields["successor"] == .ref("ipas-ai-application-planner"))
        #expect(byCode["IOTA"]?.fields["discontinued"] == .date(Day(year: 2026, month: 1, day: 1)))
        #expect(byCode["IOTA"]?.fields["successor"] == .ref("ipas-aiot-application"))
        let iot = try Self.page("certifications/ipas-iot-application/index.html")
        let notice = try #require(iot.all("p").first { $0["class"] == "notice notice-discontinued" })
        #expect(notice.text == "已停辦 · 停辦日期：2026年1月1日 · 接續鑑定：iPAS AIoT應用工程師能力鑑定")
        #expect(Self.text("certifications/ipas-iot-application/index.html").contains("<a href=\"/certifications/ipas-aiot-application/\">"))
        let bda = try Self.page("en/certifications/ipas-big-data-analyst/index.html")
        #expect(bda.all("p").first { $0["class"] == "notice notice-discontinued" }?.text
                == "Discontinued · Discontinued in: 2025 · Replaced by: iPAS AI Application Planner Certification")
        // 機電整合 is not a current track, and 智慧製造工程師 is not an iPAS track at all.
        #expect(!Self.records("certifications").contains { $0.title.contains("機電整合") })
        #expect(!(Self.content?.records ?? []).contains { $0.body.contains("智慧製造工程師") || $0.title.contains("智慧製造工程師") })
        // Courses prepare for current tracks only.
        let stopped = Set(Self.records("certifications").filter { $0.fields["successor"] != nil }.map(\.slug))
        for course in Self.records("courses") {
            if case .ref(let slug)? = course.fields["certification"] { #expect(!stopped.contains(slug), "\(course.file) points at stopped \(slug)") }
        }
    }

    @Test func eachFactLivesInOnePlace() {
        for record in Self.records("certifications") + Self.records("certifications", "en") {
            #expect(!record.body.contains("/courses/"), "\(record.file) lists courses by hand: the reverse reference does it")
        }
        for record in Self.records("news") + Self.records("news", "en") {
            let links = record.body.matches(of: try! Regex(#"\]\((/en)?/(courses|programmes|certifications|awards)/[a-z0-9-]+/\)"#))
            #expect(!links.isEmpty, "\(record.file) names no record page")
        }
    }

    @Test func theAwardIsDescribedAsFACTSSays() throws {
        let terms = String(decoding: try ShippedSiteTests.tree.contents(of: "content/site.yaml"), as: UTF8.self)
        #expect(terms.contains("outstanding-case: {zh-TW: 傑出個案獎, en: Outstanding case award}"))
        #expect(!terms.lowercased().contains("individual"))
        let zh = Self.text("awards/index.html"), en = Self.text("en/awards/index.html")
        for fact in ["2015年設立", "勞動力發展署", "TTQS銅牌以上", "2023年共106家申請、17家獲獎", "2025年共117家申請、16家獲獎",
                     "大型企業獎", "中小企業獎", "機關（構）團體獎", "非營利組織獎", "傑出個案獎",
                     "人才發展體系運作、績效連結、創新性及效益擴散、永續性及多元性"] {
            #expect(zh.contains(fact), "/awards/ does not say \(fact)")
        }
        for fact in ["set up the National Talent Development Award in 2015", "Workforce Development Agency", "Bronze or better",
                     "106 organisations applied and 17 won", "117 applied and 16 won", "not a person"] {
            #expect(en.contains(fact), "/en/awards/ does not say \(fact)")
        }
        #expect(Self.text("ttqs/index.html").contains("未通過、通過、銅牌、銀牌及金牌"))
        #expect(Self.text("en/ttqs/index.html").contains("Bronze or better within the last three years"))
    }

    @Test func oneNamePerIndustry() {
        let zh = Self.text("industries/index.html"), en = Self.text("en/industries/index.html")
        for name in ["智慧機械", "亞洲·矽谷（物聯網）", "綠能科技", "生醫產業", "國防產業", "新農業", "循環經濟"] { #expect(zh.contains(name)) }
        #expect(!zh.contains("生技醫藥<") && !en.contains("Defense") && en.contains("Defence industry"))
        for record in (Self.content?.records ?? []) where record.language == "en" {
            #expect(!record.body.contains("Defense"), "\(record.file)")
        }
    }

    @Test func inventedRecordsAreSamplesAndSayItEverywhere() throws {
        // FACTS.md names no course or programme: every one shipped is an example.
        for record in Self.records("courses") + Self.records("programmes") { #expect(record.sample, "\(record.file) is invented but not sample") }
        let real: Set<String> = ["2025-large-enterprise-coretronic", "2025-institution-taipower-kaohsiung-training",
                                 "2025-institution-mirdc", "2025-outstanding-case-windsor-hotel"]
        for winner in Self.records("awards") { #expect(winner.sample == !real.contains(winner.slug), "\(winner.slug)") }
        let course = try Self.page("en/courses/industrial-iot-bootcamp/index.html")
        #expect(course.all("p").contains { $0["class"] == "notice sample-notice" && $0.text.hasPrefix("Sample record") })
        for (path, html) in ShippedSiteTests.result.output.files where path.contains("/courses/") && path.hasSuffix("/index.html") {
            #expect(!String(decoding: html, as: UTF8.self).contains("class=\"button\""), "\(path) offers to apply for a sample")
        }
        let data = try #require(ShippedSiteTests.result.output.files["data/awards.json"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(data)) as? [[String: Any]])
        #expect(rows.filter { $0["sample"] as? Bool == false }.compactMap { $0["slug"] as? String }.sorted() == real.sorted())
        let fragments = SearchIndexTests.fragmentTexts(ShippedSiteTests.result.output.files, folder: "search/index/")
        #expect(fragments.contains { $0.contains("工業物聯網應用工程師養成班") && $0.contains("範例資料") })
        #expect(fragments.contains { $0.contains("中強光電") && !$0.contains("範例資料") })
    }
}
