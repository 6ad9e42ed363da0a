import Testing
@testable import TalentSite

/// `RecordVersions` holds an entry's records in two small arrays instead of a dictionary: it must answer as
/// the dictionary would through any sequence of writes, and iterate in code order.
@Suite struct RecordVersionsTests {
    static func record(_ language: String, title: String) -> Record {
        Record(section: "courses", slug: "cnc", language: language, title: title, date: nil, summary: nil, draft: false,
               fields: [:], fieldLocations: [:], body: "", bodyStart: TalentSite.SourceLocation(file: "content/courses/cnc.\(language).md"))
    }

    @Test func versionsAnswerAsADictionaryWouldThroughAnySequenceOfWrites() {
        var generator = SplitMix64(seed: 3)
        let codes = ["zh-TW", "en", "ja", "", "en-GB"]
        for round in 0..<300 {
            var versions: RecordVersions = [:], dictionary: [String: Record] = [:]
            for step in 0..<Int.random(in: 0...10, using: &generator) {
                let code = codes.randomElement(using: &generator) ?? ""
                let record = Bool.random(using: &generator) ? nil : Self.record(code, title: "\(round).\(step)")
                versions[code] = record
                dictionary[code] = record
            }
            for code in codes { #expect(versions[code]?.title == dictionary[code]?.title, "\(code)") }
            #expect(versions.count == dictionary.count && versions.isEmpty == dictionary.isEmpty)
            #expect(versions.keys == dictionary.keys.sorted())
            #expect(versions.values.map(\.title) == dictionary.sorted { $0.key < $1.key }.map(\.value.title))
            #expect(versions.map(\.key) == versions.keys)
            #expect(RecordVersions(dictionary).keys == versions.keys)
        }
    }

    @Test func anEntryKeepsItsVersionsInCodeOrder() {
        let entry = Entry(section: "courses", slug: "cnc", versions: ["zh-TW": Self.record("zh-TW", title: "班"), "en": Self.record("en", title: "C")])
        #expect(entry.versions.keys == ["en", "zh-TW"])
        #expect(entry.versions["zh-TW"]?.title == "班" && entry.versions["ja"] == nil)
    }
}
