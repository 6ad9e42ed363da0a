import Testing
@testable import TalentSite

/// The conversion's shortcuts for common exact types give what the general chain of casts gives.
@Suite struct TemplateValueConversionTests {
    @Test func aDictionaryOfTextsConvertsAsADictionaryOfAnything() {
        let texts: [String: String] = ["href": "/a/", "text": "2026", "課程": "x"]
        let general = TemplateValue(texts.mapValues { $0 as Any })
        let fast = TemplateValue(texts)
        #expect(fast.isSame(as: general))
        guard case .object(let object) = fast else { Issue.record("not an object"); return }
        #expect(object["href"]?.renderedText == "/a/")
        #expect(object["課程"]?.renderedText == "x")
        #expect(object.fields.count == 3)
    }

    @Test func anOptionalTextConvertsToItsTextOrNull() {
        let some: String? = "text"
        let none: String? = nil
        #expect(TemplateValue(some as Any).isSame(as: .text("text")))
        #expect(TemplateValue(none as Any).isSame(as: .null))
        // As a nested value, where the chain used to reach it.
        let nested = TemplateValue(["a": some as Any, "b": none as Any] as [String: Any])
        guard case .object(let object) = nested else { Issue.record("not an object"); return }
        #expect(object["a"]?.isSame(as: .text("text")) == true)
        #expect(object["b"]?.isSame(as: .null) == true)
    }
}
