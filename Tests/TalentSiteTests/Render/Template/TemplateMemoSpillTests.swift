import Foundation
import Synchronization
import Testing
@testable import TalentSite

/// Renderings past the memo's byte budget are kept in a spill file and read back into later pages; pages are
/// the same whatever the budget, and a rendering that cannot be read back is rendered again.
@Suite struct TemplateMemoSpillTests {
    private func item(_ index: Int) -> TemplateValue {
        .object(TemplateObject(["title": .text("Course \(index) 課程"), "hours": .int(index * 12)], memoKey: "courses/c\(index)/zh-TW"))
    }

    private let library: TemplateLibrary = {
        let page = "{{#groups}}<h2>{{name}}</h2>{{#items}}{{>card}}{{/items}}{{/groups}}"
        let card = "<li><h{{level}}>{{title}}</h{{level}}><p>{{hours}} {{unit}}</p></li>\n"
        return TemplateLibrary(["page": (try? TemplateParser.parse(page)) ?? [], "card": (try? TemplateParser.parse(card)) ?? []])
    }()

    /// Pages showing overlapping runs of cards at two heading levels, as list and archive pages do.
    private func pages(_ memo: TemplateMemo?) -> [String] {
        (0..<12).map { page in
            let items = (page..<(page + 8)).map(item)
            let context: [String: Any] = ["unit": "hours", "level": page % 3 == 0 ? 3 : 2,
                                          "groups": [["name": "A", "items": Array(items.prefix(4))], ["name": "B", "items": Array(items.dropFirst(4))]]]
            return String(decoding: library.render("page", context, memo: memo) ?? [], as: UTF8.self)
        }
    }

    @Test func aTinyBudgetGivesTheSamePagesAndReadsCardsBack() throws {
        let fresh = pages(nil)
        let unlimited = TemplateMemo(budget: .max)
        #expect(pages(unlimited) == fresh)
        #expect(unlimited.usage.spilled == 0 && unlimited.usage.readBack == 0 && unlimited.usage.held > 0)

        let tiny = TemplateMemo(budget: 100)
        #expect(pages(tiny) == fresh)
        let usage = tiny.usage
        #expect(usage.held <= 100)
        #expect(usage.spilled > 0)
        #expect(usage.readBack > 0)
        #expect(usage.held + usage.spilled == unlimited.usage.held)
    }

    @Test func noBudgetSpillsEverything() {
        let memo = TemplateMemo(budget: 0)
        #expect(pages(memo) == pages(nil))
        #expect(memo.usage.held == 0)
        #expect(memo.usage.readBack > 0)
    }

    /// A spill whose writes succeed but whose reads fail: every card is rendered again, never written wrong.
    final class Unreadable: RenderingSpill {
        let reads = Mutex(0)
        func append(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? { 0..<bytes.count }
        func read(_ range: Range<Int>, appendingTo buffer: inout [UInt8]) -> Bool {
            reads.withLock { $0 += 1 }
            return false
        }
    }

    @Test func aRenderingThatCannotBeReadBackIsRenderedAgain() {
        let spill = Unreadable()
        let memo = TemplateMemo(budget: 0, makeSpill: { spill })
        #expect(pages(memo) == pages(nil))
        #expect(spill.reads.withLock { $0 } > 0)
        #expect(memo.usage.readBack == 0)
    }

    /// A spill that cannot be made (or written to) leaves the renderings in memory.
    @Test func withoutASpillFileRenderingsStayInMemory() {
        let memo = TemplateMemo(budget: 0, makeSpill: { nil })
        #expect(pages(memo) == pages(nil))
        #expect(memo.usage.spilled == 0)
        #expect(memo.usage.held == TemplateMemo(budget: .max).filled(by: pages).usage.held)
    }

    /// The renderings dropped past the few kept per object no longer count against the budget.
    @Test func droppedRenderingsLeaveTheBudget() throws {
        let memo = TemplateMemo(budget: .max)
        let card = try TemplateParser.parse("<h{{level}}>{{title}}</h{{level}}>")
        let library = TemplateLibrary(["card": card])
        for level in 1...9 {
            _ = library.renderPartial("card", over: [TemplateValue(["level": level] as [String: Any]), item(1)], memo: memo)
        }
        let kept = memo.entries(template: 0, key: "courses/c1/zh-TW")
        #expect(kept.count == 4)
        #expect(memo.usage.held == kept.reduce(0) { total, entry in
            guard case .held(let bytes) = entry.bytes else { return total }
            return total + bytes.count
        })
    }
}

extension TemplateMemo {
    /// This memo after `pages` rendered with it.
    func filled(by pages: (TemplateMemo?) -> [String]) -> TemplateMemo {
        _ = pages(self)
        return self
    }
}
