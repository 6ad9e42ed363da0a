import Foundation
import Testing
@testable import TalentSite

/// `VisibleText` parses only the `<main>` element's bytes: it must read the same text as parsing the whole page.
@Suite struct ElementRangeTests {
    private func bytes(_ html: String) -> [UInt8] { Array(html.utf8) }

    @Test func theRangeRunsFromTheFirstStartTagToTheLastEndTag() {
        let html = "<html><body><header>h</header><main id=\"main\"><p>x</p></main><footer>f</footer></body></html>"
        let range = ElementRange.find("main", in: bytes(html))
        #expect(range.map { String(decoding: bytes(html)[$0], as: UTF8.self) } == "<main id=\"main\"><p>x</p></main>")
    }

    @Test func commentsScriptsAndStylesBeforeTheElementAreSkipped() {
        let html = """
            <head><!-- <main>not this</main> --><script type="application/ld+json">{"a":"<main>"}</script>
            <STYLE>main::before{content:"<main>"}</STYLE></head><body><mainly>no</mainly><MAIN
            class="wrap"><p>yes</p></main><script>"</main>"</script></body>
            """
        let range = ElementRange.find("main", in: bytes(html))
        #expect(range.map { String(decoding: bytes(html)[$0], as: UTF8.self).hasPrefix("<MAIN\nclass") } == true)
        #expect(VisibleText(html: bytes(html))?.text == "yes")
        #expect(VisibleText(html: bytes(html))?.text == VisibleText(html: bytes(html), wholePage: true)?.text)
    }

    @Test func withoutBothTagsThereIsNoRange() {
        #expect(ElementRange.find("main", in: bytes("<main><p>open")) == nil)
        #expect(ElementRange.find("main", in: bytes("<p>none</p></main>")) == nil)
        #expect(ElementRange.find("main", in: bytes("<!-- <main></main>")) == nil)
        #expect(ElementRange.find("main", in: []) == nil)
        // Unclosed, the whole page is parsed as before.
        #expect(VisibleText(html: bytes("<main><p>open")).map(\.text) == "open")
    }

    /// Every page of the fixture site's golden output, and of the shipped site built in memory, reads the same
    /// text from the element's bytes as from the whole page.
    @Test func goldenAndShippedPagesReadTheSameTextEitherWay() {
        var pages: [String: [UInt8]] = [:]
        let golden = TestSite.fixtures.appendingPathComponent("bilingual/golden")
        for path in (try? DiskSourceTree(root: golden).files(under: "")) ?? [] where path.hasSuffix(".html") {
            if let data = try? DiskSourceTree(root: golden).contents(of: path) { pages["golden/" + path] = Array(data) }
        }
        let shipped = TestSite.build(DiskSourceTree(root: TestSite.root)).output.files
        for (path, file) in shipped where path.hasSuffix(".html") { pages["site/" + path] = file }
        #expect(pages.count > 100)
        var withMain = 0
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            let sliced = VisibleText(html: html), whole = VisibleText(html: html, wholePage: true)
            #expect(sliced?.text == whole?.text, "\(path)")
            #expect(sliced?.heading == whole?.heading, "\(path)")
            if ElementRange.find("main", in: html) != nil { withMain += 1 }
        }
        #expect(withMain > 100)
    }
}
