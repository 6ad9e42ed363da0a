import Testing
@testable import TalentSite

/// The scanner's copy of libxml2's element rules, checked against the linked libxml2 itself for every name the
/// scanner may meet: which start tag closes which current element, which elements are void, which end tags
/// may close elements left open inside them.
@Suite struct LibXML2HTMLRulesTests {
    /// Names of the tables, of our templates and Markdown, and names libxml2 does not know.
    static let names: [String] = {
        var names = Set(LibXML2HTMLRules.startClose.flatMap { [$0.old, $0.new] })
        names.formUnion(LibXML2HTMLRules.voidElements)
        names.formUnion(LibXML2HTMLRules.priorities.keys)
        names.formUnion(VisibleText.blocks.union(VisibleText.skipped))
        names.formUnion(["a", "span", "strong", "em", "code", "time", "label", "details", "summary", "wbr", "source",
                         "track", "embed", "sup", "sub", "mark", "abbr", "figure", "x", "foo1"])
        return names.subtracting(LibXML2HTMLRules.declinedElements).sorted()
    }()

    /// The text of the first element named `name` in libxml2's tree of `html`.
    private func text(of name: String, in html: String) -> String? {
        HTMLDocument(html: html)?.first(name)?.text
    }

    @Test func theLinkedLibXML2IsAVerifiedRelease() {
        // A new libxml2 turns the scanner off (every page goes to libxml2): run these tests with it, then list it.
        #expect(LibXML2HTMLRules.verifiedVersion)
    }

    @Test func startTagsCloseTheCurrentElementAsInLibXML2() {
        for old in Self.names where !LibXML2HTMLRules.voidElements.contains(old) {
            let current = LibXML2HTMLRules.element(ElementName(Array(old.utf8)[...])!)
            for new in Self.names {
                let element = LibXML2HTMLRules.element(ElementName(Array(new.utf8)[...])!)
                let html = "<main><\(old) id=\"old\">o<\(new) id=\"new\">n</\(new)>z</\(old)></main>"
                // Inside `old` when not closed by `new` (`z` shows where the rest went either way).
                let inside = HTMLDocument(html: html)?.elements.first { $0["id"] == "old" }?.text.contains("n") ?? false
                #expect(inside == (element.closes & current.closableBit == 0), "<\(new)> in <\(old)>")
            }
        }
    }

    @Test func voidElementsAreThoseOfLibXML2() {
        for name in Self.names {
            let element = LibXML2HTMLRules.element(ElementName(Array(name.utf8)[...])!)
            let html = "<main><div><\(name) id=\"e\">inside</div></main>"
            let inside = HTMLDocument(html: html)?.elements.first { $0["id"] == "e" }?.text == "inside"
            #expect(inside == !element.void, "<\(name)>")
        }
    }

    @Test func endTagsCloseOpenElementsByPriorityAsInLibXML2() {
        // `</span>` (priority 100) closes an element left open inside it only if that one's priority is not higher.
        for name in Self.names where !LibXML2HTMLRules.voidElements.contains(name) && name != "span" {
            let element = LibXML2HTMLRules.element(ElementName(Array(name.utf8)[...])!)
            let html = "<main><span id=\"s\">a<\(name) id=\"e\">b</span>after</main>"
            let afterInside = HTMLDocument(html: html)?.elements.first { $0["id"] == "e" }?.text.contains("after") ?? false
            #expect(afterInside == (element.priority > 100), "<\(name)> left open in <span>")
        }
    }
}
