import Synchronization

/// Lookups that pages would otherwise answer by scanning a section: a referenced record by slug (every fact naming
/// another record), and the records sharing a group (an award page lists the other winners of its year and category).
/// Each index is made on first use, once per build, from the model the environment holds.
final class RecordIndex: Sendable {
    private let site: SiteModel
    /// Section name → slug → entry.
    private let slugs = Mutex<[String: [String: Entry]]?>(nil)
    /// Section, language → the values of the section's `group_by` fields → entries with that group, in section order.
    private let groups = Mutex<[String: [[FieldValue?]: [Entry]]]>([:])

    init(site: SiteModel) { self.site = site }

    /// The entry `slug` of section `section`, as `SiteModel.entry(section:slug:)` finds it (the first of that slug).
    func entry(section: String, slug: String) -> Entry? {
        slugs.withLock { index in
            if index == nil {
                var made: [String: [String: Entry]] = [:]
                for section in site.sections where made[section.schema.name] == nil {
                    var bySlug: [String: Entry] = [:]
                    for entry in section.entries where bySlug[entry.slug] == nil { bySlug[entry.slug] = entry }
                    made[section.schema.name] = bySlug
                }
                index = made
            }
            return index?[section]?[slug]
        }
    }

    /// The entries of `section` that exist in `language` and whose `fields` hold `key`, in section order.
    func group(section: SiteModel.Section, fields: [String], language: String, key: [FieldValue?]) -> [Entry] {
        let name = section.schema.name + "\u{0}" + language
        return groups.withLock { indexes in
            if let index = indexes[name] { return index[key] ?? [] }
            var index: [[FieldValue?]: [Entry]] = [:]
            for entry in section.entries {
                guard let record = entry.versions[language] else { continue }
                index[fields.map { record.fields[$0] }, default: []].append(entry)
            }
            indexes[name] = index
            return index[key] ?? []
        }
    }
}
