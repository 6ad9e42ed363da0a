import Testing
@testable import TalentSite

/// Every kind of editor mistake gets its own exact message at the right file, line and column.
@Suite struct ContentErrorTests {
    let zh = "content/courses/cnc.zh-TW.md"
    let en = "content/courses/cnc.en.md"

    @Test func baseSiteBuildsCleanly() {
        let result = TestSite.build(TestSite.tree())
        #expect(result.diagnostics == [])
        #expect(result.output.text("courses/cnc/index.html") != nil)
    }

    @Test func unknownFrontMatterKey() {
        let errors = TestSite.errors([zh: TestSite.course(title: "班", provider: "單位", extra: "hour: 12\n")])
        #expect(errors == ["\(zh):16:1: error: unknown key 'hour' in front matter of section 'courses' (did you mean 'hours'?); allowed: title, date, summary, draft, sample, kind, industries, region, provider, apply_until, start, end, hours, fee, subsidy_rate, seats, apply_url, certification"])
    }

    @Test func missingRequiredField() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "region: central\n", with: "")
        #expect(TestSite.errors([zh: text]) == ["\(zh):1:1: error: missing required field 'region' (key of 'regions')"])
    }

    @Test func wrongType() {
        let errors = TestSite.errors([zh: TestSite.course(title: "班", provider: "單位", hours: "many"),
                                      en: TestSite.course(title: "C", provider: "P", hours: "\"120\"")])
        #expect(errors == [
            "\(en):10:8: error: 'hours' must be an integer, not \"120\"",
            "\(zh):10:8: error: 'hours' must be an integer, not \"many\"",
        ])
    }

    @Test func badDate() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "start: 2026-12-01", with: "start: 2026-02-30")
        #expect(TestSite.errors([zh: text]) == ["\(zh):8:8: error: 'start' 2026-02-30 is not a day: February 2026 has 28 days"])
    }

    @Test func unknownVocabularyKey() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "[smart-machinery, iot]", with: "[smart-machinery, robots]")
        #expect(TestSite.errors([zh: text]) == [
            "\(zh):5:31: error: 'industries' has unknown industries key \"robots\"; expected one of: smart-machinery, iot, green-energy, biotech, defense, new-agriculture, circular-economy, digital-content, cloud-big-data, materials",
        ])
    }

    @Test func badSlugInFileName() {
        let errors = TestSite.errors(["content/courses/CNC_1.zh-TW.md": TestSite.course(title: "班", provider: "單位")])
        #expect(errors == ["content/courses/CNC_1.zh-TW.md:1:1: error: invalid slug 'CNC_1': use lowercase a-z, 0-9 and '-' only"])
    }

    @Test func unknownLanguageInFileName() {
        let errors = TestSite.errors(["content/courses/cnc.fr.md": TestSite.course(title: "班", provider: "單位")])
        #expect(errors == ["content/courses/cnc.fr.md:1:1: error: unknown language 'fr' in file name; expected one of: zh-TW, en"])
    }

    @Test func certificationThatDoesNotExist() {
        let errors = TestSite.errors([zh: TestSite.course(title: "班", provider: "單位", certification: "ipas-nope"),
                                      en: TestSite.course(title: "C", provider: "P", certification: "ipas-nope")])
        #expect(errors == [
            "\(en):15:16: error: 'certification' refers to certifications 'ipas-nope', which does not exist (no content/certifications/ipas-nope.*)",
            "\(zh):15:16: error: 'certification' refers to certifications 'ipas-nope', which does not exist (no content/certifications/ipas-nope.*)",
        ])
    }

    @Test func translationsDisagreeOnNonTextField() {
        let errors = TestSite.errors([en: TestSite.course(title: "C", provider: "P", hours: "96")])
        #expect(errors == ["\(en):10:8: error: 'hours' is 96 here but 120 in \(zh):10:8; translations must agree on every non-text field"])
    }

    @Test func translationWithoutOriginal() {
        let errors = TestSite.errors(["content/courses/solo.en.md": TestSite.course(title: "C", provider: "P")])
        #expect(errors == ["content/courses/solo.en.md:1:1: error: no zh-TW version: every record must exist in zh-TW (expected content/courses/solo.zh-TW.md)"])
    }

    @Test func invalidYAMLPointsIntoTheFile() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "region: central", with: "region: [central")
        let errors = TestSite.errors([zh: text])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(zh):7:") == true, "\(errors)")
    }

    @Test func missingFrontMatter() {
        #expect(TestSite.errors([zh: "# Just a heading\n"]) == [
            "\(zh):1:1: error: missing front matter: the file must start with a '---' line, then YAML, then '---'",
        ])
    }

    @Test func unsafeURLInField() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "https://apply.training.gov.tw/apply/cnc", with: "javascript:alert(1)")
        #expect(TestSite.errors([zh: text]) == ["\(zh):14:12: error: 'apply_url' must be an absolute https:, http: or mailto: URL, not \"javascript:alert(1)\""])
    }

    @Test func numberOutOfRange() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "subsidy_rate: 80", with: "subsidy_rate: 120")
        let errors = TestSite.errors([zh: text, en: TestSite.course(title: "C", provider: "P").replacingOccurrences(of: "subsidy_rate: 80", with: "subsidy_rate: 120")])
        #expect(errors.first == "\(en):12:15: error: 'subsidy_rate' must be between 0 and 100, not 120")
    }

    @Test func allErrorsOfABuildAreReportedAtOnce() {
        let errors = TestSite.errors([
            zh: TestSite.course(title: "班", provider: "單位", hours: "x"),
            "content/certifications/ipas-iot.en.md": TestSite.certification(title: "T", issuer: "I").replacingOccurrences(of: "levels: [basic, intermediate]", with: "levels: [expert]"),
        ])
        #expect(errors.count == 2)
    }
}
