import Foundation
import Testing
@testable import TalentSite

/// The award showcase on the shipped site: every winner listed by year and category with its whole
/// citation, and a winner page that leads to the others of its year and category.
@Suite struct ShippedShowcaseTests {
    struct Winner { var year: String; var category: String; var slug: String; var nameZh: String; var citationZh: String }

    static let winners: [Winner] = {
        let log = DiagnosticLog()
        let text = (try? ShippedSiteTests.tree.contents(of: "content/awards/winners.csv")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard let table = CSVTable.parse(text, file: "winners.csv", log: log) else { return [] }
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1.text, $0) })
        return table.rows.map { row in
            Winner(year: row[column["year"]!].text, category: row[column["category"]!].text, slug: row[column["slug"]!].text,
                   nameZh: row[column["name_zh"]!].text, citationZh: row[column["citation_zh"]!].text)
        }
    }()

    static func page(_ path: String) throws -> HTMLDocument {
        try #require(HTMLDocument(html: ShippedSiteTests.result.output.text(path) ?? ""), "\(path) was not written")
    }

    @Test func awardsPageExplainsThenListsYearsWithCounts() throws {
        let awards = try Self.page("awards/index.html")
        #expect(awards.all("div").contains { $0["class"] == "prose about" })
        let years = Dictionary(grouping: Self.winners, by: \.year)
        let links = awards.all("a").filter { $0["href"]?.hasPrefix("/awards/20") == true && $0["href"]?.count == 13 }.map(\.text)
        #expect(links == years.keys.sorted(by: >).map { "\($0) (\(years[$0]!.count))" })
    }

    @Test func yearPageListsEveryWinnerByCategoryWithWholeCitations() throws {
        for (year, winners) in Dictionary(grouping: Self.winners, by: \.year) {
            let doc = try Self.page("awards/\(year)/index.html")
            let titles = Set(doc.all("h3").filter { $0["class"] == "card-title" }.map(\.text))
            #expect(titles == Set(winners.map(\.nameZh)), "\(year)")
            let citations = doc.all("p").map(\.text)
            for winner in winners { #expect(citations.contains(winner.citationZh), "\(winner.slug): citation cut or missing") }
            let headings = doc.all("h2").filter { $0["class"] == "group-heading" }.map(\.text)
            #expect(headings.count == Set(winners.map(\.category)).count, "\(year): one heading per category")
        }
    }

    @Test func winnerPageShowsCategoryYearCitationAndItsGroup() throws {
        for winner in Self.winners {
            let doc = try Self.page("awards/\(winner.slug)/index.html")
            #expect(doc.all("div").first { $0["class"] == "fact fact-year" }?.text == "得獎年度\(winner.year)")
            #expect(doc.all("div").first { $0["class"] == "fact fact-category" }?.text.hasPrefix("獎項類別") == true)
            #expect(doc.all("p").contains { $0.text == winner.citationZh })
            let html = ShippedSiteTests.result.output.text("awards/\(winner.slug)/index.html") ?? ""
            let group = html.range(of: "class=\"same-group\"").map { String(html[$0.lowerBound...]) } ?? ""
            let others = Self.winners.filter { $0.year == winner.year && $0.category == winner.category && $0.slug != winner.slug }
            for other in others { #expect(group.contains("href=\"/awards/\(other.slug)/\""), "\(winner.slug) does not link \(other.slug)") }
            #expect(group.contains("href=\"/awards/\(winner.year)/\""))
        }
    }
}
