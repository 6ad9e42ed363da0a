import Testing
@testable import TalentSite

@Suite struct BodyLinkTests {
    let zh = "content/courses/cnc.zh-TW.md"

    func errors(body: String) -> [String] {
        TestSite.errors(["content/courses/cnc.zh-TW.md": TestSite.course(title: "班", provider: "單位", body: body)])
    }

    @Test func brokenInternalLinkIsAnErrorAtTheLink() {
        #expect(errors(body: "See [it](/courses/nope/).") == ["\(zh):18:5: error: link to /courses/nope/, which this build does not write"])
    }

    @Test func missingTrailingSlashGetsASuggestion() {
        #expect(errors(body: "Back to [list](/courses).") == ["\(zh):18:9: error: link to /courses, which this build does not write (did you mean /courses/?)"])
    }

    @Test func relativeAndValidLinksPass() {
        #expect(errors(body: "[a](/courses/) [b](../) [c](../../certifications/ipas-iot/) [d](https://www.gov.tw) [e](mailto:a@b.tw) [f](/style.css)") == [])
    }

    @Test func disallowedSchemeIsAnError() {
        #expect(errors(body: "[x](javascript:alert(1))") == ["\(zh):18:1: error: link uses the 'javascript:' scheme; only https:, http:, mailto: and tel: links are allowed"])
    }

    @Test func missingAnchorIsAnError() {
        #expect(errors(body: "## 課程大綱\n\n[ok](#課程大綱) [bad](#nope)") == ["\(zh):20:13: error: link to #nope, but this page has no heading with that anchor"])
    }
}
