import Foundation
import Testing
@testable import TalentSite

/// Typos in keys, terms, sections, slugs and link targets get a "did you mean", in both languages' files.
@Suite struct DidYouMeanTests {
    let zh = "content/courses/cnc.zh-TW.md"
    let en = "content/courses/cnc.en.md"

    @Test func unknownFrontMatterKeyInEitherLanguage() {
        let errors = TestSite.errors([
            zh: TestSite.course(title: "班", provider: "單位", extra: "seat: 12\n"),
            en: TestSite.course(title: "C", provider: "P", extra: "subsidy-rate: 12\n"),
        ])
        #expect(errors.count == 2)
        #expect(errors.contains { $0.hasPrefix("\(en):16:1: error: unknown key 'subsidy-rate' in front matter of section 'courses' (did you mean 'subsidy_rate'?); allowed: ") })
        #expect(errors.contains { $0.hasPrefix("\(zh):16:1: error: unknown key 'seat' in front matter of section 'courses' (did you mean 'seats'?); allowed: ") })
    }

    @Test func aFieldLabelAsKeySuggestsTheField() {
        let errors = TestSite.errors([zh: TestSite.course(title: "班", provider: "單位", extra: "名額: 12\n")])
        #expect(errors.first?.hasPrefix("\(zh):16:1: error: unknown key '名額' in front matter of section 'courses' (did you mean 'seats'?)") == true, "\(errors)")
    }

    @Test func vocabularyTermTypoAndLabel() {
        let typo = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "region: central", with: "region: centrl")
        #expect(TestSite.errors([zh: typo]) == [
            "\(zh):6:9: error: 'region' has unknown regions key \"centrl\" (did you mean \"central\"?); expected one of: north, central, south, east, online",
        ])
        let label = TestSite.course(title: "C", provider: "P").replacingOccurrences(of: "region: central", with: "region: Central")
        #expect(TestSite.errors([en: label]).first?.contains("key \"Central\" (did you mean \"central\"?)") == true)
        let chinese = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "region: central", with: "region: 中部")
        #expect(TestSite.errors([zh: chinese]).first?.contains("key \"中部\" (did you mean \"central\"?)") == true)
    }

    @Test func refSlugTypo() {
        let errors = TestSite.errors([zh: TestSite.course(title: "班", provider: "單位", certification: "ipas-iott"),
                                      en: TestSite.course(title: "C", provider: "P", certification: "ipas-iott")])
        #expect(errors == [
            "\(en):15:16: error: 'certification' refers to certifications 'ipas-iott', which does not exist (no content/certifications/ipas-iott.*); did you mean 'ipas-iot'?",
            "\(zh):15:16: error: 'certification' refers to certifications 'ipas-iott', which does not exist (no content/certifications/ipas-iott.*); did you mean 'ipas-iot'?",
        ])
    }

    @Test func refSectionTypoInASchema() {
        let path = "content/courses/_section.yaml"
        let schema = String(decoding: TestSite.projectSkeleton[path] ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "section: certifications", with: "section: certification")
        let line = (schema.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "    section: certification" } ?? -1) + 1
        let errors = TestSite.errors([path: schema])
        #expect(errors.contains("\(path):\(line):14: error: field 'certification' refers to section 'certification', which does not exist (did you mean 'certifications'?)"), "\(errors)")
    }

    @Test func internalLinkTypoInBothLanguages() {
        let errors = TestSite.errors([
            zh: TestSite.course(title: "班", provider: "單位", body: "見[鑑定](/certifications/ipas-iott/)。"),
            en: TestSite.course(title: "C", provider: "P", body: "See [it](/en/certifcations/ipas-iot/)."),
        ])
        #expect(errors == [
            "\(en):18:5: error: link to /en/certifcations/ipas-iot/, which this build does not write (did you mean /en/certifications/ipas-iot/?)",
            "\(zh):18:2: error: link to /certifications/ipas-iott/, which this build does not write (did you mean /certifications/ipas-iot/?)",
        ])
    }

    @Test func sectionFolderTypo() {
        let errors = TestSite.errors(["content/course/new.zh-TW.md": TestSite.course(title: "班", provider: "單位")])
        #expect(errors == ["content/course/new.zh-TW.md:1:1: error: folder content/course/ has no _section.yaml declaring its fields; add one or move the file (did you mean content/courses/?)"])
    }

    @Test func aMisspeltRequiredKeyIsOneError() {
        let text = TestSite.course(title: "班", provider: "單位").replacingOccurrences(of: "hours: 120", with: "hour: 120")
        let errors = TestSite.errors([zh: text])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(zh):10:1: error: unknown key 'hour' in front matter of section 'courses' (did you mean 'hours'?)") == true, "\(errors)")
    }
}
