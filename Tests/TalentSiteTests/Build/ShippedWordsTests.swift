import Foundation
import Testing
@testable import TalentSite

/// Numbers and words on the shipped site: years as written, counts in each language's plural forms,
/// sentence case and one spelling in English UI strings, no dates typed into Markdown bodies.
@Suite struct ShippedWordsTests {
    static var files: [String: [UInt8]] { ShippedSiteTests.result.output.files }
    static var html: [(path: String, text: String)] {
        files.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    }

    static func page(_ path: String) throws -> HTMLDocument {
        try #require(HTMLDocument(html: ShippedSiteTests.result.output.text(path) ?? ""), "\(path) was not written")
    }

    @Test func yearsPrintAsWrittenOnPagesAndInSearch() throws {
        // Money (NT$2,000) is grouped on purpose; a year never is.
        let money = try Regex(#"NT\$[\d,]+"#)
        let grouped = try Regex(#"\b20\d,\d\d\d\b|\b2,0\d\d\b"#)
        for (path, text) in Self.html {
            #expect(text.replacing(money, with: "").firstMatch(of: grouped) == nil, "\(path) prints a year with a thousands separator")
        }
        for (path, bytes) in Self.files where path.contains("search/index/") {
            #expect(String(decoding: bytes, as: UTF8.self).replacing(money, with: "").firstMatch(of: grouped) == nil, "\(path)")
        }
        let winner = try Self.page("awards/2025-institution-mirdc/index.html")
        #expect(winner.all("div").first { $0["class"] == "fact fact-year" }?.text == "得獎年度2025")
        let programme = try Self.page("en/programmes/ncut-advanced-materials-academy/index.html")
        #expect(programme.all("div").first { $0["class"] == "fact fact-start_year" }?.text == "First intake2027")
    }

    @Test func countsUsePluralFormsPerLanguage() throws {
        var singular = 0
        for (path, text) in Self.html where text.contains("class=\"count\"") || text.contains("class=\"term-count\"") {
            let doc = try #require(HTMLDocument(html: text))
            let counts = doc.all("p").filter { $0["class"] == "count" }.map(\.text)
                + doc.all("span").filter { $0["class"] == "term-count" }.map(\.text)
            for count in counts {
                let head = count.split(separator: " · ").first.map(String.init) ?? count
                if path.hasPrefix("en/") {
                    if head.hasPrefix("(") { continue }  // "(3)" after a reverse-reference heading
                    let number = Int(head.split(separator: " ")[0]) ?? -1
                    #expect(head == (number == 1 ? "1 record" : "\(number) records"), "\(path): \(head)")
                    if number == 1 { singular += 1 }
                } else if !head.hasPrefix("(") {
                    #expect(head.wholeMatch(of: try Regex(#"共 \d+ 筆"#)) != nil, "\(path): \(head)")
                }
            }
        }
        #expect(singular > 0, "the shipped site has lists of one, which must say '1 record'")
        let search = try Self.page("en/search/index.html")
        let box = try #require(search.all("div").first { $0["id"] == "search" })
        #expect(box["data-count-one"] == "{count} result" && box["data-count"] == "{count} results")
        #expect(try Self.page("search/index.html").all("div").first { $0["id"] == "search" }?["data-count"] == "找到 {count} 筆結果")
    }

    @Test func englishUIIsInSentenceCaseAndBritishSpelling() throws {
        let home = try Self.page("en/index.html")
        let more = home.all("a").filter { $0.text.hasSuffix(": see all") }.map(\.text)
        #expect(more.contains("Practical training courses: see all"))
        #expect(!Self.html.contains { $0.text.contains("All Practical training courses") })
        let strings = String(decoding: try ShippedSiteTests.tree.contents(of: "templates/i18n/en.yaml"), as: UTF8.self)
        let properNouns: Set<Substring> = ["JavaScript", "Taiwan's", "I", "Bottom", "Top", "Chinese",
                                           // The licence's own name, and formats (open-data catalogue)
                                           "Government", "Data", "License", "YYYY-MM-DD", "CSV", "DCAT", "JSON-LD"]
        for line in strings.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("months") && !line.hasPrefix("date_format") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let words = line[line.index(after: colon)...].split(whereSeparator: { " \"{}():,.".contains($0) })
            for word in words.dropFirst() where word.first?.isUppercase == true && !properNouns.contains(word) {
                // The first word of each sentence may be capitalised.
                let sentenceStart = line.contains(". \(word)") || line.contains(": \(word)") || line.contains("{one: \"") && word == words.dropFirst().first
                #expect(sentenceStart, "en.yaml: '\(word)' in \(line) is not sentence case")
            }
        }
        let site = String(decoding: try ShippedSiteTests.tree.contents(of: "content/site.yaml"), as: UTF8.self)
        for american in ["Defense", "Organization", "organization", "Center", "Program ", "program "] {
            #expect(!site.contains("en: \(american)") && !strings.contains(american), "US spelling '\(american)'")
        }
    }

    @Test func noDatesAreTypedIntoMarkdownBodies() throws {
        let content = try #require(ContentLoader(tree: ShippedSiteTests.tree, log: DiagnosticLog()).load())
        let months = "January|February|March|April|May|June|July|August|September|October|November|December"
        let date = try Regex(#"\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} ("# + months + #") \d{4}|("# + months + #") \d{4}"#)
        for record in content.records {
            #expect(record.body.firstMatch(of: date) == nil, "\(record.file) writes a date by hand: dates come from fields")
        }
    }
}
