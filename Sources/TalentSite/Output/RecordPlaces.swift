/// Every record of a model by its section and slug, as its place in the model (section and entry positions): the
/// search collector's look-up from a page to its record. It lives from planning to the end of the build; holding a
/// copy of the section (its schema, hundreds of bytes) per record made it about 15 MB on the 20k corpus.
struct RecordPlaces: Sendable {
    private let site: SiteModel
    private let places: [RecordID: (section: Int, entry: Int)]

    init(site: SiteModel) {
        self.site = site
        var places: [RecordID: (section: Int, entry: Int)] = [:]
        places.reserveCapacity(site.sections.reduce(0) { $0 + $1.entries.count })
        for (section, part) in site.sections.enumerated() {
            for (entry, item) in part.entries.enumerated() {
                places[RecordID(section: part.schema.name, slug: item.slug)] = (section, entry)
            }
        }
        self.places = places
    }

    /// The record `id`'s section and entry, as a dictionary of them answered (the last of a repeated id).
    subscript(id: RecordID) -> (section: SiteModel.Section, entry: Entry)? {
        guard let place = places[id] else { return nil }
        let section = site.sections[place.section]
        return (section, section.entries[place.entry])
    }
}
