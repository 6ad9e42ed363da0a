import Foundation
import Testing
@testable import TalentSite

/// A Windows save of an original (byte-order mark, CRLF) or a CR-only save does not make its translation
/// stale, while fingerprints of plain LF files stay what shipped translations recorded.
@Suite struct FingerprintLineEndTests {
    static let zh = TranslationLedgerTests.zh
    static let en = TranslationLedgerTests.en

    static func record(_ data: Data) throws -> Record {
        let tree = TestSite.tree()
        let log = DiagnosticLog()
        let settings = try #require(SettingsLoader(tree: tree, log: log).load())
        let schema = try #require(SchemaLoader(tree: tree, settings: settings, log: log).load(section: "courses"))
        let text = try SourceText.decode(data, file: zh).get()
        return try #require(MarkdownRecordLoader(schema: schema, settings: settings, log: log).load(path: zh, text: text))
    }

    static let original = TestSite.course(title: "Smart Machinery Bootcamp", provider: "P", body: "Body.")

    @Test func plainLFFingerprintIsUnchanged() throws {
        let fingerprint = TranslationFingerprint.of(try Self.record(Data(Self.original.utf8)), schema: try Self.coursesSchema())
        // FNV-1a 64 of "Body." and of the title, computed outside Swift (Python); shipped ledgers depend on these.
        #expect(fingerprint["body"] == "6452b01939f5aca1")
        #expect(fingerprint["title"] == "8a359f6437770d5b")
    }

    @Test(arguments: TextEncodingTests.Style.allCases)
    func resavedOriginalHasTheSameFingerprint(style: TextEncodingTests.Style) throws {
        let schema = try Self.coursesSchema()
        let lf = TranslationFingerprint.of(try Self.record(Data(Self.original.utf8)), schema: schema)
        #expect(TranslationFingerprint.of(try Self.record(style.save(Self.original)), schema: schema) == lf)
        #expect(TranslationFingerprint.normalized(String(decoding: style.save("a\nb  \n\n"), as: UTF8.self)) == "a\nb")
    }

    @Test(arguments: TextEncodingTests.Style.allCases)
    func translationStaysFreshWhenTheOriginalIsResaved(style: TextEncodingTests.Style) throws {
        var tree = try TranslationLedgerTests.stampedTree()
        tree.files[Self.zh] = style.save(String(decoding: tree.files[Self.zh]!, as: UTF8.self))
        #expect(try TranslationLedgerTests.state(tree).state == "fresh")
        #expect(TestSite.build(tree, options: BuildOptions(strict: true)).diagnostics == [])
    }

    @Test(arguments: TextEncodingTests.Style.allCases)
    func stampKeepsTheTranslationsLineEndsAndBOM(style: TextEncodingTests.Style) throws {
        var tree = TestSite.tree()
        let lfText = String(decoding: tree.files[Self.en]!, as: UTF8.self)
        tree.files[Self.en] = style.save(lfText)
        let stamped = try TranslationStamp(tree: tree).stampedText(of: Self.en).get()
        let lfStamped = try TranslationStamp(tree: TestSite.tree()).stampedText(of: Self.en).get()
        #expect(Data(stamped.utf8) == style.save(lfStamped))
        tree.files[Self.en] = Data(stamped.utf8)
        #expect(try TranslationLedgerTests.state(tree).state == "fresh")
    }

    static func coursesSchema() throws -> SectionSchema {
        let tree = TestSite.tree()
        let log = DiagnosticLog()
        let settings = try #require(SettingsLoader(tree: tree, log: log).load())
        return try #require(SchemaLoader(tree: tree, settings: settings, log: log).load(section: "courses"))
    }
}
