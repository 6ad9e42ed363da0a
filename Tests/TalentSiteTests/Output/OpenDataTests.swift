import Foundation
import Testing
@testable import TalentSite

/// Open data as a data user gets it: every declared field, stable columns, the CSV equal to the JSON.
@Suite struct OpenDataTests {
    static let site = FixtureSiteTests.bilingual.output

    static func json(_ path: String) throws -> [[String: Any]] {
        let bytes = try #require(site.files[path], "\(path) was not written")
        return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
    }

    @Test func everySectionWithOpenDataInBothLanguages() {
        let files = Self.site.files.keys.filter { ($0.hasPrefix("data/") || $0.hasPrefix("en/data/")) && !$0.hasSuffix(".html") && !$0.contains("catalog.") }.sorted()
        let expected = ["", "en/"].flatMap { prefix in
            ["awards", "certifications", "courses", "programmes"].flatMap { ["\(prefix)data/\($0).csv", "\(prefix)data/\($0).json"] }
        }
        #expect(files == expected.sorted())
    }

    @Test func jsonHasEveryDeclaredFieldWithKeysAndLabels() throws {
        let courses = try Self.json("en/data/courses.json")
        #expect(courses.count == 1, "only translated records in English")
        let cnc = try #require(courses.first)
        #expect(cnc["slug"] as? String == "cnc-bootcamp")
        #expect(cnc["url"] as? String == "https://talent.example.gov.tw/en/courses/cnc-bootcamp/")
        #expect(cnc["industries"] as? [String] == ["smart-machinery", "iot"])
        #expect(cnc["industries_label"] as? [String] == ["Smart machinery", "Asia Silicon Valley (Internet of Things)"])
        #expect(cnc["region_label"] as? String == "Central")
        #expect(cnc["start"] as? String == "2026-12-01")
        #expect(cnc["fee"] as? Int == 8000)
        #expect(cnc["certification"] as? String == "ipas-iot")
        let zh = try Self.json("data/courses.json")
        #expect(zh.map { $0["slug"] as? String } == ["cnc-bootcamp", "green-in-service"], "the list's order")
        #expect(zh[1]["fee"] is NSNull, "a missing value is null, never dropped")
    }

    @Test func csvHasABOMAndTheSameRowsAsTheJSON() throws {
        for section in ["courses", "programmes", "certifications", "awards"] {
            for prefix in ["", "en/"] {
                let bytes = try #require(Self.site.files["\(prefix)data/\(section).csv"])
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                #expect(text.hasSuffix("\r\n"))
                let table = try #require(CSVTable.parse(text, file: section, log: DiagnosticLog()))
                let json = try Self.json("\(prefix)data/\(section).json")
                let keys = json.first.map { Array($0.keys) } ?? []
                let header = table.header.map(\.text)
                #expect(Set(header) == Set(keys))
                #expect(table.rows.count == json.count)
                for (row, object) in zip(table.rows, json) {
                    for (index, column) in header.enumerated() {
                        if column == "sample" {
                            // A JSON boolean; the CSV spells it out.
                            #expect(row[index].text == ((object[column] as? Bool) == true ? "true" : "false"), "\(section) sample")
                            continue
                        }
                        #expect(row[index].text == Self.cellText(object[column]), "\(section) \(column)")
                    }
                }
            }
        }
    }

    static func cellText(_ value: Any?) -> String {
        switch value {
        case let text as String: return text
        case let number as Int: return String(number)
        case let list as [Any]: return list.map { cellText($0) }.joined(separator: "; ")
        default: return ""
        }
    }

    @Test func columnsKeepTheirOrder() throws {
        let header = String(decoding: try #require(Self.site.files["data/courses.csv"]).dropFirst(3), as: UTF8.self)
            .split(separator: "\r\n").first.map(String.init)
        #expect(header == "slug,title,url,date,summary,kind,kind_label,industries,industries_label,region,region_label,provider,"
                + "apply_until,start,end,hours,fee,subsidy_rate,seats,apply_url,certification,status,status_label,sample")
    }
}
