/// `/data/catalog.csv`: one row per dataset with the metadata columns of data.gov.tw, in its order, in the
/// site's default language, so the agency can list its datasets there without retyping them. UTF-8 with a
/// byte-order mark and CRLF line ends (RFC 4180), like the datasets themselves.
struct DataGovCatalogue {
    let site: SiteModel
    let datasets: [CatalogueDataset]
    let strings: [String: [String: String]]

    private var licence: CatalogueLicence { CatalogueLicence(strings: strings, site: site) }

    static let header = ["資料集名稱", "資料集描述", "主要欄位說明", "提供機關", "提供機關聯絡人姓名", "提供機關聯絡人電話",
                         "更新頻率", "授權方式", "授權說明網址", "計費方式", "檔案格式", "編碼格式", "資料下載網址"]
    /// Between several formats or download URLs in one cell, as data.gov.tw writes them.
    static let separator = ";"

    var rows: [[String]] {
        let language = site.settings.defaultLanguage
        let texts = strings[language.code] ?? [:]
        let agency = site.settings.agency
        return datasets.map { dataset in
            let files = dataset.distributions
            let fields = dataset.columnTexts(language, strings: texts).map { "\($0.name)（\($0.label)）" }
            return [
                dataset.title(language), dataset.description(language), fields.joined(separator: "、"),
                agency?.name[language] ?? "", agency?.name[language] ?? "", agency?.phone ?? "",
                dataset.frequency.rawValue, licence.name(language), licence.url, "免費",
                // One format per download URL, in the same order, so the two cells can be read side by side.
                files.map(\.format).joined(separator: Self.separator), "UTF-8",
                files.map { site.settings.absoluteURL($0.path) }.joined(separator: Self.separator),
            ]
        }
    }

    var csv: [UInt8] {
        let lines = ([Self.header] + rows).map { $0.map(OpenDataTable.cell).joined(separator: ",") }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
