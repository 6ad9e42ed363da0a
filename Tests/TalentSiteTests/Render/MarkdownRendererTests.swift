import Foundation
import Testing
@testable import TalentSite

@Suite struct MarkdownRendererTests {
    @Test func rendersGitHubFlavouredExtensions() {
        let html = MarkdownRenderer.render("""
            | 單元 | 時數 |
            |---|---:|
            | 1 | 24 |

            ~~old~~ and https://example.org and

            - [x] done
            """).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<td style=\"text-align: right\">24</td>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func rawHTMLIsOmittedNotPassedThrough() {
        let html = MarkdownRenderer.render("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func unsafeLinkTargetsAreNotRendered() {
        let html = MarkdownRenderer.render("[x](javascript:alert(1)) ![y](data:text/html,boom)").html
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
    }

    /// Only cmark's own heading tags get an id, in order; escaped text that looks like a tag, other tags
    /// starting `<h` and tags past the last id are copied as they are; ids are attribute-escaped.
    @Test func headingAnchorsGoOnHeadingTagsOnly() {
        let html = "<p>&lt;h2&gt; <hr /><header></header></p><h1>一</h1><h7>x</h7><h3>三</h3><h2>extra</h2>"
        #expect(HeadingAnchors.insert(ids: ["一", "a\"b'<c>&"], into: html)
                == "<p>&lt;h2&gt; <hr /><header></header></p><h1 id=\"一\">一</h1><h7>x</h7>"
                + "<h3 id=\"a&quot;b&#39;&lt;c&gt;&amp;\">三</h3><h2>extra</h2>")
        #expect(HeadingAnchors.insert(ids: [], into: html) == html)
        #expect(HeadingAnchors.insert(ids: ["x"], into: "<h") == "<h")
        #expect(HeadingAnchors.insert(ids: ["x"], into: "<h2>") == "<h2 id=\"x\">")
        let rendered = MarkdownRenderer.render("## 智慧機械\n\n## 智慧機械\n\n### Q&A\n")
        #expect(rendered.html == "<h2 id=\"智慧機械\">智慧機械</h2>\n<h2 id=\"智慧機械-1\">智慧機械</h2>\n<h3 id=\"qa\">Q&amp;A</h3>\n")
    }

    /// Link columns, counted in Unicode scalars on the link's line, agree with a character-by-character line split,
    /// also for text with carriage returns (which keeps that split) and for positions past the end.
    @Test func linkColumnsAgreeWithALineSplit() {
        func reference(_ text: String, _ links: [MarkdownLink]) -> [MarkdownLink] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.utf8)
            return links.map { link in
                guard link.line >= 1, link.line <= lines.count else { return link }
                let bytes = lines[link.line - 1]
                let indent = link.afterIndent ? bytes.prefix { $0 == 32 || $0 == 9 }.count : 0
                var converted = link
                converted.column = String(decoding: bytes.prefix(max(0, indent + link.column - 1)), as: UTF8.self).unicodeScalars.count + 1
                converted.afterIndent = false
                return converted
            }
        }
        let texts = ["", "a", "機器視覺 [x](y)\n  第二行 👩‍💻 [z](w)\n\n", "é\u{301}\n\n\nlast", "cr\r\nlf\n機\r\n視", "\n\n"]
        for text in texts {
            var links: [MarkdownLink] = []
            for line in 0...5 {
                for column in [1, 2, 4, 7, 40] {
                    for indent in [false, true] {
                        var link = MarkdownLink(url: "u", isImage: false, line: line, column: column)
                        link.afterIndent = indent
                        links.append(link)
                    }
                }
            }
            #expect(SourceColumns(text).convert(links) == reference(text, links), "\(text.debugDescription)")
        }
    }

    @Test func headingsGetStableAnchors() {
        let rendered = MarkdownRenderer.render("## 課程大綱\n\n## Who can apply?\n\n## Who can apply?\n")
        #expect(rendered.headingIDs == ["課程大綱", "who-can-apply", "who-can-apply-1"])
        #expect(rendered.html.contains("<h2 id=\"who-can-apply-1\">Who can apply?</h2>"))
    }

    @Test func collectsLinksWithPositionsAndFirstParagraph() {
        let rendered = MarkdownRenderer.render("# T\n\nFirst *para* here.\n\n見 [a](/courses/x/) and\n  [b](../y/).\n  課程 [c](/z/)\n[d](/w/)\n")
        #expect(rendered.firstParagraph == "First para here.")
        #expect(rendered.links.map(\.url) == ["/courses/x/", "../y/", "/z/", "/w/"])
        #expect(rendered.links.map(\.line) == [5, 6, 7, 8])
        #expect(rendered.links.map(\.column) == [3, 3, 6, 1])
    }

    @Test(arguments: ["", "a", " a ", "課程。", "\u{3000}課程\u{3000}", "\t\nx\r\n", "x\u{85}", "\u{2028}x\u{2029}", "\u{A0}x",
                      "x\u{200B}", "e\u{301}", "\u{301}e", "「引號」", "$5", "x\u{180E}", "\u{FEFF}x", "😀", " ", "\u{2003}"])
    func paragraphsTrimmedAsFoundationTrims(_ text: String) {
        #expect(MarkdownRenderer.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
