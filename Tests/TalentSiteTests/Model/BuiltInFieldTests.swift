import Foundation
import Testing
@testable import TalentSite

/// `title`, `date`, `summary`, `draft` and `sample` are declared once, in `BuiltInField`, and read through one accessor.
@Suite struct BuiltInFieldTests {
    static let record: Record = {
        var record = Record(section: "courses", slug: "cnc", language: "en", title: "CNC", date: Day(year: 2026, month: 3, day: 2),
                            summary: nil, draft: true, fields: ["hours": .int(120)], fieldLocations: [:], body: "",
                            bodyStart: SourceLocation(file: "content/courses/cnc.en.md"))
        record.sample = true
        return record
    }()

    @Test func oneAccessorReadsBuiltInAndDeclaredFields() {
        let record = Self.record
        #expect(record.value(of: "title") == .text("CNC"))
        #expect(record.value(of: "date") == .date(Day(year: 2026, month: 3, day: 2)))
        #expect(record.value(of: "summary") == nil)
        #expect(record.value(of: "draft") == .bool(true))
        #expect(record.value(of: "sample") == .bool(true))
        #expect(record.value(of: "hours") == .int(120))
        #expect(record.value(of: "missing") == nil)
    }

    @Test func theLoaderAndTheSchemaCheckUseTheOneDeclaration() {
        #expect(MarkdownRecordLoader.builtInSpecs.map(\.name) == ["title", "date", "summary", "draft", "sample"])
        #expect(MarkdownRecordLoader.builtInSpecs.filter(\.required).map(\.name) == ["title", "date"])
        #expect(SchemaLoader.builtInFields == BuiltInField.allCases.map(\.name) + [TranslationFingerprint.key])
        #expect(BuiltInField.allCases.filter(\.isTranslatable) == [.title, .summary])
    }

    /// The files that once looked built-in fields up by their names as strings hold no such literal now.
    @Test(arguments: ["Model/EntryOrdering.swift", "Render/LinkedData.swift", "OpenData/OpenDataTable.swift",
                      "Model/TranslationFingerprint.swift", "Load/MarkdownRecordLoader.swift", "Load/SiteModelBuilder.swift",
                      "Load/CSVRecordLoader.swift", "Model/UnwrittenPages.swift", "Model/ListingSpec.swift",
                      "Model/LinkedDataTemplate.swift", "Load/SchemaLoader+Listing.swift"])
    func noBuiltInFieldNamedByAString(_ file: String) throws {
        let text = try String(contentsOf: LayerDirectionTests.sources.appendingPathComponent(file), encoding: .utf8)
        let literals = BuiltInField.allCases.map { "\"\($0.name)\"" }.filter(text.contains)
        #expect(literals == [], "\(file) names \(literals) by string; use BuiltInField")
    }
}
