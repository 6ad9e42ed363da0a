import Foundation
import Testing
@testable import TalentSite

/// A mistake in a `_section.yaml` is an error at its position, never a crash.
@Suite struct SchemaMistakeTests {
    let awards = "content/awards/_section.yaml"

    private var awardsSchema: String {
        String(decoding: TestSite.projectSkeleton[awards] ?? Data(), as: UTF8.self)
    }

    /// The 1-based line of the shipped awards schema that starts with `prefix`, so positions follow edits to it.
    private func line(_ prefix: String) -> Int {
        (awardsSchema.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }

    @Test func csvTitleWithoutALanguageIsAnErrorNotATrap() {
        let schema = awardsSchema.replacingOccurrences(of: "  title: {zh-TW: name_zh, en: name_en}", with: "  title: {zh-TW: name_zh}")
        #expect(schema != awardsSchema)
        // One error: the menu entry naming the section that failed is not reported again.
        #expect(TestSite.errors([awards: schema]) == ["\(awards):\(line("  title: {zh-TW: name_zh")):10: error: 'title' has no 'en' text"])
    }

    @Test func csvBodyWithoutALanguageIsAnErrorNotATrap() {
        let schema = awardsSchema.replacingOccurrences(of: "  body: {zh-TW: citation_zh, en: citation_en}", with: "  body: {en: citation_en}")
        #expect(schema != awardsSchema)
        #expect(TestSite.errors([awards: schema]) == ["\(awards):\(line("  body: {zh-TW: citation_zh")):9: error: 'body' has no 'zh-TW' text"])
    }

    @Test func csvDataWithoutTitleIsAnError() {
        let schema = awardsSchema.replacingOccurrences(of: "  title: {zh-TW: name_zh, en: name_en}\n", with: "")
        let errors = TestSite.errors([awards: schema])
        #expect(errors.contains { $0.hasPrefix("\(awards):") && $0.hasSuffix("error: missing required key 'title'") }, "\(errors)")
    }

    private func schema(_ section: String) -> String {
        String(decoding: TestSite.projectSkeleton["content/\(section)/_section.yaml"] ?? Data(), as: UTF8.self)
    }

    @Test func minAboveMaxIsOneErrorInTheSchema() {
        let path = "content/courses/_section.yaml"
        let text = schema("courses").replacingOccurrences(of: "    min: 0\n    max: 100", with: "    min: 100\n    max: 0")
        let line = (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "    max: 0" } ?? -1) + 1
        #expect(TestSite.errors([path: text]) == ["\(path):\(line):5: error: 'max' 0 is less than 'min' 100 (\(path):\(line - 1):5): no value could pass"])
    }

    @Test func sectionTemplateTypoIsOneError() {
        let path = "content/courses/_section.yaml"
        let text = schema("courses").replacingOccurrences(of: "template: record", with: "template: recrod")
        let line = (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "template: recrod" } ?? -1) + 1
        // The course pages are still planned: links to them from the certifications are not reported.
        #expect(TestSite.errors([path: text]) == ["\(path):\(line):11: error: section template 'recrod' does not exist (templates/recrod.mustache) (did you mean 'record'?)"])
    }

    @Test func siteWithoutLanguagesSaysSo() {
        let errors = TestSite.errors(["content/site.yaml": "base_url: https://example.org/\nlanguages: {}\n"])
        #expect(errors == ["content/site.yaml:2:12: error: 'languages' declares no language; the first one declared is the site's default"])
    }

    @Test func csvFileOutsideTheSectionIsOneError() {
        let text = awardsSchema.replacingOccurrences(of: "  file: winners.csv", with: "  file: ../../etc/passwd.csv")
        #expect(TestSite.errors([awards: text]) == ["\(awards):\(line("  file: winners.csv")):3: error: 'file' must name a .csv file in the section folder"])
    }

    @Test func csvSlugColumnThatIsATitleColumn() {
        let text = awardsSchema.replacingOccurrences(of: "  slug: slug", with: "  slug: name_en")
        #expect(TestSite.errors([awards: text]) == ["\(awards):\(line("  slug: slug")):3: error: the slug column 'name_en' is also a title or body column; name a column of its own"])
    }

    @Test func hugePageSizeIsAnErrorNotAnOverflow() {
        let path = "content/courses/_section.yaml"
        let text = schema("courses").replacingOccurrences(of: "page_size: 20", with: "page_size: 9223372036854775807")
        let line = (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("page_size:") } ?? -1) + 1
        #expect(TestSite.errors([path: text]) == ["\(path):\(line):1: error: 'page_size' must be between 1 and 10000, not 9223372036854775807"])
    }
}
