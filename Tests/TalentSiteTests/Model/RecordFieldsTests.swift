import Testing
@testable import TalentSite

/// `RecordFields` and `FieldLocations` hold a record's fields and their positions by slot of a shared name
/// table instead of a dictionary each: they must answer exactly as the dictionaries they replace, whatever
/// is written to them, including names the table lacks and locations that do not pack.
@Suite struct RecordFieldsTests {
    static let table = FieldNames(["kind", "hours", "start", "a-name-longer-than-fifteen-bytes", "hours"])
    static let names = ["kind", "hours", "start", "a-name-longer-than-fifteen-bytes", "region", "", "時數"]
    static let values: [FieldValue] = [.text("x"), .int(120), .int(0), .bool(false), .date(Day(year: 2026, month: 2, day: 28)),
                                       .url("https://a.tw/"), .key("central"), .ref("cnc"), .list([]), .list([.key("a"), .key("b")])]

    @Test func fieldsAnswerAsADictionaryWouldThroughAnySequenceOfWrites() {
        var generator = SplitMix64(seed: 1)
        for _ in 0..<300 {
            var fields = RecordFields(names: Self.table), dictionary: [String: FieldValue] = [:]
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let name = Self.names.randomElement(using: &generator) ?? ""
                let value = Bool.random(using: &generator) ? nil : Self.values.randomElement(using: &generator)
                fields[name] = value
                dictionary[name] = value
            }
            for name in Self.names { #expect(fields[name] == dictionary[name], "\(name)") }
            #expect(fields.count == dictionary.count)
            #expect(fields.isEmpty == dictionary.isEmpty)
            #expect(Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) }) == dictionary)
            // Equal to the same fields held another way (a table of their own), and unequal once one differs.
            let other = RecordFields(dictionary)
            #expect(fields == other && other == fields)
            var changed = other
            changed["kind"] = dictionary["kind"] == .text("y") ? .text("z") : .text("y")
            #expect(fields != changed && changed != fields)
        }
    }

    @Test func fieldsCompareSlotBySlotOnlyWithTheSameNames() {
        var a = RecordFields(names: FieldNames(["kind", "hours"])), b = RecordFields(names: FieldNames(["hours", "kind"]))
        a["kind"] = .key("x"); a["hours"] = .int(1)
        b["hours"] = .int(1); b["kind"] = .key("x")
        #expect(a == b)
        b["hours"] = nil
        #expect(a != b)
        #expect(RecordFields([:]) == [:])
        #expect(RecordFields(names: Self.table) == [:])
        #expect(["kind": .key("x")] as RecordFields != [:])
    }

    @Test func fieldsIterateInTheOrderOfTheirTable() {
        var fields = RecordFields(names: FieldNames(["start", "kind", "hours"]))
        fields["hours"] = .int(1); fields["start"] = .int(2); fields["extra"] = .int(3)
        #expect(fields.map(\.key) == ["start", "hours", "extra"])
    }

    static let file = "content/courses/cnc.zh-TW.md"
    static let locations: [TalentSite.SourceLocation] = [
        TalentSite.SourceLocation(file: file, line: 3, column: 8), TalentSite.SourceLocation(file: file),
        TalentSite.SourceLocation(file: file, line: 1 << 20 - 1, column: 4095), TalentSite.SourceLocation(file: file, line: 1 << 20, column: 1),
        TalentSite.SourceLocation(file: file, line: 2, column: 4096), TalentSite.SourceLocation(file: file, line: Int.max, column: Int.max),
        TalentSite.SourceLocation(file: "content/courses/other.en.md", line: 3, column: 8), TalentSite.SourceLocation(file: "", line: 5, column: 2),
    ]

    @Test func locationsAnswerAsADictionaryWouldThroughAnySequenceOfWrites() {
        var generator = SplitMix64(seed: 2)
        for _ in 0..<300 {
            var locations = FieldLocations(names: Self.table, file: Self.file), dictionary: [String: TalentSite.SourceLocation] = [:]
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let name = Self.names.randomElement(using: &generator) ?? ""
                let location = Bool.random(using: &generator) ? nil : Self.locations.randomElement(using: &generator)
                locations[name] = location
                dictionary[name] = location
            }
            for name in Self.names { #expect(locations[name] == dictionary[name], "\(name)") }
            #expect(locations.count == dictionary.count)
            #expect(Dictionary(uniqueKeysWithValues: locations.map { ($0.key, $0.value) }) == dictionary)
            let other = FieldLocations(dictionary, file: Self.file), elsewhere = FieldLocations(dictionary, file: "content/x.md")
            #expect(locations == other && other == locations && locations == elsewhere)
            var changed = other
            changed["kind"] = dictionary["kind"] == Self.locations[0] ? Self.locations[1] : Self.locations[0]
            #expect(locations != changed && changed != locations)
        }
    }

    @Test func aRecordFindsEachPositionOrFallsBackToItsFile() {
        let file = Self.file
        let record = Record(section: "courses", slug: "cnc", language: "zh-TW", title: "班", date: nil, summary: nil, draft: false,
                            fields: [:], fieldLocations: ["hours": TalentSite.SourceLocation(file: file, line: 11, column: 8),
                                                          "start": TalentSite.SourceLocation(file: "content/other.md", line: 2, column: 1)],
                            body: "", bodyStart: TalentSite.SourceLocation(file: file, line: 16))
        #expect(record.location(of: "hours").description == "\(file):11:8")
        #expect(record.location(of: "start").description == "content/other.md:2:1")
        #expect(record.location(of: "kind").description == "\(file):1:1")
    }
}
