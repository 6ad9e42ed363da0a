/// Where the open-data catalogue lives and which templates draw it: shared by the catalogue format (Output)
/// and the pages and JSON-LD built here, so the paths are written once and below the format that plans them.
enum CataloguePaths {
    static let template = "data-catalogue"
    static let datasetTemplate = "dataset"
    static let jsonLD = "/data/catalog.jsonld"
    static let csv = "/data/catalog.csv"

    static func index(_ language: Language) -> String { language.homePath + "data/" }
    static func dataset(_ name: String, _ language: Language) -> String { index(language) + name + "/" }
}
