import Foundation
import Testing
@testable import TalentSite

/// `dataset:` in `_section.yaml`, as an editor writes it: a wrong update frequency names the file, line and
/// column and the allowed values; a block without open data, or with an unknown key, is refused too.
@Suite struct DatasetDeclarationTests {
    static let path = "content/courses/_section.yaml"
    static let shipped = String(decoding: TestSite.projectSkeleton[path] ?? Data(), as: UTF8.self)

    /// The project's courses schema with `old` replaced, and where `marker` then stands (line, column, 1-based).
    static func schema(replacing old: String, with new: String, marker: String) throws -> (text: String, line: Int, column: Int) {
        #expect(shipped.contains(old), "the shipped schema has \(old)")
        let text = shipped.replacingOccurrences(of: old, with: new)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains(marker) })
        let column = lines[index].distance(from: lines[index].startIndex, to: try #require(lines[index].range(of: marker)).lowerBound) + 1
        return (text, index + 1, column)
    }

    @Test func anUnknownUpdateFrequencyIsAnErrorWithItsPositionAndTheAllowedValues() throws {
        let bad = try Self.schema(replacing: "update_frequency: 每日", with: "update_frequency: 每天", marker: "每天")
        #expect(TestSite.errors([Self.path: bad.text]) == [
            "\(Self.path):\(bad.line):\(bad.column): error: unknown update_frequency '每天' (did you mean '每日'?); use one of 每日, 每週, 每月, 每季, 每半年, 每年, 不定期",
        ])
    }

    @Test func anEnglishFrequencySuggestsDataGovTWsWord() throws {
        let bad = try Self.schema(replacing: "update_frequency: 每日", with: "update_frequency: monthly", marker: "monthly")
        #expect(TestSite.errors([Self.path: bad.text]) == [
            "\(Self.path):\(bad.line):\(bad.column): error: unknown update_frequency 'monthly' (did you mean '每月'?); use one of 每日, 每週, 每月, 每季, 每半年, 每年, 不定期",
        ])
    }

    @Test func everyAllowedFrequencyBuilds() throws {
        for frequency in UpdateFrequency.allCases {
            let good = try Self.schema(replacing: "update_frequency: 每日", with: "update_frequency: \(frequency.rawValue)", marker: "update_frequency")
            let result = TestSite.build(TestSite.tree([Self.path: good.text]))
            #expect(result.diagnostics.filter { $0.contains("error") } == [])
            let csv = String(decoding: result.output.files["data/catalog.csv"] ?? [], as: UTF8.self)
            #expect(csv.contains(",\(frequency.rawValue),政府資料開放授權條款第1版,"), "\(frequency)")
        }
    }

    @Test func aDatasetWithoutOpenDataOrWithAnUnknownKeyIsRefused() throws {
        let closed = try Self.schema(replacing: "open_data: true", with: "open_data: false", marker: "dataset:")
        #expect(TestSite.errors([Self.path: closed.text]) == [
            "\(Self.path):\(closed.line):1: error: 'dataset' describes the section's open data, but the section does not declare 'open_data: true'",
        ])
        let typo = try Self.schema(replacing: "update_frequency: 每日", with: "update_frequncy: 每日", marker: "update_frequncy")
        let errors = TestSite.errors([Self.path: typo.text])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.path):\(typo.line):\(typo.column): error: unknown key 'update_frequncy' in 'dataset' (did you mean 'update_frequency'?)") == true)
    }

    @Test func aSectionWithOpenDataButNoDatasetBlockIsListedAsIrregular() throws {
        let plain = try Self.schema(replacing: "dataset:\n  update_frequency: 每日\n", with: "dataset_removed:\n", marker: "dataset_removed")
        // Drop the whole block: the key and its nested description.
        let text = plain.text.components(separatedBy: "dataset_removed:\n").first ?? plain.text
        let result = TestSite.build(TestSite.tree([Self.path: text]))
        #expect(result.diagnostics.filter { $0.contains("error") } == [])
        let page = try #require(result.output.text("en/data/courses/index.html"))
        #expect(page.contains("<dd>Irregularly</dd>"))
        #expect(page.contains("<h1>Practical training courses</h1>"), "titled like the section")
    }

    @Test func theLicenceIsDeclaredInTheUIStrings() throws {
        var overrides: [String: String] = [:]
        for strings in ["templates/i18n/zh-TW.yaml", "templates/i18n/en.yaml"] {
            overrides[strings] = String(decoding: TestSite.projectSkeleton[strings] ?? Data(), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("data_licence_url:") }.joined(separator: "\n")
        }
        #expect(TestSite.errors(overrides) == ["en", "zh-TW"].map { code in
            "templates/i18n/\(code).yaml:1:1: error: missing 'data_licence_url': the open-data catalogue names the licence its datasets are published under"
        })
    }
}
