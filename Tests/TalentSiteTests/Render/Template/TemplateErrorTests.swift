import Foundation
import Testing
@testable import TalentSite

/// Template mistakes are errors with the line and column where they are, in the template file.
@Suite struct TemplateErrorTests {
    private func error(_ text: String) -> TemplateSyntaxError? {
        do { _ = try TemplateParser.parse(text); return nil } catch { return error }
    }

    @Test func unclosedSectionPointsAtItsOpeningTag() {
        let found = error("<ul>\n  {{#items}}\n<li>{{title}}</li>\n")
        #expect(found == TemplateSyntaxError(message: "section 'items' is never closed (add {{/items}})", line: 2, column: 3))
    }

    @Test func wrongClosingTagNamesBoth() {
        let found = error("{{#a}}\n{{#b}}x{{/a}}\n")
        #expect(found?.line == 2 && found?.column == 8)
        #expect(found?.message == "'{{/a}}' does not close 'b' (opened at line 2, column 1)")
    }

    @Test func closingTagWithoutSection() {
        #expect(error("x\n  {{/a}}") == TemplateSyntaxError(message: "'{{/a}}' closes a section that was never opened", line: 2, column: 3))
    }

    @Test func unfinishedTagAndBadNames() {
        #expect(error("ab {{title") == TemplateSyntaxError(message: "tag is never closed", line: 1, column: 4))
        #expect(error("{{ti tle}}")?.message == "unexpected 't' in a tag name")
        #expect(error("{{{x}}")?.message == "'{{{x' needs '}}}'")
        #expect(error("{{}}")?.message == "tag without a name")
        #expect(error("{{>*dynamic}}")?.message == "dynamic partial names ({{>*name}}) are not supported")
        #expect(error("中文 {{! never")  == TemplateSyntaxError(message: "comment is never closed", line: 1, column: 4))
    }

    @Test func onlyBlocksInsideAParent() {
        #expect(error("{{<layout}}\n{{title}}\n{{/layout}}")?.message == "inside '{{<layout}}' only blocks ({{$name}}…{{/name}}) may appear")
    }

    /// Through the theme: the file, line and column of the mistake, as every other error.
    @Test func themeReportsSyntaxErrorsWithFileLineAndColumn() {
        let errors = TestSite.errors(["templates/card.mustache": "<li>\n{{#sample}}\n</li>\n"])
        #expect(errors.contains("templates/card.mustache:2:1: error: template syntax error: section 'sample' is never closed (add {{/sample}})"))
    }
}
