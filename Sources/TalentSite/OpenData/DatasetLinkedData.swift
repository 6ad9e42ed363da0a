/// schema.org JSON-LD for the catalogue pages: a `Dataset` with its `DataDownload`s on each dataset's page
/// (what dataset search engines read), a `DataCatalog` naming every dataset on `/data/`.
struct DatasetLinkedData {
    let site: SiteModel
    let language: Language
    let strings: [String: String]
    let licence: CatalogueLicence

    private func absolute(_ path: String) -> String { site.settings.absoluteURL(path) }

    func dataset(_ dataset: CatalogueDataset, path: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("Dataset")),
            ("@id", .string(absolute(path))), ("url", .string(absolute(path))),
            ("name", .string(dataset.title(language))), ("description", .string(dataset.description(language))),
            ("identifier", .string(dataset.name)),
            ("inLanguage", .array(site.settings.languages.map { .string($0.htmlLang) })),
            ("license", .string(licence.url)), ("isAccessibleForFree", .bool(true)),
        ]
        if let publisher { members.append(("publisher", publisher)) }
        if let modified = dataset.modified { members.append(("dateModified", .string(modified.iso))) }
        members.append(("isPartOf", .object([("@type", .string("DataCatalog")), ("name", .string(strings["data_title"] ?? "")),
                                              ("url", .string(absolute(CataloguePaths.index(language))))])))
        members.append(("variableMeasured", .array(dataset.columnTexts(language, strings: strings).map { column in
            var property: [(String, JSONValue)] = [("@type", .string("PropertyValue")), ("name", .string(column.name)),
                                                   ("description", .string(column.label))]
            if !column.unit.isEmpty { property.append(("unitText", .string(column.unit))) }
            return .object(property)
        })))
        members.append(("distribution", .array(dataset.distributions.map { file in
            .object([("@type", .string("DataDownload")), ("contentUrl", .string(absolute(file.path))),
                     ("encodingFormat", .string(file.mediaType)), ("inLanguage", .string(file.language.htmlLang))])
        })))
        return .object(members)
    }

    func catalogue(_ datasets: [CatalogueDataset], path: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")), ("@type", .string("DataCatalog")),
            ("@id", .string(absolute(path))), ("url", .string(absolute(path))),
            ("name", .string(strings["data_title"] ?? "")), ("description", .string(strings["data_intro"] ?? "")),
            ("inLanguage", .string(language.htmlLang)), ("license", .string(licence.url)),
        ]
        if let publisher { members.append(("publisher", publisher)) }
        members.append(("dataset", .array(datasets.map { dataset in
            let page = absolute(CataloguePaths.dataset(dataset.name, language))
            return .object([("@type", .string("Dataset")), ("@id", .string(page)), ("url", .string(page)),
                            ("name", .string(dataset.title(language))), ("description", .string(dataset.description(language))),
                            ("license", .string(licence.url))])
        })))
        return .object(members)
    }

    /// The agency of site.yaml as a `GovernmentOrganization`, or nil when the site declares none.
    private var publisher: JSONValue? {
        guard let agency = site.settings.agency else { return nil }
        return .object([("@type", .string("GovernmentOrganization")), ("name", .string(agency.name[language])),
                        ("telephone", .string(agency.phone)), ("email", .string(agency.email))])
    }
}
