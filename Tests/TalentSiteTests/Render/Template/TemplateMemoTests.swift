import Foundation
import Testing
@testable import TalentSite

/// A card is rendered once per item and reused on later pages only while everything it read from outside
/// its item is the same; any difference renders it again, so reuse never changes a page.
@Suite struct TemplateMemoTests {
    let item = TemplateValue.object(TemplateObject(["title": .text("CNC"), "facts": .list([.object(TemplateObject(["name": .text("hours")]))])],
                                                   memoKey: "courses/cnc/zh-TW"))

    private func library(card: String) throws -> TemplateLibrary {
        TemplateLibrary(["page": try TemplateParser.parse("{{#items}}{{>card}}{{/items}}"), "card": try TemplateParser.parse(card)])
    }

    private func page(_ library: TemplateLibrary, _ memo: TemplateMemo, _ values: [String: Any]) -> String {
        var context = values
        context["items"] = [item, item]
        return String(decoding: library.render("page", context, memo: memo) ?? [], as: UTF8.self)
    }

    @Test func reusedWhileOutsideValuesAreTheSame() throws {
        let lib = try library(card: "<h{{level}}>{{title}}</h{{level}}>")
        let memo = TemplateMemo()
        #expect(page(lib, memo, ["level": 2]) == "<h2>CNC</h2><h2>CNC</h2>")
        #expect(memo.entries(template: 0, key: "courses/cnc/zh-TW").count == 1)
        #expect(page(lib, memo, ["level": 3]) == "<h3>CNC</h3><h3>CNC</h3>")
        #expect(page(lib, memo, ["level": 2]) == "<h2>CNC</h2><h2>CNC</h2>")
        #expect(memo.entries(template: 0, key: "courses/cnc/zh-TW").count == 2)
    }

    @Test func aPageValueReadInsideANestedSectionIsChecked() throws {
        // `label` is not in the fact: it is found on the page, so the card depends on the page.
        let lib = try library(card: "{{title}}{{#facts}}[{{name}}:{{label}}]{{/facts}}")
        let memo = TemplateMemo()
        #expect(page(lib, memo, ["label": "A"]) == "CNC[hours:A]CNC[hours:A]")
        #expect(page(lib, memo, ["label": "B"]) == "CNC[hours:B]CNC[hours:B]")
    }

    @Test func aNameMissingOnTheFirstPageIsChecked() throws {
        let lib = try library(card: "{{title}}{{#extra}}+{{extra}}{{/extra}}")
        let memo = TemplateMemo()
        #expect(page(lib, memo, [:]) == "CNCCNC")
        #expect(page(lib, memo, ["extra": "x"]) == "CNC+xCNC+x")
    }

    @Test func objectsNotMarkedAreNeverReused() throws {
        let lib = try library(card: "{{title}}")
        let memo = TemplateMemo()
        let plain = TemplateObject(["title": .text("plain")])
        let context: [String: Any] = ["items": [TemplateValue.object(plain)]]
        #expect(lib.render("page", context, memo: memo).map { String(decoding: $0, as: UTF8.self) } == "plain")
        #expect(memo.entries(template: 0, key: "plain").isEmpty)
    }

    @Test func aLazyItemIsBuiltOnlyWhenItsCardIsNotInTheMemo() throws {
        let lib = try library(card: "{{title}}")
        let memo = TemplateMemo()
        let builds = Counter()
        func lazyItem() -> TemplateValue {
            .object(TemplateObject(memoKey: "k") { builds.add(); return ["title": "lazy"] })
        }
        for _ in 0..<3 {
            #expect(lib.render("page", ["items": [lazyItem(), lazyItem()]], memo: memo).map { String(decoding: $0, as: UTF8.self) } == "lazylazy")
        }
        #expect(builds.value == 1)
    }

    final class Counter: @unchecked Sendable {
        var value = 0
        func add() { value += 1 }
    }
}
