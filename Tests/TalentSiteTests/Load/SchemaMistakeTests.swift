import Foundation
import Testing
@testable import TalentSite

/// A mistake in a `_section.yaml` is an error at its position, never a crash.
@Suite struct SchemaMistakeTests {
    let awards = "content/awards/_section.yaml"

    private var awardsSchema: String {
        String(decoding: TestSite.projectSkeleton[awards] ?? Data(), as: UTF8.self)
    }

    @Test func csvTitleWithoutALanguageIsAnErrorNotATrap() {
        let schema = awardsSchema.replacingOccurrences(of: "  title: {zh-TW: name_zh, en: name_en}", with: "  title: {zh-TW: name_zh}")
        #expect(schema != awardsSchema)
        // One error: the menu entry naming the section that failed is not reported again.
        #expect(TestSite.errors([awards: schema]) == ["\(awards):16:10: error: 'title' has no 'en' text"])
    }

    @Test func csvBodyWithoutALanguageIsAnErrorNotATrap() {
        let schema = awardsSchema.replacingOccurrences(of: "  body: {zh-TW: citation_zh, en: citation_en}", with: "  body: {en: citation_en}")
        #expect(schema != awardsSchema)
        #expect(TestSite.errors([awards: schema]) == ["\(awards):17:9: error: 'body' has no 'zh-TW' text"])
    }

    @Test func csvDataWithoutTitleIsAnError() {
        let schema = awardsSchema.replacingOccurrences(of: "  title: {zh-TW: name_zh, en: name_en}\n", with: "")
        let errors = TestSite.errors([awards: schema])
        #expect(errors.contains { $0.hasPrefix("\(awards):") && $0.hasSuffix("error: missing required key 'title'") }, "\(errors)")
    }
}
