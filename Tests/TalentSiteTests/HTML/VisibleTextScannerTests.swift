import Foundation
import Testing
@testable import TalentSite

/// The byte scanner must read exactly what libxml2 reads, or decline: on every page we ship, on the golden
/// pages, on hand-made edge cases, and (`VisibleTextScannerHostileTests`) on generated markup.
@Suite struct VisibleTextScannerTests {
    private func bytes(_ html: String) -> [UInt8] { Array(html.utf8) }

    /// Both readers on one page: the scanner's text (or its fallback) against libxml2's, and which one read it.
    static func compare(_ html: [UInt8], _ label: String) -> VisibleText.Reader? {
        let fast = VisibleText(html: html), slow = VisibleText(html: html, scanner: false)
        #expect(fast?.text == slow?.text, "\(label)")
        #expect(fast?.heading == slow?.heading, "\(label)")
        #expect(slow?.reader != .scanner, "\(label)")
        return fast?.reader
    }

    /// The `<main>` bytes, as the scanner is given them.
    static func main(_ html: [UInt8]) -> String? {
        ElementRange.find("main", in: html).map { String(decoding: html[$0], as: UTF8.self) }
    }

    /// Pages read by libxml2 must be those whose `<main>` holds markup the scanner leaves to it on purpose.
    static func checkFastPath(_ readers: [String: (reader: VisibleText.Reader?, html: [UInt8])]) {
        var scanned = 0
        for (path, page) in readers.sorted(by: { $0.key < $1.key }) {
            guard let main = main(page.html) else { continue }
            if page.reader == .scanner { scanned += 1; continue }
            #expect(main.contains("<script"), "\(path) was read by libxml2")
        }
        #expect(scanned * 10 >= readers.count * 9, "\(scanned) of \(readers.count) pages scanned")
    }

    @Test func goldenAndShippedPagesReadTheSameAndAreScanned() {
        var pages: [String: [UInt8]] = [:]
        let golden = TestSite.fixtures.appendingPathComponent("bilingual/golden")
        for (path, data) in TestSite.files(under: "", of: golden) where path.hasSuffix(".html") { pages["golden/" + path] = Array(data) }
        let shipped = TestSite.build(DiskSourceTree(root: TestSite.root)).output.files
        for (path, file) in shipped where path.hasSuffix(".html") { pages["site/" + path] = file }
        #expect(pages.count > 100)
        var readers: [String: (reader: VisibleText.Reader?, html: [UInt8])] = [:]
        for (path, html) in pages { readers[path] = (Self.compare(html, path), html) }
        Self.checkFastPath(readers)
        // A record page, as the search harvest reads it.
        let record = readers.first { $0.key.hasPrefix("site/courses/") && $0.key.hasSuffix("/index.html") && !$0.key.contains("/page/") }
        #expect(record?.value.reader == .scanner)
    }

    /// `TALENTSITE_VISIBLE_TEXT_PAGES=DIR swift test --filter VisibleTextScannerTests` checks every page of a built
    /// site (the 1k or 5k benchmark corpus) the same way.
    @Test func pagesOfABuiltSiteReadTheSame() throws {
        guard let folder = ProcessInfo.processInfo.environment["TALENTSITE_VISIBLE_TEXT_PAGES"] else { return }
        let root = URL(fileURLWithPath: folder)
        let tree = DiskSourceTree(root: root)
        var readers: [String: (reader: VisibleText.Reader?, html: [UInt8])] = [:]
        for path in try tree.files(under: "") where path.hasSuffix(".html") {
            let html = Array(try tree.contents(of: path))
            readers[path] = (Self.compare(html, path), html)
        }
        #expect(!readers.isEmpty)
        Self.checkFastPath(readers)
        print("visible text: \(readers.values.filter { $0.reader == .scanner }.count) of \(readers.count) pages scanned")
    }

