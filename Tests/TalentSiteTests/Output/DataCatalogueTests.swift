import Foundation
import Testing
@testable import TalentSite

/// The open-data catalogue as data users and harvesters get it, on the bilingual fixture with the project's
/// schemas: every dataset on both languages' pages, every column in its file's order, the two catalogue files.
@Suite struct DataCatalogueTests {
    static let site = FixtureSiteTests.bilingual.output
    static let datasets = ["courses", "programmes", "certifications", "awards"]  // menu order
    static let base = "https://talent.example.gov.tw/"

    static func page(_ path: String) throws -> HTMLDocument {
        let html = try #require(site.text(path), "\(path) was not written")
        return try #require(HTMLDocument(html: html))
    }

    /// The CSV header of a dataset file, split into column names.
    static func csvHeader(_ path: String) throws -> [String] {
        let bytes = try #require(site.files[path], "\(path) was not written")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        return try #require(text.split(separator: "\r\n").first).split(separator: ",").map(String.init)
    }

    static func jsonRows(_ path: String) throws -> Int {
        let bytes = try #require(site.files[path])
        return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [Any]).count
    }

    /// The tables of a page, each as its caption and its row headers, in document order.
    static func tables(_ page: HTMLDocument) -> [(caption: String, rows: [String], cls: String)] {
        var tables: [(caption: String, rows: [String], cls: String)] = []
        for element in page.elements {
            switch element.name {
            case "table": tables.append(("", [], element["class"] ?? ""))
            case "caption" where !tables.isEmpty: tables[tables.count - 1].caption = element.text
            case "th" where element["scope"] == "row" && !tables.isEmpty: tables[tables.count - 1].rows.append(element.text)
            default: break
            }
        }
        return tables
    }

    static func linkedData(_ path: String) throws -> [String: Any] {
        let scripts = try page(path).all("script")
        let script = try #require(scripts.first { $0["type"] == "application/ld+json" }, "\(path) has no JSON-LD")
        return try #require(JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["", "en/"])
    func indexListsEveryDatasetWithEveryColumnInFileOrder(prefix: String) throws {
        let page = try Self.page("\(prefix)data/index.html")
        let links = page.all("h2").map(\.text)
        let titles = Self.datasets.map { name in try? Self.page("\(prefix)data/\(name)/index.html").first("h1")?.text }
        #expect(Array(links.prefix(4)) == titles.compactMap { $0 }, "one heading per dataset, in menu order")
        #expect(page.all("h1").count == 1)
        let tables = Self.tables(page)
        let columnTables = tables.filter { $0.cls == "data-columns" }
        #expect(columnTables.count == Self.datasets.count)
        for (name, table) in zip(Self.datasets, columnTables) {
            #expect(table.rows == (try Self.csvHeader("\(prefix)data/\(name).csv")), "\(name): every column, in file order")
            #expect(!table.caption.isEmpty)
        }
        let fileTables = tables.filter { $0.cls == "data-files" }
        #expect(fileTables.map(\.rows) == Self.datasets.map { name in ["csv", "json", "csv", "json"].map { "\(name).\($0)" } })
        // Licence, publisher and contact from site.yaml, frequency from _section.yaml.
        let licence = page.all("a").filter { $0["href"] == "https://data.gov.tw/license" }
        #expect(licence.contains { $0.text == (prefix.isEmpty ? "政府資料開放授權條款第1版" : "Open Government Data License, version 1.0") })
        let facts = page.all("dd").map(\.text)
        let agency = prefix.isEmpty ? "5+2產業人才培育網站營運機關（範例）" : "5+2 Industry Talent website operator (sample)"
        #expect(facts.filter { $0 == agency }.count == Self.datasets.count)
        #expect(facts.filter { $0.contains("service@talent.example.gov.tw") && $0.contains("(02) 0000-0000") }.count == Self.datasets.count)
        let frequencies = prefix.isEmpty ? ["每日", "不定期", "不定期", "每年"] : ["Daily", "Irregularly", "Irregularly", "Yearly"]
        #expect(facts.filter { Set(frequencies).contains($0) } == frequencies)
        #expect(page.all("a").contains { $0["href"] == "/data/catalog.jsonld" })
        #expect(page.all("a").contains { $0["href"] == "/data/catalog.csv" })
    }

    @Test func recordCountsAreTheRowsOfEachLanguagesFile() throws {
        for prefix in ["", "en/"] {
            let page = try Self.page("\(prefix)data/courses/index.html")
            let cells = page.all("td").map(\.text)
            let zh = try Self.jsonRows("data/courses.json"), en = try Self.jsonRows("en/data/courses.json")
            #expect((zh, en) == (2, 1), "the untranslated course is only in the Chinese files")
            let expected = prefix.isEmpty ? ["共 \(zh) 筆", "共 \(zh) 筆", "共 \(en) 筆", "共 \(en) 筆"] : ["\(zh) records", "\(zh) records", "\(en) record", "\(en) record"]
            #expect(cells.filter { $0.hasPrefix("共") || $0.hasSuffix("record") || $0.hasSuffix("records") } == expected)
        }
    }

    @Test func languagesLinkToEachOtherAndTheSitemapListsThePages() throws {
        for name in [""] + Self.datasets.map({ $0 + "/" }) {
            let zh = try Self.page("data/\(name)index.html")
            let en = try Self.page("en/data/\(name)index.html")
            #expect(zh.all("a").first { $0["hreflang"] == "en" }?["href"] == "/en/data/\(name)")
            #expect(en.all("a").first { $0["hreflang"] == "zh-Hant-TW" }?["href"] == "/data/\(name)")
            let sitemap = try #require(Self.site.text("sitemap.xml"))
            #expect(sitemap.contains("<loc>\(Self.base)data/\(name)</loc>") && sitemap.contains("<loc>\(Self.base)en/data/\(name)</loc>"))
        }
    }

    @Test(arguments: ["", "en/"])
    func datasetPagesCarryDatasetJSONLD(prefix: String) throws {
        for name in Self.datasets {
            let path = "\(prefix)data/\(name)/index.html"
            let dataset = try Self.linkedData(path)
            #expect(dataset["@context"] as? String == "https://schema.org")
            #expect(dataset["@type"] as? String == "Dataset")
            #expect(dataset["url"] as? String == "\(Self.base)\(prefix)data/\(name)/")
            #expect(dataset["name"] as? String == (try Self.page(path).first("h1")?.text))
            #expect((dataset["description"] as? String)?.isEmpty == false)
            #expect(dataset["license"] as? String == "https://data.gov.tw/license")
            #expect(dataset["inLanguage"] as? [String] == ["zh-Hant-TW", "en"])
            #expect((dataset["publisher"] as? [String: Any])?["@type"] as? String == "GovernmentOrganization")
            let downloads = try #require(dataset["distribution"] as? [[String: Any]])
            #expect(downloads.map { $0["@type"] as? String } == Array(repeating: "DataDownload", count: 4))
            let urls = downloads.compactMap { $0["contentUrl"] as? String }
            #expect(urls == ["data/\(name).csv", "data/\(name).json", "en/data/\(name).csv", "en/data/\(name).json"].map { Self.base + $0 })
            for url in urls { #expect(Self.site.files[String(url.dropFirst(Self.base.count))] != nil, "\(url) is written") }
            #expect(downloads.map { $0["encodingFormat"] as? String } == ["text/csv", "application/json", "text/csv", "application/json"])
            let variables = try #require(dataset["variableMeasured"] as? [[String: Any]])
            #expect(variables.compactMap { $0["name"] as? String } == (try Self.csvHeader("\(prefix)data/\(name).csv")))
            let columns = Self.tables(try Self.page(path)).first { $0.cls == "data-columns" }?.rows
            #expect(columns == (try Self.csvHeader("\(prefix)data/\(name).csv")))
        }
    }

    @Test func catalogueCSVHasDataGovTWColumnsInOrder() throws {
        let bytes = try #require(Self.site.files["data/catalog.csv"])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let table = try #require(CSVTable.parse(text, file: "catalog.csv", log: DiagnosticLog()))
        #expect(table.header.map(\.text) == ["資料集名稱", "資料集描述", "主要欄位說明", "提供機關", "提供機關聯絡人姓名", "提供機關聯絡人電話",
                                             "更新頻率", "授權方式", "授權說明網址", "計費方式", "檔案格式", "編碼格式", "資料下載網址"])
        #expect(table.rows.count == Self.datasets.count)
        let rows = table.rows.map { $0.map(\.text) }
        #expect(rows.map { $0[0] } == ["實務人才培訓課程", "產業學院", "產業人才能力鑑定", "國家人才發展獎得獎單位"])
        #expect(rows.map { $0[6] } == ["每日", "不定期", "不定期", "每年"])
        for (name, row) in zip(Self.datasets, rows) {
            #expect(!row[1].isEmpty)
            let columns = try Self.csvHeader("data/\(name).csv")
            #expect(row[2].split(separator: "、").map { String($0.prefix { $0 != "（" }) } == columns, "主要欄位說明 names every column in order")
            #expect(row[3] == "5+2產業人才培育網站營運機關（範例）" && row[5] == "(02) 0000-0000")
            #expect(row[7] == "政府資料開放授權條款第1版" && row[8] == "https://data.gov.tw/license")
            #expect(row[9] == "免費" && row[10] == "CSV;JSON;CSV;JSON" && row[11] == "UTF-8")
            let urls = row[12].split(separator: ";").map(String.init)
            #expect(urls == ["data/\(name).csv", "data/\(name).json", "en/data/\(name).csv", "en/data/\(name).json"].map { Self.base + $0 })
        }
    }

    @Test func catalogueJSONLDIsADCATCatalog() throws {
        let bytes = try #require(Self.site.files["data/catalog.jsonld"])
        let catalog = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(catalog["@type"] as? String == "dcat:Catalog")
        let context = try #require(catalog["@context"] as? [String: String])
        #expect(context["dcat"] == "http://www.w3.org/ns/dcat#" && context["dct"] == "http://purl.org/dc/terms/")
        let datasets = try #require(catalog["dcat:dataset"] as? [[String: Any]])
        #expect(datasets.map { $0["dct:identifier"] as? String } == Self.datasets)
        let frequency = "http://publications.europa.eu/resource/authority/frequency/"
        #expect(datasets.map { ($0["dct:accrualPeriodicity"] as? [String: String])?["@id"] }
                == ["DAILY", "IRREG", "IRREG", "ANNUAL"].map { frequency + $0 })
        for dataset in datasets {
            #expect(dataset["@type"] as? String == "dcat:Dataset")
            #expect((dataset["dct:license"] as? [String: String])?["@id"] == "https://data.gov.tw/license")
            #expect((dataset["dct:title"] as? [[String: String]])?.map { $0["@language"] } == ["zh-Hant-TW", "en"])
            #expect(dataset["dct:publisher"] != nil && dataset["dct:description"] != nil)
            let files = try #require(dataset["dcat:distribution"] as? [[String: Any]])
            #expect(files.count == 4)
            for file in files {
                #expect(file["@type"] as? String == "dcat:Distribution")
                let url = try #require((file["dcat:downloadURL"] as? [String: String])?["@id"])
                #expect(Self.site.files[String(url.dropFirst(Self.base.count))] != nil, "\(url) is written")
                let media = try #require((file["dcat:mediaType"] as? [String: String])?["@id"])
                let format = try #require((file["dct:format"] as? [String: String])?["@id"])
                #expect(url.hasSuffix(".csv") ? media.hasSuffix("/text/csv") && format.hasSuffix("/CSV")
                                              : media.hasSuffix("/application/json") && format.hasSuffix("/JSON"))
            }
        }
    }
}
