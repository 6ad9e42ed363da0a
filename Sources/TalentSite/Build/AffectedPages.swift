/// Which planned outputs an edit to some records affects: their own pages, always; every output that is
/// not a page (feeds, sitemaps, indexes summarise everything); and when what lists show changed (title,
/// date, summary, fields, draft, sample), also list and home pages, the pages of records that refer to them,
/// and the pages of the records they refer to (before or after the edit), which list them as reverse references.
/// An edited standalone page can be in the menu of every page, so it affects everything.
struct AffectedPages {
    private var records: Set<RecordID> = []
    private var listingChanged = false
    private var everything = false

    init(site: SiteModel, updated: [(old: Record, new: Record)], oldSummaries: SummaryIndex, newSummaries: SummaryIndex) {
        var changedListings: Set<RecordID> = []
        for (old, new) in updated {
            let id = RecordID(section: new.section, slug: new.slug)
            records.insert(id)
            let sameListing = old.title == new.title && old.date == new.date && old.summary == new.summary
                && old.draft == new.draft && old.sample == new.sample && old.fields == new.fields && oldSummaries.summary(of: old) == newSummaries.summary(of: new)
            if !sameListing {
                changedListings.insert(id)
                records.formUnion(Self.referenced(by: [old, new], schema: site.section(new.section)?.schema))
            }
            if site.section(new.section)?.schema.atSiteRoot == true && !sameListing { everything = true }
        }
        listingChanged = !changedListings.isEmpty
        guard listingChanged else { return }
        for section in site.sections {
            for spec in section.schema.fields {
                guard case .ref(let target) = spec.type.element else { continue }
                for entry in section.entries {
                    let refers = entry.versions.values.contains { record in
                        (record.fields[spec.name]?.elements ?? []).contains { value in
                            if case .ref(let slug) = value { return changedListings.contains(RecordID(section: target, slug: slug)) }
                            return false
                        }
                    }
                    if refers { records.insert(RecordID(section: section.schema.name, slug: entry.slug)) }
                }
            }
        }
    }

    /// The records that `versions` name in their reference fields.
    private static func referenced(by versions: [Record], schema: SectionSchema?) -> Set<RecordID> {
        var result: Set<RecordID> = []
        for spec in schema?.fields ?? [] {
            guard case .ref(let target) = spec.type.element else { continue }
            for record in versions {
                for case .ref(let slug) in record.fields[spec.name]?.elements ?? [] { result.insert(RecordID(section: target, slug: slug)) }
            }
        }
        return result
    }

    func contains(_ job: OutputJob) -> Bool {
        if everything { return true }
        guard let page = job.page else { return true }
        guard let record = page.record else { return listingChanged }
        return records.contains(record)
    }
}