    @Test func ourMarkupIsScanned() {
        let cases = [
            #"<main id="main" class="wrap"><h1>雲端巨量 <strong>AI</strong> 課程</h1><p class="status" data-search="ignore">已開課</p></main>"#,
            #"<main><dl class="facts" data-search="after"><div><dt data-search="ignore">班別</dt><dd><a href="/k/">養成班</a></dd></div></dl><p>body</p></main>"#,
            #"<main><p>A &amp; B &lt;tag&gt; &quot;q&quot; &#39;s&#39; &#x4E2D;&#25991; a&nbsp;b</p></main>"#,
            #"<main><p><a href="https://example.org/x">https://example.org/x</a> and <a href="/same">/same</a>, <a href="mailto:a@b.tw">mail</a></p></main>"#,
            #"<main><table><thead><tr><th scope="col">單元</th></tr></thead><tbody><tr><td style="text-align: right">4</td></tr></tbody></table></main>"#,
            #"<main><p>courses<wbr>.json and <wbr>more</p><p>line<br>break<br/>again</p><hr><img src="x.png" alt="a > b"></main>"#,
            #"<main><!-- raw HTML omitted --><nav aria-label="x"><a href="/">skip me</a></nav><button type="button">no</button></main>"#,
            #"<main><p title='single "quoted" > value' data-search=after>later</p><p>first</p><p data-search>plain</p></main>"#,
            "<main>\n  <ul>\n    <li> one </li>\n    <li>\ttwo\t</li>\n  </ul>\n  <span>a</span> <span>b</span>\n</main>",
            #"<main><h1>One</h1><h1>Two</h1><p><em>x</em><code>y</code></p><div/><p>after an empty div</p></main>"#,
            #"<main><a href="x" href="y">y</a><p data-search="after" data-search="ignore">first wins</p></main>"#,
            #"<main><a href="/p?a=1&amp;b=2">/p?a=1&amp;b=2</a><a href=/x/>x</a><a href>words</a><a href=""></a></main>"#,
            "<main><p>a</p></main><main><p>b</p></main>",               // the first root ends the read
        ]
        for html in cases { #expect(Self.compare(bytes(html), html) == .scanner, "\(html)") }
    }

    @Test func markupOutsideOursIsLeftToLibXML2() {
        let cases = [
            "<main><p>one<p>two</main>",                              // a start tag that closes the current element
            "<main><ul><li>a<li>b</ul></main>",
            "<main><div><span>a<div>b</span>c</div></main>",            // an end tag libxml2 ignores
            "<main><p>a</b>c</p></main>",                             // an end tag with no open element
            "<main><P>upper</P></main>", "<main><p CLASS=\"x\">upper attribute</p></main>",
            "<main><p>&copy; &amp &unknown; &#0; &#xD800; &#13; & x</p></main>",
            "<main><p>a\rb</p></main>", "<main><p>a\u{0C}b</p></main>", "<main><p>\u{FFFE}</p></main>",
            "<main><script>var a = \"</p>\";</script><p>x</p></main>", "<main><style>p{}</style></main>",
            "<main><textarea><b>t</b></textarea></main>", "<main><body><p>x</p></body></main>",
            "<main><!DOCTYPE html><p>x</p></main>", "<main><![CDATA[x]]></main>", "<main><?pi x?></main>",
            "<main><p>1 < 2</p></main>", "<main><p>a</p></main", "<main><p title=\"open>x</p></main>",
            "<main><!--> x --></main>", "<main><!-- a -- b --></main>", "<main><!-- a --!></main>",
            "<main><my-element>x</my-element></main>", "<main><p data_x=\"1\">x</p></main>",
        ]
        for html in cases { #expect(Self.compare(bytes(html), html) == .libxml2, "\(html)") }
        // Invalid UTF-8: libxml2 repairs it, the scanner declines.
        #expect(Self.compare(bytes("<main><p>a") + [0xFF, 0xFE] + bytes("</p></main>"), "invalid UTF-8") == .libxml2)
    }

    /// The byte answers for bare addresses, where they answer, are the `String` answers.
    @Test func bareAddressesFromBytesAgreeWithStrings() {
        let contents = ["https://example.org/a", " https://x ", "http://例子.tw", "https://\u{301}x", "mailto:a@b.tw",
                        "mailto", "/path/", "養成班", "K", "\u{212A}", "e\u{301}", "\u{E9}", "", "htp://x", "https:/x"]
        let hrefs: [String?] = [nil, "/path/", "https://example.org/a", "K", "\u{212A}", "\u{E9}", "e\u{301}", "", "養成班"]
        var answered = 0
        for content in contents {
            for href in hrefs {
                guard let fast = ScannedTree.bareAddressFromBytes(content: Array(content.utf8), href: href.map { Array($0.utf8)[...] }) else { continue }
                answered += 1
                #expect(fast == VisibleText.Collector.isBareAddress(content: content, href: href), "\(content) \(href ?? "-")")
            }
        }
        #expect(answered > contents.count * hrefs.count / 2)
    }

    @Test func theRootIsWalkedLikeLibXML2Does() {
        // The root's own marker is not read (libxml2's walk starts at its children); an empty root reads nothing.
        #expect(Self.compare(bytes(#"<main data-search="ignore"><p>x</p></main>"#), "marker") == .scanner)
        #expect(VisibleText(html: bytes(#"<main data-search="ignore"><p>x</p></main>"#))?.text == "x")
        #expect(Self.compare(bytes("<main/><p>outside</p></main>"), "empty") == .scanner)
        #expect(VisibleText(html: bytes("<main/><p>outside</p></main>"))?.text == "")
    }
}
