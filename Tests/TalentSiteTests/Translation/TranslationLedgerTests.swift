import Foundation
import Testing
@testable import TalentSite

/// The translation ledger: `talentsite translated` records the original's fingerprint; build, check and
/// the report then tell fresh, stale (naming the changed fields), untracked and missing translations apart.
@Suite struct TranslationLedgerTests {
    static let zh = "content/courses/cnc.zh-TW.md"
    static let en = "content/courses/cnc.en.md"

    /// The base site with the English course stamped as translated from the current original.
    static func stampedTree() throws -> MemorySourceTree {
        var tree = TestSite.tree()
        let text = try TranslationStamp(tree: tree).stampedText(of: en).get()
        tree.files[en] = Data(text.utf8)
        return tree
    }

    static func state(_ tree: SourceTree) throws -> TranslationReport.Item {
        let report = try TranslationReport.build(tree: tree, includeDrafts: false).get()
        return try #require(report.items.first { $0.section == "courses" && $0.slug == "cnc" })
    }

    @Test func stampWritesOneLineBeforeTheClosingDashes() throws {
        let tree = try Self.stampedTree()
        let lines = String(decoding: tree.files[Self.en]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[15].hasPrefix("translated_from: {body: "))
        #expect(lines[15].contains(", provider: ") && lines[15].contains(", title: "))
        #expect(lines[16] == "---")
        let original = TestSite.course(title: "Smart Machinery Bootcamp", provider: "Precision Machinery R&D Center")
        var without = lines; without.remove(at: 15)
        #expect(without.joined(separator: "\n") == original)
    }

    @Test func freshTranslationBuildsStrictly() throws {
        let tree = try Self.stampedTree()
        #expect(TestSite.build(tree, options: BuildOptions(strict: true)).diagnostics == [])
        #expect(try Self.state(tree).state == "fresh")
    }

    @Test func staleTranslationIsAWarningNamingTheChangedFields() throws {
        var tree = try Self.stampedTree()
        tree.files[Self.zh] = Data(TestSite.course(title: "智慧機械養成班（第二期）", provider: "精密機械研究發展中心", body: "新的內容。").utf8)
        let diagnostics = TestSite.build(tree).diagnostics
        #expect(diagnostics == [
            "\(Self.en):16:1: warning: en translation is stale: title, body changed in \(Self.zh) since it was translated; update it, then run: talentsite translated \(Self.en)",
        ])
        #expect(throws: BuildFailure.self) { try SiteBuilder(tree: tree, options: BuildOptions(strict: true)).build(into: MemoryOutput()) }
        let item = try Self.state(tree)
        #expect(item.state == "stale" && item.changed == ["title", "body"])
        #expect(SiteCheck(tree: tree, options: BuildOptions()).run().failed(strict: true))
    }

    @Test func nonTextChangesAndWhitespaceDoNotMakeItStale() throws {
        var tree = try Self.stampedTree()
        let hours = TestSite.course(title: "智慧機械養成班", provider: "精密機械研究發展中心", hours: "96", body: "Body.   \n\n")
        tree.files[Self.zh] = Data(hours.utf8)
        tree.files[Self.en] = Data(String(decoding: tree.files[Self.en]!, as: UTF8.self).replacingOccurrences(of: "hours: 120", with: "hours: 96").utf8)
        #expect(TestSite.build(tree, options: BuildOptions(strict: true)).diagnostics == [])
    }

    @Test func missingAndUntrackedTranslations() throws {
        let untracked = TestSite.tree()
        #expect(try Self.state(untracked).state == "untracked")
        #expect(TestSite.build(untracked, options: BuildOptions(strict: true)).diagnostics == [])
        let missing = TestSite.tree([Self.en: ""])
        let item = try Self.state(missing)
        #expect(item.state == "missing" && item.file == Self.en && item.original == Self.zh)
        #expect(throws: BuildFailure.self) { try SiteBuilder(tree: missing, options: BuildOptions(strict: true)).build(into: MemoryOutput()) }
        let report = try TranslationReport.build(tree: missing, includeDrafts: false).get()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect((json["counts"] as? [String: Int])?["missing"] == 1)
        #expect((json["translations"] as? [[String: Any]])?.count == report.items.count)
    }

    @Test func fingerprintIsCheckedWhereItIsWritten() {
        let inOriginal = TestSite.errors([Self.zh: TestSite.course(title: "班", provider: "單位", extra: "translated_from: {title: 0123456789abcdef}\n")])
        #expect(inOriginal.count == 1 && inOriginal[0].hasPrefix("\(Self.zh):16:1: error: unknown key 'translated_from' in front matter"))
        let malformed = TestSite.errors([Self.en: TestSite.course(title: "C", provider: "P", extra: "translated_from: {title: xyz}\n")])
        #expect(malformed == ["\(Self.en):16:26: error: 'translated_from.title' must be 16 hex digits; run 'talentsite translated' again"])
    }

    @Test func stampingReplacesAnOldEntryAndRefusesOriginals() throws {
        let text = "---\ntitle: T\ntranslated_from:\n  title: 0000000000000000\n  body: 1111111111111111\ndate: 2026-01-01\n---\nBody\n"
        let replaced = try TranslationStamp.replacingFingerprint(in: text, with: "translated_from: {x: 1}").get()
        #expect(replaced == "---\ntitle: T\ntranslated_from: {x: 1}\ndate: 2026-01-01\n---\nBody\n")
        guard case .failure(let diagnostic) = TranslationStamp(tree: TestSite.tree()).stampedText(of: Self.zh) else {
            Issue.record("stamping an original must fail"); return
        }
        #expect(diagnostic.message.hasPrefix("this is the zh-TW original"))
    }
}
