import Foundation
import Testing
@testable import TalentSite

/// The shortcuts in front of slower character-by-character code (a short one-line summary kept whole, a CSV cell
/// with nothing to quote, month names trimmed without Foundation) agree with that code on the characters
/// each one looks for.
@Suite struct ShortenFastPathTests {
    static let texts = [
        "", "short", "短摘要", "one\ntwo", "cr\rlf\r\n", "\n\nleading", "trailing\n", "vt\u{0B}ff\u{0C}", "nel\u{85}x",
        "ls\u{2028}ps\u{2029}", "not a break: \u{2027}\u{202A}\u{2020} é\u{301}", "…、。！？", String(repeating: "字", count: 30),
        "a, \"quoted\", cell", "crlf only\r\n", "e\u{301},x", "tab\tseparated",
        String(repeating: "長摘要，", count: 60), String(repeating: "e\u{301}x ", count: 70), String(repeating: "word ", count: 40) + "\n" + "end",
    ]

    /// The meta-description cut as it is without the shortcut.
    private func slowShorten(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }

    @Test(arguments: texts)
    func lineBreakCheckMissesNoNewline(_ text: String) {
        if text.contains(where: \.isNewline) { #expect(PageContext.mayHaveLineBreak(text)) }
        #expect(PageContext.mayHaveLineBreak(text) == text.unicodeScalars.contains { Character($0).isNewline })
    }

    @Test(arguments: texts)
    func shortenedAsWithoutTheShortcut(_ text: String) {
        for limit in [2, 5, 12, 40, 160] {
            #expect(PageContext.shorten(text, limit: limit) == slowShorten(text, limit: limit))
            // A card's cut: the shortcut only keeps texts the full cut keeps whole too.
            let card = ListItems.shorten(text, limit: limit)
            let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
            if flat.count <= limit { #expect(card == flat) }
        }
    }

    @Test(arguments: texts)
    func csvCellsQuotedAsByCharacters(_ text: String) {
        let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        let expected = needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        #expect(OpenDataTable.cell(text) == expected)
    }

    @Test(arguments: [" Jan", "Feb ", "\tMar\t", "\u{3000}四月\u{3000}", "\u{A0}May\u{2003}", "  ", "", "J u n", " \n Jul"])
    func monthNamesTrimmedAsFoundationTrims(_ name: String) {
        #expect(FactFormatter.trimmingSpaces(Substring(name)) == name.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: ["{count} records", "{count} 筆", "共 {count} 筆，{count}", "no count", "", "{count}", "{{count}}", "{coun}{count", "{Count}"])
    func pluralFormsFilledAsFoundationReplaces(_ form: String) {
        #expect(PluralRules.fill(form, count: "1,234") == form.replacingOccurrences(of: "{count}", with: "1,234"))
    }
}
