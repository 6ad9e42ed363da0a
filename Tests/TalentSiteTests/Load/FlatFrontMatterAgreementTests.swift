import Foundation
import Testing
@testable import TalentSite

/// Every Markdown record of the project's content/ and of the test fixtures loads to the same record with the
/// same diagnostics whether its front matter is read by the flat reader or by Yams.
@Suite struct FlatFrontMatterAgreementTests {
    struct Tally {
        var files = 0
        var flat = 0
    }

    /// Loads every record of the site at `base` both ways and compares; returns how many took the flat reader.
    static func compareAll(in tree: SourceTree) throws -> Tally {
        let content = try #require(ContentLoader(tree: tree, log: DiagnosticLog()).load())
        var tally = Tally()
        for schema in content.schemas {
            guard case .markdown = schema.source else { continue }
            for path in try tree.files(under: "content/\(schema.name)") where path.hasSuffix(".md") {
                guard case .success(let text) = tree.text(of: path) else { continue }
                let flatLog = DiagnosticLog(), yamsLog = DiagnosticLog()
                let flat = MarkdownRecordLoader(schema: schema, settings: content.settings, log: flatLog).load(path: path, text: text)
                var yamsLoader = MarkdownRecordLoader(schema: schema, settings: content.settings, log: yamsLog)
                yamsLoader.readsFlatFrontMatter = false
                let yams = yamsLoader.load(path: path, text: text)
                #expect(Array(describe(flat).utf8) == Array(describe(yams).utf8), "\(path)")
                #expect(flatLog.all == yamsLog.all, "\(path)")
                tally.files += 1
                if case .success(let split) = FrontMatterFile.split(text, file: path), FlatYAMLReader.read(split.yaml) != nil {
                    tally.flat += 1
                }
            }
        }
        return tally
    }

    /// All of a record, dictionaries in key order.
    static func describe(_ record: Record?) -> String {
        guard let r = record else { return "none" }
        let fields = r.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(reflecting: $0.value))" }
        let locations = r.fieldLocations.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }
        let translated = (r.translatedFrom ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return [r.section, r.slug, r.language, r.title.debugDescription, "\(String(describing: r.date))",
                String(reflecting: r.summary), "\(r.draft)", "\(r.sample)", "\(r.incomplete)", r.body.debugDescription,
                "\(r.bodyStart)", "\(r.translatedFrom == nil)"].joined(separator: "|")
            + "\n" + fields.joined(separator: "\n") + "\n" + locations.joined(separator: "\n") + "\n" + translated.joined(separator: "\n")
    }

    @Test func projectContentLoadsTheSameWithoutYams() throws {
        let tally = try Self.compareAll(in: DiskSourceTree(root: TestSite.root))
        #expect(tally.files > 50)
        // The project's own records are flat front matter: the flat reader takes nearly all of them.
        #expect(tally.flat * 10 >= tally.files * 9, "\(tally.flat) of \(tally.files) read by the flat reader")
    }

    @Test(arguments: ["bilingual", "invalid"]) func fixturesLoadTheSameWithoutYams(_ fixture: String) throws {
        let tally = try Self.compareAll(in: FixtureSiteTests.fixtureTree(fixture))
        #expect(tally.files > 5)
        #expect(tally.flat > 0)
    }

    /// Errors in front matter: the flat reader leaves each of these to Yams, which reports it as before.
    @Test func frontMatterErrorsAreYamsOwn() {
        let zh = "content/courses/cnc.zh-TW.md"
        let course = TestSite.course(title: "班", provider: "單位")
        let cases: [(from: String, to: String, error: String)] = [
            ("provider: 單位", "provider: 單位\nprovider: 又一", "\(zh):7:1: error: duplicate key 'provider'"),
            ("hours: 120", "hours: 120\n  more: 1", "\(zh):11:7: error: invalid YAML: mapping values are not allowed in this context"),
            ("seats: 30", "seats：30", "\(zh):13:6: error: full-width colon '：' after 'seats'; use a half-width ':' followed by a space"),
            ("title: 班", "title: \"班", "\(zh):15:24: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar"),
        ]
        for (from, to, error) in cases {
            let errors = TestSite.errors([zh: course.replacingOccurrences(of: from, with: to)])
            #expect(errors.first == error, "\(to)")
        }
    }
}
