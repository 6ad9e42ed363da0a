import Testing
@testable import TalentSite

@Suite struct CSVTests {
    let path = "content/awards/winners.csv"
    let header = "year,category,slug,name_zh,name_en,citation_zh,citation_en\n"

    @Test func parsesQuotedFieldsWithCommasQuotesAndNewlines() {
        let log = DiagnosticLog()
        let table = CSVTable.parse("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\n", file: "f.csv", log: log)
        #expect(log.all.isEmpty)
        #expect(table?.rows.count == 1)
        #expect(table?.rows[0].map(\.text) == ["x, y", "say \"hi\"\nthere"])
        #expect(table?.rows[0][1].column == 8)
    }

    @Test func rowWithTooFewColumnsNamesTheRow() {
        let errors = TestSite.errors([path: header + "2025,sme,acme,甲,A,好\n"])
        #expect(errors == ["\(path):2:19: error: row 1 has 6 columns, the header has 7"])
    }

    @Test func unclosedQuoteIsReportedWhereTheFieldStarts() {
        let errors = TestSite.errors([path: header + "2025,sme,acme,甲,A,\"好,Good\n"])
        #expect(errors == ["\(path):2:19: error: quoted field is never closed: add the closing '\"'"])
    }

    @Test func badCellNamesRowAndColumn() {
        let errors = TestSite.errors([path: header + "2025,sme,acme,甲,A,好,Good\n2024,big,beta,乙,B,好,Good\nlast,sme,gamma,丙,C,好,Good\n"])
        #expect(errors == [
            "\(path):3:6: error: row 2, column 'category' has unknown award-categories key \"big\"; expected one of: large-enterprise, sme, institution, non-profit, outstanding-case",
            "\(path):4:1: error: row 3, column 'year' must be an integer, not \"last\"",
        ])
    }

    @Test func unknownColumnAndBadSlug() {
        let errors = TestSite.errors([path: header.replacingOccurrences(of: "year", with: "yr") + "2025,sme,Acme Co,甲,A,好,Good\n"])
        #expect(errors.contains("\(path):1:1: error: unknown column 'yr'; expected: slug,year,category,name_zh,name_en,citation_zh,citation_en (optional: sample)"))
        #expect(errors.contains("\(path):1:1: error: missing column 'year' in the header row"))
    }

    @Test func duplicateSlug() {
        let errors = TestSite.errors([path: header + "2025,sme,acme,甲,A,好,Good\n2024,sme,acme,乙,B,好,Good\n"])
        #expect(errors == ["\(path):3:10: error: row 2, column 'slug': slug 'acme' is already used by row 1"])
    }

    @Test func eachRowBecomesAPagePerLanguage() {
        let result = TestSite.build(TestSite.tree([path: header + "2025,sme,acme,甲公司,Acme Co,落實 PDDRO。,Runs PDDRO.\n"]))
        #expect(result.diagnostics == [])
        #expect(result.output.text("awards/acme/index.html")?.contains("甲公司") == true)
        #expect(result.output.text("en/awards/acme/index.html")?.contains("Runs PDDRO.") == true)
    }
}
