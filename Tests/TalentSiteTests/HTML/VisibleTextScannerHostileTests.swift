import Testing
@testable import TalentSite

/// Generated markup, mostly well nested (so the scanner takes much of it) with hostile pieces mixed in: stray
/// and unclosed tags, tags that auto-close others, odd attributes (`>` inside quotes, unquoted, repeated, no value),
/// known, unknown and broken entities, white space everywhere, CJK and combining marks, control characters,
/// comments, raw-text elements and invalid UTF-8. On each, the scanner's text must be libxml2's (or it declined).
@Suite struct VisibleTextScannerHostileTests {
    static let seed: UInt64 = 0x5ca4_4e72_2026_1207
    static let cases = 4_000

    @Test func generatedMarkupReadsTheSameAsWithLibXML2() {
        var random = SplitMix64(seed: Self.seed)
        var scanned = 0
        for number in 0..<Self.cases {
            var generator = HostileMarkup(random: random)
            let html = generator.page()
            random = generator.random
            let label = "case \(number): \(String(decoding: html, as: UTF8.self))"
            if VisibleTextScannerTests.compare(html, label) == .scanner { scanned += 1 }
        }
        print("hostile markup: \(scanned) of \(Self.cases) scanned")
        // Both readers must be exercised, or the comparison proves little.
        #expect(scanned > Self.cases / 4 && scanned < Self.cases * 9 / 10, "\(scanned) of \(Self.cases) scanned")
    }
}

/// One generated page: a `<main>` of random content, sometimes inside a page, sometimes broken.
struct HostileMarkup {
    var random: SplitMix64

    static let names = ["p", "div", "span", "a", "a", "strong", "em", "b", "i", "small", "li", "ul", "ol", "h1", "h2",
                        "h3", "table", "tr", "td", "th", "tbody", "thead", "dl", "dt", "dd", "nav", "button", "form",
                        "br", "hr", "img", "input", "wbr", "code", "pre", "time", "section", "article", "sup", "label",
                        "noscript", "template", "blockquote", "figure", "figcaption", "details", "summary", "caption",
                        "fieldset", "legend", "address", "font", "center", "x", "foo1", "main", "script", "style",
                        "textarea", "title", "body", "my-el", "DIV", "Span"]
    static let attributes = [
        #" class="c""#, #" data-search="ignore""#, #" data-search="after""#, #" data-search="other""#,
        " data-search='ignore'", " data-search=after", " data-search", #" data-search="""#,
        #" data-search="ig&#110;ore""#, #" data-search="after" data-search="ignore""#,
        #" href="https://example.org/a""#, #" href="/path/""#, #" href="mailto:a@b.tw""#, #" href="x&amp;y""#,
        " href=/bare/", " href", #" href="https://example.org/a" href="/other""#, #" href="&copy;""#,
        #" title="a > b""#, " alt='x\"y>z'", #" HREF="/upper""#, " a=", " a = \"spaced\"", "\n  id=\"n\"",
        #" style="text-align: right""#, " data_x=1", " x:y=1", #" title="line&#10;break""#,
    ]
    static let words = ["智慧機械", "課程", "AI", "green energy", "ＡＩ　２０２６", "café", "a\u{301}b", "https://example.org/a",
                        "/path/", "mailto:a@b.tw", "x", "2026年3月12日", "NT$3,000", "e\u{0301}", "\u{600}x", "🙂", "x\u{200D}y"]
    static let spaces = [" ", "\n", "\t", "  \n\t ", "\u{00A0}", "\u{3000}", " \u{301}", "\n\n"]
    static let references = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#39;", "&#x4E2D;", "&#25991;",
                             "&#X41;", "&copy;", "&amp", "&unknown;", "&#0;", "&#xD800;", "&#13;", "& ", "&#;", "&#x110000;",
                             "&#9;", "&#10;", "&#128578;", "&AMP;", "&amp.x;"]
    static let oddities = ["<!-- c -->", "<!-- raw HTML omitted -->", "<!---->", "<!-- a -- b -->", "<!-->", "<!DOCTYPE x>",
                           "<![CDATA[x]]>", "<?pi x?>", "< a", "<3", "</>", "</ p>", "</p", "\r", "\r\n", "\u{0C}", "\u{0}",
                           "\u{FFFE}", "<script>if (a < b) { x = \"</p>\" }</script>", "<style>p > a {}</style>", "<br/>",
                           "<p/>", "<div/>", "<a href=\"https://example.org/a\"/>"]

    mutating func pick<T>(_ items: [T]) -> T { items[random.next(below: items.count)] }
    mutating func chance(_ percent: Int) -> Bool { random.next(below: 100) < percent }

    mutating func page() -> [UInt8] {
        var main = "<main" + (chance(30) ? pick(Self.attributes) : "") + ">" + content(depth: 0) + "</main>"
        if chance(20) { main = "<!DOCTYPE html><html><head><title>t</title></head><body><header>h</header>" + main + "<footer>f</footer></body></html>" }
        if chance(3) { main.removeLast(1) }
        var bytes = Array(main.utf8)
        if chance(2) { bytes.insert(pick([0xFF, 0xC0, 0xED]), at: random.next(below: bytes.count)) }
        return bytes
    }

    mutating func content(depth: Int) -> String {
        var out = ""
        for _ in 0..<random.next(below: depth > 3 ? 3 : 6) {
            switch random.next(below: 100) {
            case 0..<30: out += pick(Self.words)
            case 30..<45: out += pick(Self.spaces)
            case 45..<52: out += pick(Self.references)
            case 52..<55: out += pick(Self.oddities)
            case 55..<58: out += "</" + pick(Self.names) + ">"  // stray or early end tag
            default: out += element(depth: depth)
            }
        }
        return out
    }

    mutating func element(depth: Int) -> String {
        let name = pick(Self.names)
        var tag = "<" + name
        for _ in 0..<random.next(below: 3) { tag += pick(Self.attributes) }
        if chance(5) { tag += " " }
        if chance(3) { return tag + "/>" }
        tag += ">"
        if LibXML2HTMLRules.voidElements.contains(name) { return tag }
        let inner = depth < 5 ? content(depth: depth + 1) : pick(Self.words)
        return tag + inner + (chance(90) ? "</" + name + (chance(5) ? " " : "") + ">" : "")
    }
}
