/// `/data/catalog.jsonld`: the datasets as a W3C DCAT `dcat:Catalog`, for harvesters of open-data portals.
/// Its prefixes are declared in the file itself, so it expands without fetching any context.
/// Texts carry a language tag per site language; frequencies use the EU vocabulary DCAT-AP names.
struct DCATCatalogue {
    let site: SiteModel
    let datasets: [CatalogueDataset]
    let licence: CatalogueLicence

    static let context: JSONValue = .object([
        ("dcat", .string("http://www.w3.org/ns/dcat#")), ("dct", .string("http://purl.org/dc/terms/")),
        ("foaf", .string("http://xmlns.com/foaf/0.1/")), ("vcard", .string("http://www.w3.org/2006/vcard/ns#")),
        ("xsd", .string("http://www.w3.org/2001/XMLSchema#")),
    ])
    static let mediaTypes = "http://www.iana.org/assignments/media-types/"
    static let fileTypes = "http://publications.europa.eu/resource/authority/file-type/"

    private func absolute(_ path: String) -> String { site.settings.absoluteURL(path) }
    private static func id(_ iri: String) -> JSONValue { .object([("@id", .string(iri))]) }

    /// One value per language, tagged with the language's HTML code (`zh-Hant-TW`, `en`).
    private func tagged(_ text: (Language) -> String) -> JSONValue {
        .array(site.settings.languages.map { language in
            .object([("@value", .string(text(language))), ("@language", .string(language.htmlLang))])
        })
    }

    var document: JSONValue {
        let index = CataloguePaths.index(site.settings.defaultLanguage)
        var members: [(String, JSONValue)] = [
            ("@context", Self.context), ("@id", .string(absolute(CataloguePaths.jsonLD))), ("@type", .string("dcat:Catalog")),
            ("dct:title", tagged { $0.siteTitle }), ("dct:description", tagged { $0.siteDescription }),
            ("foaf:homepage", Self.id(absolute(index))), ("dct:license", Self.id(licence.url)),
        ]
        if let publisher { members.append(("dct:publisher", publisher)) }
        members.append(("dcat:dataset", .array(datasets.map(dataset))))
        return .object(members)
    }

    private func dataset(_ dataset: CatalogueDataset) -> JSONValue {
        let landing = absolute(CataloguePaths.dataset(dataset.name, site.settings.defaultLanguage))
        var members: [(String, JSONValue)] = [
            ("@id", .string(landing)), ("@type", .string("dcat:Dataset")), ("dct:identifier", .string(dataset.name)),
            ("dct:title", tagged { dataset.title($0) }), ("dct:description", tagged { dataset.description($0) }),
        ]
        if let publisher { members.append(("dct:publisher", publisher)) }
        if let contact { members.append(("dcat:contactPoint", contact)) }
        members += [
            ("dct:license", Self.id(licence.url)),
            ("dct:accrualPeriodicity", Self.id(dataset.frequency.euFrequency)),
            ("dcat:landingPage", Self.id(landing)),
        ]
        if let modified = dataset.modified {
            members.append(("dct:modified", .object([("@value", .string(modified.iso)), ("@type", .string("xsd:date"))])))
        }
        members.append(("dcat:distribution", .array(dataset.distributions.map { file in
            let url = absolute(file.path)
            return .object([
                ("@id", .string(url)), ("@type", .string("dcat:Distribution")),
                ("dct:title", .object([("@value", .string("\(dataset.title(file.language)) (\(file.format))")),
                                       ("@language", .string(file.language.htmlLang))])),
                ("dcat:downloadURL", Self.id(url)), ("dcat:accessURL", Self.id(url)),
                ("dcat:mediaType", Self.id(Self.mediaTypes + file.mediaType)),
                ("dct:format", Self.id(Self.fileTypes + file.format)),
                ("dct:license", Self.id(licence.url)),
            ])
        })))
        return .object(members)
    }

    private var publisher: JSONValue? {
        guard let agency = site.settings.agency else { return nil }
        return .object([("@type", .string("foaf:Agent")), ("foaf:name", tagged { agency.name[$0] })])
    }

    private var contact: JSONValue? {
        guard let agency = site.settings.agency else { return nil }
        var members: [(String, JSONValue)] = [("@type", .string("vcard:Organization")), ("vcard:fn", tagged { agency.name[$0] })]
        if !agency.email.isEmpty { members.append(("vcard:hasEmail", Self.id("mailto:" + agency.email))) }
        if !agency.tel.isEmpty { members.append(("vcard:hasTelephone", Self.id("tel:" + agency.tel))) }
        return .object(members)
    }
}
