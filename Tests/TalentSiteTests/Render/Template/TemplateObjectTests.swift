import Foundation
import Synchronization
import Testing
@testable import TalentSite

/// Objects are shared between the pages rendered in parallel: a lazy one is built once, whichever thread
/// reads it first, and every thread sees the same fields.
@Suite struct TemplateObjectTests {
    private final class Calls: Sendable { let count = Mutex(0) }

    @Test func aLazyObjectReadFromManyThreadsIsBuiltOnce() {
        let calls = Calls()
        let object = TemplateObject(memoKey: "courses/cnc/en") {
            calls.count.withLock { $0 += 1 }
            return ["title": "CNC", "hours": 40, "facts": [["name": "level"]]]
        }
        let seen = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let title = object["title"]?.renderedText ?? "missing"
            let hours = object["hours"]?.renderedText ?? "missing"
            seen.withLock { $0.append(title + "/" + hours) }
        }
        #expect(calls.count.withLock { $0 } == 1)
        #expect(seen.withLock { $0 } == Array(repeating: "CNC/40", count: 64))
        #expect(object.fields.count == 3)
    }

    /// A card's facts are made on each read and not kept: the item holds only what makes them.
    @Test func aComputedFieldIsMadeOnEveryReadAfterTheOwnFieldsAndNeverShadowsThem() {
        let calls = Calls()
        let object = TemplateObject(memoKey: "courses/cnc/en", lazily: { ["title": "CNC"] }, computed: [
            ("facts", { calls.count.withLock { $0 += 1 }; return .list([.text("40 h")]) }),
            ("title", { .text("not this one") }),
        ])
        #expect(object["title"]?.renderedText == "CNC")
        #expect(calls.count.withLock { $0 } == 0)
        guard case .list(let facts)? = object["facts"] else { Issue.record("no facts"); return }
        #expect(facts.map(\.renderedText) == ["40 h"])
        _ = object["facts"]
        #expect(calls.count.withLock { $0 } == 2)
        #expect(object["missing"] == nil)
        #expect(object.fields.map(\.key).sorted() == ["facts", "title", "title"])
        #expect(object.fields.first { $0.key == "title" }?.value.renderedText == "CNC")
    }

    @Test func anEagerObjectKeepsItsFields() {
        let object = TemplateObject(["title": .text("CNC")], memoKey: "courses/cnc/en")
        #expect(object["title"]?.renderedText == "CNC")
        #expect(object["missing"] == nil)
        #expect(object.memoKey == "courses/cnc/en")
    }

    @Test func pagePartsGiveLinkGroupsBackAsDictionariesSoTheyStillMerge() {
        let parts = PageParts()
        var made = 0
        for _ in 0..<3 {
            let fixed = parts.fixed("en", "courses") {
                made += 1
                return (values: ["lang": "en"], links: ["feeds": ["rss": "/rss.xml"], "flag": true])
            }
            #expect(fixed.shared["lang"]?.renderedText == "en")
            let group = fixed.links["feeds"] as? [String: Any]
            #expect((group?["rss"] as? TemplateValue)?.renderedText == "/rss.xml")
            #expect((fixed.links["flag"] as? TemplateValue)?.renderedText == "true")
        }
        #expect(made == 1)
    }
}
