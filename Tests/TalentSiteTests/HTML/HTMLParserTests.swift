import Testing
@testable import TalentSite

/// Both readers of rendered pages go through one libxml2 parse; empty input is no document, not a crash.
@Suite struct HTMLParserTests {
    @Test func emptyInputIsNoDocumentForBothReaders() {
        #expect(HTMLDocument(html: "") == nil)
        #expect(VisibleText(html: []) == nil)
        #expect(HTMLParser.withDocument([]) { _ in 1 } == nil)
    }

    @Test func elementsComeInDocumentOrderWithAttributesAndText() throws {
        let document = try #require(HTMLDocument(html: #"<html lang="en"><body><h1 id="t">Hello <b>there</b></h1><a href="/x/">x</a></body></html>"#))
        let names = document.elements.map(\.name)
        #expect(names == ["html", "body", "h1", "b", "a"])
        #expect(document.elements.first?["lang"] == "en")
        #expect(document.elements.first { $0.name == "h1" }?.text == "Hello there")
        #expect(document.elements.first { $0.name == "a" }?["href"] == "/x/")
    }

    @Test func brokenMarkupIsRepairedNotRefused() throws {
        let document = try #require(HTMLDocument(html: "<p>one<p>two</div>"))
        #expect(document.elements.filter { $0.name == "p" }.map(\.text) == ["one", "two"])
    }

    @Test func visibleTextReadsMainOnlyAndSkipsNavigation() throws {
        let html = Array("<html><body><nav>Menu</nav><main><h1>Title</h1><nav>Skip</nav><p>Body</p><li>智慧</li><li>機械</li></main><p>Footer</p></body></html>".utf8)
        let text = try #require(VisibleText(html: html))
        #expect(text.heading == "Title")
        #expect(text.text.split(separator: "\n") == ["Title", "Body", "智慧", "機械"])
        #expect(VisibleText(html: Array("<html><body><p>no main</p></body></html>".utf8)) == nil)
    }

    @Test func whitespaceOnlyInputParsesToNothingUsable() {
        #expect(VisibleText(html: Array("   ".utf8)) == nil)
    }
}
