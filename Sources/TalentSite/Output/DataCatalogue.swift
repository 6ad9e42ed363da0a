/// The open-data catalogue: a page per language listing every dataset (`/data/`, `/en/data/`), a page per
/// dataset and language (`/data/courses/`) with schema.org `Dataset` JSON-LD, and two machine-readable
/// catalogues of the same datasets: `/data/catalog.jsonld` (DCAT) and `/data/catalog.csv` (data.gov.tw's columns).
/// Planned before the sitemap, so its pages are listed there.
public struct DataCatalogue: OutputFormat {
    public init() {}

    static let template = "data-catalogue"
    static let datasetTemplate = "dataset"
    static let jsonLDPath = "/data/catalog.jsonld"
    static let csvPath = "/data/catalog.csv"

    static func indexPath(_ language: Language) -> String { language.homePath + "data/" }
    static func datasetPath(_ name: String, _ language: Language) -> String { indexPath(language) + name + "/" }

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        let datasets = CatalogueDataset.all(site)
        guard !datasets.isEmpty else { return [] }
        for language in site.settings.languages {
            for key in [CatalogueLicence.nameKey, CatalogueLicence.urlKey] where input.theme.strings[language.code]?[key]?.isEmpty ?? true {
                input.log.error(SourceLocation(file: "templates/i18n/\(language.code).yaml"),
                                "missing '\(key)': the open-data catalogue names the licence its datasets are published under")
            }
        }
        let languages = site.settings.languages
        let origin = SourceLocation(file: "templates/\(CataloguePaths.template).mustache")
        let indexVersions = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, CataloguePaths.index($0)) })
        var jobs = languages.map { language in
            let path = CataloguePaths.index(language)
            return OutputJob(path: path, origin: origin, page: PageInfo(language: language.code, versions: indexVersions)) { env in
                DataCataloguePage(env: env, language: language, datasets: datasets).index(path: path, versions: indexVersions)
            }
        }
        for dataset in datasets {
            let versions = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, CataloguePaths.dataset(dataset.name, $0)) })
            for language in languages {
                let path = CataloguePaths.dataset(dataset.name, language)
                jobs.append(OutputJob(path: path, origin: dataset.schema.location(of: "dataset"),
                                      page: PageInfo(language: language.code, versions: versions)) { env in
                    DataCataloguePage(env: env, language: language, datasets: datasets).dataset(dataset, path: path, versions: versions)
                })
            }
        }
        let catalogueOrigin = SourceLocation(file: "content/site.yaml")
        jobs.append(OutputJob(path: CataloguePaths.jsonLD, origin: catalogueOrigin) { env in
            Array((DCATCatalogue(site: env.site, datasets: datasets, licence: CatalogueLicence(strings: env.theme.strings, site: env.site)).document.serialized + "\n").utf8)
        })
        jobs.append(OutputJob(path: CataloguePaths.csv, origin: catalogueOrigin) { env in
            DataGovCatalogue(site: env.site, datasets: datasets, strings: env.theme.strings).csv
        })
        return jobs
    }
}
