import Foundation
import Testing
@testable import TalentSite

/// The site the project ships, built from the repository's own content/ and templates/.
@Suite struct ShippedSiteTests {
    static let tree = DiskSourceTree(root: TestSite.root)
    static let result = TestSite.build(tree, options: BuildOptions(strict: true, buildDay: Day(year: 2026, month: 11, day: 24)))

    @Test func buildsStrictlyWithoutWarnings() {
        #expect(Self.result.diagnostics == [])
    }

    @Test func writesAPagePerRecordPerLanguage() throws {
        let files = Self.result.output.files
        for path in try Self.tree.files(under: "content") where path.hasSuffix(".md") {
            let parts = path.split(separator: "/")
            let name = parts.last!.dropLast(3)
            let language = name[name.index(after: name.lastIndex(of: ".")!)...]
            let slug = name[..<name.lastIndex(of: ".")!]
            let prefix = language == "en" ? "en/" : ""
            let expected: String
            if parts[1] == "pages" {
                expected = slug == "index" ? "\(prefix)index.html" : "\(prefix)\(slug)/index.html"
            } else {
                expected = "\(prefix)\(parts[1])/\(slug)/index.html"
            }
            #expect(files[expected] != nil, "no page for \(path)")
        }
        let winners = try String(decoding: Self.tree.contents(of: "content/awards/winners.csv"), as: UTF8.self)
        let rows = winners.split(separator: "\n").dropFirst()
        #expect(rows.count >= 12)
        for row in rows {
            let slug = row.split(separator: ",")[2]
            #expect(files["awards/\(slug)/index.html"] != nil && files["en/awards/\(slug)/index.html"] != nil, "no page for winner \(slug)")
        }
    }

    @Test func shipsTheContentTheIssueAsksFor() throws {
        let content = try #require(ContentLoader(tree: Self.tree, log: DiagnosticLog()).load())
        func records(_ section: String) -> [Record] { content.records.filter { $0.section == section && $0.language == "zh-TW" } }
        #expect(records("courses").count >= 12)
        #expect(records("programmes").count >= 4)
        #expect(records("certifications").count >= 5)
        #expect(records("awards").count >= 12)
        #expect(Set(records("awards").compactMap { $0.fields["year"] }).count >= 3)
        let industries = Set(records("courses").flatMap { $0.fields["industries"]?.elements ?? [] })
        for industry in ["smart-machinery", "biotech", "green-energy", "iot", "digital-content", "cloud-big-data", "materials"] {
            #expect(industries.contains(.key(industry)), "no course in \(industry)")
        }
        let kinds = Set(records("courses").compactMap { $0.fields["kind"] })
        #expect(kinds == [.key("bootcamp"), .key("in-service")])
        let pages = Set(records("pages").map(\.slug))
        #expect(pages.isSuperset(of: ["index", "policy", "strategies", "ministries", "ttqs", "subsidies"]))
    }

    @Test func everyPageKeepsItsPromises() {
        let problems = SiteAudit(files: Self.result.output.files, baseURL: "https://talent.example.gov.tw/").problems()
        #expect(problems == [])
    }

    @Test func homePagesHaveTheirLanguageAndTitle() throws {
        let zh = try #require(HTMLDocument(html: Self.result.output.text("index.html") ?? ""))
        let en = try #require(HTMLDocument(html: Self.result.output.text("en/index.html") ?? ""))
        #expect(zh.first("html")?["lang"] == "zh-Hant-TW")
        #expect(en.first("html")?["lang"] == "en")
        #expect(zh.first("title")?.text == "5+2 產業人才培育")
        #expect(en.first("title")?.text == "5+2 Industry Talent")
    }
}
