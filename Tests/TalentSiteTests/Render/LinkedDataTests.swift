import Foundation
import Testing
@testable import TalentSite

/// schema.org JSON-LD as search engines read it: parsed back with JSONSerialization.
@Suite struct LinkedDataTests {
    static func objects(_ path: String, in output: MemoryOutput = CatalogueTests.site) throws -> [[String: Any]] {
        let page = try CatalogueTests.page(path, in: output)
        return try page.all("script").filter { $0["type"] == "application/ld+json" }.map { script in
            try #require(JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any], "not a JSON object: \(script.text)")
        }
    }

    static func first(_ type: String, _ path: String, in output: MemoryOutput = CatalogueTests.site) throws -> [String: Any] {
        try #require(objects(path, in: output).first { $0["@type"] as? String == type }, "\(path) has no \(type)")
    }

    @Test func courseWithInstanceProviderAndOffer() throws {
        let course = try Self.first("Course", "courses/cnc-bootcamp/index.html")
        #expect(course["@context"] as? String == "https://schema.org")
        #expect(course["name"] as? String == "智慧機械 CNC 加工養成班")
        #expect(course["url"] as? String == "https://talent.example.gov.tw/courses/cnc-bootcamp/")
        #expect((course["provider"] as? [String: Any])?["name"] as? String == "精密機械研究發展中心")
        let instance = try #require(course["hasCourseInstance"] as? [String: Any])
        #expect(instance["@type"] as? String == "CourseInstance")
        #expect(instance["startDate"] as? String == "2026-12-01")
        #expect(instance["endDate"] as? String == "2027-03-31")
        let offer = try #require(course["offers"] as? [String: Any])
        #expect(offer["price"] as? Int == 8000)
        #expect(offer["priceCurrency"] as? String == "TWD")
        let english = try Self.first("Course", "en/courses/cnc-bootcamp/index.html")
        #expect(english["inLanguage"] as? String == "en")
        #expect((english["hasCourseInstance"] as? [String: Any])?["location"] as? String == "Central")
    }

    @Test func missingOptionalValuesLeaveTheirKeysOut() throws {
        // The past course has no fee, seats or apply link: no Offer at all rather than an empty one.
        let course = try Self.first("Course", "courses/green-in-service/index.html")
        #expect(course["offers"] == nil)
        #expect(course["educationalCredentialAwarded"] == nil)
    }

    @Test func certificationAndWinner() throws {
        let credential = try Self.first("EducationalOccupationalCredential", "en/certifications/ipas-iot/index.html")
        #expect(credential["educationalLevel"] as? [String] == ["Basic", "Intermediate"])
        #expect((credential["recognizedBy"] as? [String: Any])?["name"] as? String == "Ministry of Economic Affairs")
        let winner = try Self.first("Organization", "awards/2024-sme-hongsheng/index.html")
        #expect(winner["name"] as? String == "宏昇精密機械股份有限公司")
        #expect(winner["award"] as? String == "國家人才發展獎 2024 — 中小企業獎")
        let crumbs = try Self.first("BreadcrumbList", "awards/2024-sme-hongsheng/index.html")
        #expect((crumbs["itemListElement"] as? [[String: Any]])?.map { $0["name"] as? String } == ["首頁", "國家人才發展獎", "宏昇精密機械股份有限公司"])
    }

    @Test func hostileTitlesCannotCloseTheScript() throws {
        let title = "</script><script>alert(1)</script> & \\\"引號\\\""
        let output = TestSite.build(TestSite.tree([
            "content/courses/cnc.en.md": TestSite.course(title: "'\(title)'", provider: "P"),
        ])).output
        let html = try #require(output.text("en/courses/cnc/index.html"))
        #expect(!html.contains("<script>alert"))
        let course = try Self.first("Course", "en/courses/cnc/index.html", in: output)
        #expect(course["name"] as? String == title.replacingOccurrences(of: "\\\"", with: "\\\""))
    }

    @Test func templateNamingAnUnknownFieldIsAnErrorWithItsPosition() {
        let path = "content/certifications/_section.yaml"
        let schema = String(decoding: TestSite.projectSkeleton[path]!, as: UTF8.self)
            .replacingOccurrences(of: "name: $issuer", with: "name: $isuser")
        let line = schema.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("$isuser") }! + 1
        let errors = TestSite.errors([path: schema])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(path):\(line):11: error: 'isuser' in json_ld is not a field of this section") == true)
    }
}
