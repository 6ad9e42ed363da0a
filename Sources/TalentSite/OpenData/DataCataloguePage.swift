/// The catalogue's HTML pages in one language: the list of every dataset (`/data/`) and one dataset's
/// page (`/data/courses/`), sharing one description of a dataset (`templates/dataset-details.mustache`).
struct DataCataloguePage {
    let env: RenderEnvironment
    let language: Language
    let datasets: [CatalogueDataset]
    /// Made once per page: its URL heads the page, every dataset's details and the JSON-LD.
    private let catalogueLicence: CatalogueLicence

    init(env: RenderEnvironment, language: Language, datasets: [CatalogueDataset]) {
        self.env = env; self.language = language; self.datasets = datasets
        catalogueLicence = CatalogueLicence(strings: env.theme.strings, site: env.site)
    }

    /// The JSON-LD writer both pages use.
    private var linkedData: DatasetLinkedData {
        DatasetLinkedData(site: env.site, language: language, strings: strings, licence: catalogueLicence)
    }

    private var strings: [String: String] { env.theme.strings[language.code] ?? [:] }
    private func text(_ key: String) -> String { strings[key] ?? key }

    func index(path: String, versions: [String: String]) -> [UInt8]? {
        let page = PageContext(env: env, language: language)
        var context = page.base(title: text("data_title"), description: text("data_intro"), path: path, versions: versions,
                                fallbacks: [:], section: nil)
        context["heading"] = text("data_title")
        context["intro"] = text("data_intro")
        context["licence"] = licence
        context["datasets"] = datasets.map { details($0, level: 2) }
        context["catalogueFiles"] = catalogueFiles
        context["linkedData"] = [linkedData.catalogue(datasets, path: path).serialized]
        return env.render(CataloguePaths.template, context, for: SourceLocation(file: "templates/\(CataloguePaths.template).mustache"))
    }

    func dataset(_ dataset: CatalogueDataset, path: String, versions: [String: String]) -> [UInt8]? {
        let page = PageContext(env: env, language: language)
        let title = dataset.title(language)
        var context = page.base(title: title, description: dataset.description(language), path: path, versions: versions,
                                fallbacks: [:], section: nil)
        context["heading"] = title
        context["parents"] = [["href": CataloguePaths.index(language), "title": text("data_title")]]
        context["dataset"] = details(dataset, level: 1)
        context["catalogueFiles"] = catalogueFiles
        context["updated"] = page.updated(dataset.modified ?? env.site.newestDate)
        context["linkedData"] = [linkedData.dataset(dataset, path: path).serialized]
        return env.render(CataloguePaths.datasetTemplate, context, for: SourceLocation(file: "templates/\(CataloguePaths.datasetTemplate).mustache"))
    }

    private var licence: [String: Any] {
        ["text": text(CatalogueLicence.nameKey), "href": catalogueLicence.url]
    }

    private var catalogueFiles: [[String: Any]] {
        [["href": CataloguePaths.jsonLD, "file": "catalog.jsonld", "text": text("data_catalogue_jsonld")],
         ["href": CataloguePaths.csv, "file": "catalog.csv", "text": text("data_catalogue_csv")]]
    }

    /// What the page says about one dataset; `level` is the heading level of its title (its parts are one below).
    private func details(_ dataset: CatalogueDataset, level: Int) -> [String: Any] {
        let agency = env.site.settings.agency
        let publisher: Any = agency.map { agency -> [String: Any] in
            ["name": agency.name[language], "phone": agency.phone, "tel": agency.tel, "email": agency.email]
        } ?? false
        let distributions: [[String: Any]] = dataset.distributions.map { file in
            let name = String(file.path.split(separator: "/").last ?? "")
            // Stem and extension apart, so the template lets a phone break the name only at its dot.
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            return ["language": file.language.name, "hreflang": file.language.htmlLang, "format": file.format, "type": file.mediaType,
             "href": file.path, "file": name, "stem": String(name[..<dot]), "extension": String(name[dot...]),
             "records": PluralRules.text("records", count: file.records, strings: strings, language: language.code) ?? String(file.records)]
        }
        let formats = CatalogueDataset.formats.map(\.0).joined(separator: strings["list_separator"] ?? ", ")
        let columns: [[String: Any]] = dataset.columnTexts(language, strings: strings).map {
            ["name": $0.name, "nameParts": Self.breakable($0.name), "label": $0.label, "type": $0.type, "unit": $0.unit]
        }
        let title = dataset.title(language)
        return [
            "name": dataset.name, "id": "dataset-\(dataset.name)", "title": title,
            "href": CataloguePaths.dataset(dataset.name, language),
            "description": dataset.description(language),
            "frequency": strings[dataset.frequency.stringKey] ?? dataset.frequency.rawValue,
            "formats": formats, "licence": licence, "publisher": publisher,
            "distributions": distributions, "columns": columns,
            "filesCaption": (strings["data_files_caption"] ?? "{title}").replacingPlaceholders(["title": title]),
            "columnsCaption": (strings["data_columns_caption"] ?? "{title}").replacingPlaceholders(["title": title]),
            "isPage": level == 1, "sub": level + 1,
        ]
    }

    /// A column name in parts after each `_`, so a phone breaks `industries_label` only there (`<wbr>` in the template).
    static func breakable(_ name: String) -> [[String: Any]] {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        return parts.enumerated().map { index, part in
            ["text": String(part) + (index < parts.count - 1 ? "_" : ""), "last": index == parts.count - 1]
        }
    }
}
