import Foundation
import Testing
@testable import TalentSite

/// Counts read right in each language (CLDR plural categories from templates/i18n), and numbers
/// print as their format says: years and codes as written, quantities grouped, money as NT$.
@Suite struct PluralAndNumberTests {
    @Test func cldrCategoriesForTheSiteLanguages() {
        #expect(PluralRules.category(of: 1, language: "en") == "one")
        #expect(PluralRules.category(of: 0, language: "en") == "other")
        #expect(PluralRules.category(of: 2, language: "en") == "other")
        #expect(PluralRules.category(of: 1, language: "zh-TW") == "other")
        let strings = ["records.one": "{count} record", "records.other": "{count} records"]
        #expect(PluralRules.text("records", count: 1, strings: strings, language: "en") == "1 record")
        #expect(PluralRules.text("records", count: 1234, strings: strings, language: "en") == "1,234 records")
        #expect(PluralRules.text("records", count: 1, strings: ["records.other": "共 {count} 筆"], language: "zh-TW") == "共 1 筆")
    }

    @Test func aListOfOneSaysRecordNotRecords() throws {
        // The base test site has one course in each language.
        let output = TestSite.build(TestSite.tree()).output
        let en = try #require(HTMLDocument(html: output.text("en/courses/index.html") ?? ""))
        #expect(en.all("p").first { $0["class"] == "count" }?.text == "1 record")
        let zh = try #require(HTMLDocument(html: output.text("courses/index.html") ?? ""))
        #expect(zh.all("p").first { $0["class"] == "count" }?.text == "共 1 筆")
    }

    @Test func aPluralStringWithoutOtherIsAnErrorAtItsLine() {
        var tree = TestSite.tree()
        let en = String(decoding: tree.files["templates/i18n/en.yaml"]!, as: UTF8.self)
            .replacingOccurrences(of: #"records: {one: "{count} record", other: "{count} records"}"#, with: #"records: {one: "{count} record", several: "x"}"#)
        tree.files["templates/i18n/en.yaml"] = Data(en.utf8)
        let errors = TestSite.build(tree).diagnostics.filter { $0.contains("error") }
        #expect(errors.contains { $0.hasPrefix("templates/i18n/en.yaml:8:") && $0.contains("unknown key 'several'") })
        #expect(errors.contains { $0.hasPrefix("templates/i18n/en.yaml:8:") && $0.contains("needs an 'other' form") })
    }

    @Test func plainNumbersPrintAsWrittenGroupedOnesGetSeparators() {
        #expect(FactFormatter.number(2024, format: .plain) == "2024")
        #expect(FactFormatter.number(-7, format: .plain) == "-7")
        #expect(FactFormatter.number(12000, format: .grouped) == "12,000")
        #expect(FactFormatter.number(12000, format: .money) == "NT$12,000")
        #expect(FactFormatter.number(80, format: .percent) == "80%")
    }
}
