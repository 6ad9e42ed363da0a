import Foundation
import Testing
@testable import TalentSite

/// One run shows every error: a record with a field error is still link- and reference-checked, links
/// to records that failed are not reported again, and a link to a draft says so.
@Suite struct OneRunTests {
    let zh = "content/courses/cnc.zh-TW.md"
    let en = "content/courses/cnc.en.md"
    let certZh = "content/certifications/ipas-iot.zh-TW.md"
    let certEn = "content/certifications/ipas-iot.en.md"

    /// The base certification made a draft: `draft: true` on line 2.
    private func draft(_ text: String) -> String { text.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:") }

    @Test func recordWithAFieldErrorStillHasItsLinksAndReferencesChecked() {
        let errors = TestSite.errors([zh: TestSite.course(title: "班", provider: "單位", hours: "many", certification: "ipas-nope",
                                                          body: "See [it](/courses/nowhere/).")])
        #expect(errors == [
            "\(en):15:16: error: 'certification' is ipas-iot here but ipas-nope in \(zh):15:16; translations must agree on every non-text field",
            "\(zh):10:8: error: 'hours' must be an integer, not \"many\"",
            "\(zh):15:16: error: 'certification' refers to certifications 'ipas-nope', which does not exist (no content/certifications/ipas-nope.*)",
            "\(zh):18:5: error: link to /courses/nowhere/, which this build does not write",
        ])
    }

    @Test func aFieldThatFailedIsNotComparedWithTheTranslation() {
        // zh-TW's hours fail to load: the en file's 120 is not reported as disagreeing with a missing value.
        #expect(TestSite.errors([zh: TestSite.course(title: "班", provider: "單位", hours: "many")]) == [
            "\(zh):10:8: error: 'hours' must be an integer, not \"many\"",
        ])
        let noTitle = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "title: 班\n", with: "")
        #expect(TestSite.errors([zh: noTitle]) == ["\(zh):1:1: error: missing required field 'title' (text)"])
        let badDate = TestSite.course(title: "C", provider: "P").replacingOccurrences(of: "date: 2026-02-01", with: "date: 2026-02-31")
        #expect(TestSite.errors([en: badDate]) == ["\(en):3:7: error: 'date' 2026-02-31 is not a day: February 2026 has 28 days"])
    }

    @Test func linkToARecordWithAFieldErrorIsNotReportedAgain() {
        let errors = TestSite.errors([
            certZh: TestSite.certification(title: "物聯網", issuer: "經濟部").replacingOccurrences(of: "levels: [basic, intermediate]", with: "levels: [expert]"),
            zh: TestSite.course(title: "班", provider: "單位", body: "See [the track](/certifications/ipas-iot/)."),
        ])
        #expect(errors == ["\(certZh):6:10: error: 'levels' has unknown certification-levels key \"expert\"; expected one of: basic, intermediate, advanced"])
    }

    @Test func linkAndReferenceToARecordThatFailedToLoadAreNotReportedAgain() {
        let errors = TestSite.errors([
            certZh: "---\ntitle: [broken\n---\n",
            zh: TestSite.course(title: "班", provider: "單位", body: "See [the track](/certifications/ipas-iot/) and [en](/en/certifications/ipas-iot/)."),
        ])
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("\(certZh):") == true)
    }

    @Test func linkToADraftIsOneErrorThatSaysSo() {
        let errors = TestSite.errors([
            certZh: draft(TestSite.certification(title: "物聯網", issuer: "經濟部")),
            certEn: draft(TestSite.certification(title: "IoT", issuer: "MOEA")),
            "content/pages/strategies.zh-TW.md": "---\ntitle: 策略\ndate: 2026-01-05\n---\n\n見[鑑定](/certifications/ipas-iot/)與[英文](/en/certifications/ipas-iot/)。\n",
            zh: TestSite.course(title: "班", provider: "單位", certification: "ipas-iot"),
        ])
        #expect(errors == [
            "\(en):15:16: error: 'certification' refers to certifications 'ipas-iot': that certification is a draft (\(certZh):2:1)",
            "\(zh):15:16: error: 'certification' refers to certifications 'ipas-iot': that certification is a draft (\(certZh):2:1)",
            "content/pages/strategies.zh-TW.md:6:2: error: link to /certifications/ipas-iot/: that certification is a draft (\(certZh):2:1)",
            "content/pages/strategies.zh-TW.md:6:34: error: link to /en/certifications/ipas-iot/: that certification is a draft (\(certEn):2:1)",
        ])
    }

    @Test func menuEntryNamingADraftPageSaysSo() {
        let page = "content/pages/strategies.zh-TW.md"
        let errors = TestSite.errors([
            page: "---\ndraft: true\ntitle: 策略\ndate: 2026-01-05\n---\n\n策略。\n",
            "content/pages/strategies.en.md": "---\ndraft: true\ntitle: Strategies\ndate: 2026-01-05\n---\n\nStrategies.\n",
        ])
        #expect(errors.count == 1)
        #expect(errors.first.map { $0.hasPrefix("content/site.yaml:") && $0.hasSuffix("error: menu entry names page 'strategies': that page is a draft (\(page):2:1)") } == true, "\(errors)")
    }

    @Test func menuEntryNamingAPageThatFailedIsNotReportedAgain() {
        let errors = TestSite.errors(["content/pages/strategies.zh-TW.md": "---\ntitle: [策略\n---\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/pages/strategies.zh-TW.md:") == true, "\(errors)")
    }

    @Test func draftsIncludedAreNotErrors() {
        let tree = TestSite.tree([
            certZh: draft(TestSite.certification(title: "物聯網", issuer: "經濟部")),
            certEn: draft(TestSite.certification(title: "IoT", issuer: "MOEA")),
        ])
        let result = TestSite.build(tree, options: BuildOptions(includeDrafts: true))
        #expect(result.diagnostics.filter { $0.contains("error") } == [])
    }

    @Test func sectionWithoutASingularNounSaysRecord() {
        let schema = String(decoding: TestSite.projectSkeleton["content/certifications/_section.yaml"] ?? Data(), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("singular:") }.joined(separator: "\n")
        let errors = TestSite.errors([
            "content/certifications/_section.yaml": schema,
            certZh: draft(TestSite.certification(title: "物聯網", issuer: "經濟部")),
            certEn: draft(TestSite.certification(title: "IoT", issuer: "MOEA")),
            zh: TestSite.course(title: "班", provider: "單位", certification: "ipas-iot", body: "[x](/certifications/ipas-iot/)"),
        ])
        #expect(errors.contains("\(zh):18:1: error: link to /certifications/ipas-iot/: that record is a draft (\(certZh):2:1)"), "\(errors)")
    }

    @Test func csvRowWithABadCellStillHasItsCitationLinksChecked() {
        let csv = "year,category,slug,name_zh,name_en,citation_zh,citation_en\n2025,big,acme,甲,A,見[此](/nowhere/),Good\n"
        #expect(TestSite.errors(["content/awards/winners.csv": csv]) == [
            "content/awards/winners.csv:2:6: error: row 1, column 'category' has unknown award-categories key \"big\"; expected one of: large-enterprise, sme, institution, non-profit, outstanding-case",
            "content/awards/winners.csv:2:20: error: link to /nowhere/, which this build does not write",
        ])
    }

    @Test func incompleteOriginalHasNoTranslationState() throws {
        let noTitle = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "title: 班\n", with: "title: [a, b]\n")
        // A report that quietly left the record out would pass it silently: the report fails with the record's error.
        let result = TranslationReport.build(tree: TestSite.tree([zh: noTitle]), includeDrafts: false)
        guard case .failure(let failure) = result else { Issue.record("expected a failure"); return }
        #expect(failure.errors.map(\.description) == ["\(zh):2:8: error: 'title' must be a single text, not a list"])
    }
}

extension MemorySourceTree {
    fileprivate func translationReport() throws -> TranslationReport { try TranslationReport.build(tree: self, includeDrafts: false).get() }
}
