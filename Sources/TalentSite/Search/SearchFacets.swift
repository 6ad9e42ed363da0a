/// The search filters, read from the catalogue's own declarations: the section, every taxonomy
/// vocabulary a section's fields use (industry, region, course kind), the status of sections with a
/// lifecycle (open, closed, in progress, ended on the build day) and the archive year of sections
/// that have one (award winners). Nothing here names a section or a field.
struct SearchFacets: Sendable {
    static let section = "section"
    static let year = "year"
    static let status = "status"

    let site: SiteModel

    /// The facets in the order the search page shows them, labelled in `language`.
    func facets(_ language: Language, strings: [String: String]) -> [SearchFacet] {
        let sections = site.sections.filter { !$0.entries.isEmpty }
        var facets = [SearchFacet(name: Self.section, label: strings["search_section"] ?? "Section",
                                  values: sections.map { .init(key: $0.schema.name, label: $0.schema.title[language]) })]
        if sections.contains(where: { $0.schema.listing.lifecycle != nil }) {
            facets.append(SearchFacet(name: Self.status, label: strings["search_status"] ?? "Status",
                                      values: Lifecycle.Status.allCases.map { .init(key: $0.key, label: strings[$0.stringKey] ?? $0.key) }))
        }
        for vocabulary in site.settings.taxonomies where sections.contains(where: { uses($0.schema, vocabulary) }) {
            facets.append(SearchFacet(name: vocabulary.name, label: vocabulary.label[language],
                                      values: vocabulary.terms.map { .init(key: $0.key, label: $0.label[language]) }))
        }
        let years = Set(sections.flatMap { section in
            section.schema.listing.archiveBy.map { field in section.entries.compactMap { $0.versions.values.first?.year(of: field) } } ?? []
        })
        if !years.isEmpty {
            facets.append(SearchFacet(name: Self.year, label: strings["search_year"] ?? "Year",
                                      values: years.sorted(by: >).map { .init(key: String($0), label: String($0)) }))
        }
        return facets
    }

    /// Facet values of one record (the same in every language: only keys, numbers and the section).
    func filters(of record: Record, schema: SectionSchema) -> [String: [String]] {
        var filters = [Self.section: [schema.name]]
        for field in schema.fields {
            guard case .key(let name) = field.type.element, site.settings.vocabularies[name]?.isTaxonomy == true,
                  let value = record.fields[field.name] else { continue }
            for case .key(let key) in value.elements where !(filters[name]?.contains(key) ?? false) {
                filters[name, default: []].append(key)
            }
        }
        if let status = record.status(in: schema.listing, on: site.buildDay) {
            filters[Self.status] = [status.key]
        }
        if let field = schema.listing.archiveBy, let year = record.year(of: field) {
            filters[Self.year] = [String(year)]
        }
        return filters
    }

    private func uses(_ schema: SectionSchema, _ vocabulary: Vocabulary) -> Bool {
        schema.fields.contains { $0.type.element == .key(vocabulary: vocabulary.name) }
    }
}
