import Foundation
import Testing
@testable import TalentSite

/// A template that includes itself, directly or through others, is an error at the include, not a
/// stack overflow while rendering (the template renderer has no recursion guard).
@Suite struct PartialCycleTests {
    private func template(_ name: String) -> String {
        String(decoding: TestSite.projectSkeleton["templates/\(name).mustache"] ?? Data(), as: UTF8.self)
    }

    @Test func partialThatIncludesItself() {
        let errors = TestSite.errors(["templates/card.mustache": "<li>\n  {{#items}}{{> card}}{{/items}}\n" + template("card")])
        #expect(errors == ["templates/card.mustache:2:13: error: partial 'card' includes itself (card → card)"])
    }

    @Test func partialsThatIncludeEachOther() {
        let errors = TestSite.errors([
            "templates/facts.mustache": "{{> breadcrumbs}}\n" + template("facts"),
            "templates/breadcrumbs.mustache": "<nav>課程 {{> facts}}</nav>\n" + template("breadcrumbs"),
        ])
        #expect(errors == ["templates/breadcrumbs.mustache:1:9: error: partial 'breadcrumbs' includes itself (breadcrumbs → facts → breadcrumbs)"])
    }

    @Test func parentThatIncludesItsChild() {
        let errors = TestSite.errors(["templates/layout.mustache": template("layout") + "{{> page}}\n"])
        #expect(errors.contains { $0.hasSuffix("error: partial 'layout' includes itself (layout → page → layout)") }, "\(errors)")
    }

    /// Found by the fuzz test: a partial that extends the layout, used inside a page that extends it too, renders
    /// the page's block forever (no plain include cycle, yet a stack overflow).
    @Test func partialThatExtendsTheLayoutInsideAPage() {
        let errors = TestSite.errors(["templates/card.mustache": template("page")])
        #expect(errors.contains {
            $0.hasPrefix("templates/list.mustache:") && $0.contains(": error: 'list' extends 'layout' and includes it again inside its blocks (list → card → layout)")
        }, "\(errors)")
    }

    @Test func missingPartialIsAnErrorNotSilence() {
        let text = template("record").replacingOccurrences(of: "{{>facts}}", with: "{{>fatcs}}")
        let expected = PartialCycles.includes(in: text).filter { $0.name == "fatcs" }.map {
            "templates/record.mustache:\($0.line):\($0.column): error: partial 'fatcs' does not exist (templates/fatcs.mustache) (did you mean 'facts'?)"
        }
        #expect(expected.count == 2)
        #expect(TestSite.errors(["templates/record.mustache": text]) == expected)
    }

    @Test func includeTagsAndTheirPositions() {
        let found = PartialCycles.includes(in: "中文 {{>a}}\n  {{< b }}{{! c}}{{>*dynamic}}{{$block}}{{/block}}")
        #expect(found == [PartialCycles.Include(name: "a", line: 1, column: 4), PartialCycles.Include(name: "b", line: 2, column: 3, isParent: true)])
    }

    @Test func theShippedThemeHasNoCycle() {
        var includes: [String: [PartialCycles.Include]] = [:]
        for (path, data) in TestSite.projectSkeleton where path.hasSuffix(".mustache") {
            includes[String(path.dropFirst("templates/".count).dropLast(".mustache".count))] = PartialCycles.includes(in: String(decoding: data, as: UTF8.self))
        }
        #expect(includes["record"]?.map(\.name).contains("layout") == true)
        #expect(PartialCycles.find(includes).isEmpty)
    }
}
