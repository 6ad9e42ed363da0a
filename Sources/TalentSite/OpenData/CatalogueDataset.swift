/// One section's open data as a dataset of the catalogue: what the `/data/` pages, the dataset's JSON-LD,
/// `catalog.jsonld` and `catalog.csv` all say about it, worked out once so they cannot disagree.
struct CatalogueDataset {
    /// One downloadable file: a language's CSV or JSON.
    struct Distribution {
        var language: Language
        var format: String
        var mediaType: String
        var path: String
        var records: Int
    }

    /// One column of the files, described in one language.
    struct ColumnText {
        var name: String
        var label: String
        var type: String
        var unit: String
    }

    static let formats = [("CSV", "text/csv", "csv"), ("JSON", "application/json", "json")]

    let section: SiteModel.Section
    let site: SiteModel
    let columns: [OpenDataTable.Column]

    init(section: SiteModel.Section, site: SiteModel) {
        self.section = section; self.site = site
        columns = OpenDataTable.columns(of: section.schema, site: site)
    }

    /// Every section the site publishes as open data, in menu order.
    static func all(_ site: SiteModel) -> [CatalogueDataset] {
        site.settings.inMenuOrder(site.sections.filter(\.schema.hasOpenData)).map { CatalogueDataset(section: $0, site: site) }
    }

    var schema: SectionSchema { section.schema }
    var name: String { schema.name }
    var frequency: UpdateFrequency { schema.dataset?.updateFrequency ?? .irregular }

    func title(_ language: Language) -> String { schema.dataset?.title?[language] ?? schema.title[language] }
    func description(_ language: Language) -> String {
        schema.dataset?.description?[language] ?? schema.intro?[language] ?? title(language)
    }

    /// The rows a language's files hold: the records that exist in it.
    func records(_ language: Language) -> Int { section.entries.lazy.filter { $0.versions[language.code] != nil }.count }

    /// Every file of the dataset: each language's CSV, then its JSON, languages in site order.
    var distributions: [Distribution] {
        site.settings.languages.flatMap { language in
            Self.formats.map { format, mediaType, ext in
                Distribution(language: language, format: format, mediaType: mediaType,
                             path: site.routes.openData(schema, format: ext, language), records: records(language))
            }
        }
    }

    /// The newest publication date of the dataset's records, the day its content last changed.
    var modified: Day? { section.entries.lazy.flatMap(\.versions.values).compactMap(\.date).max() }

    /// The columns as the language's data users read them: name, label, type and unit (empty when none).
    func columnTexts(_ language: Language, strings: [String: String]) -> [ColumnText] {
        func text(_ key: String, _ fill: [String: String] = [:]) -> String { (strings[key] ?? key).replacingPlaceholders(fill) }
        return columns.map { column in
            switch column.kind {
            case .slug: return ColumnText(name: column.name, label: text("data_column_slug"), type: text("data_type_slug"), unit: "")
            case .title: return ColumnText(name: column.name, label: text("data_column_title"), type: text("data_type_text"), unit: "")
            case .url: return ColumnText(name: column.name, label: text("data_column_url"), type: text("data_type_url"), unit: "")
            case .date: return ColumnText(name: column.name, label: text("data_column_date"), type: text("data_type_date"), unit: "")
            case .summary: return ColumnText(name: column.name, label: text("data_column_summary"), type: text("data_type_text"), unit: "")
            case .sample: return ColumnText(name: column.name, label: text("data_column_sample"), type: text("data_type_bool"), unit: "")
            case .status: return ColumnText(name: column.name, label: text("data_column_status"), type: text("data_type_key"), unit: "")
            case .statusLabel:
                return ColumnText(name: column.name, label: text("data_column_label", ["label": text("data_column_status")]),
                                  type: text("data_type_text"), unit: "")
            case .field(let field):
                return ColumnText(name: column.name, label: field.label[language], type: typeText(field.type, language: language, text: text),
                                  unit: unit(field, language: language, text: text))
            case .label(let field):
                var type = text("data_type_text")
                if case .list = field.type { type = text("data_type_list", ["type": type]) }
                return ColumnText(name: column.name, label: text("data_column_label", ["label": field.label[language]]), type: type, unit: "")
            }
        }
    }

    private func typeText(_ type: FieldType, language: Language, text: (String, [String: String]) -> String) -> String {
        switch type {
        case .text: return text("data_type_text", [:])
        case .int: return text("data_type_int", [:])
        case .bool: return text("data_type_bool", [:])
        case .date: return text("data_type_date", [:])
        case .url: return text("data_type_url", [:])
        case .key: return text("data_type_key", [:])
        case .ref(let target):
            let title = site.section(target)?.schema.title[language] ?? target
            return text("data_type_ref", ["section": title])
        case .list(let element): return text("data_type_list", ["type": typeText(element, language: language, text: text)])
        }
    }

    private func unit(_ field: FieldSpec, language: Language, text: (String, [String: String]) -> String) -> String {
        if let unit = field.unit?[language] { return unit }
        switch field.format {
        case .money: return text("data_unit_money", [:])
        case .percent: return "%"
        case .plain, .grouped: return ""
        }
    }
}

/// The licence every dataset is published under, declared in `templates/i18n` beside its name in each
/// language (`data_licence_name`, `data_licence_url`), so a site under another licence changes text, not code.
struct CatalogueLicence {
    static let urlKey = "data_licence_url"
    static let nameKey = "data_licence_name"

    let url: String
    private let names: [String: String]

    init(strings: [String: [String: String]], site: SiteModel) {
        url = strings[site.settings.defaultLanguage.code]?[Self.urlKey] ?? ""
        names = strings.compactMapValues { $0[Self.nameKey] }
    }

    func name(_ language: Language) -> String { names[language.code] ?? url }
}
