/// The first, quick step of a rebuild in `serve`: render just the edited records' own pages, against the
/// previous model with the edited records swapped in, so the browser shows the edit in milliseconds. The
/// full rebuild follows (lists, other records' pages, feeds, search) and replaces the preview; tabs are
/// told to reload again only for pages that then differ from what the preview showed.
extension Pipeline {
    /// The edited records' pages (URL path, output file, bytes), or nil when a preview cannot stand in for
    /// the rebuild (a record changed whether it is a draft, has no place in the model, the site has no record
    /// pages, rendering reported a problem).
    func preview(_ updated: [(old: Record, new: Record)], after previous: PipelineState) -> [(url: String, file: String, bytes: [UInt8])]? {
        let records = updated.map(\.new)
        guard updated.allSatisfy({ $0.old.draft == $0.new.draft }),
              let pages = formats.lazy.compactMap({ $0 as? RecordPages }).first,
              let patched = previous.site.replacing(records) else { return nil }
        let log = DiagnosticLog()
        let ids = Set(records.map { RecordID(section: $0.section, slug: $0.slug) })
        let theme = previous.loaded.theme
        let jobs = pages.jobs(PlanInput(site: patched, theme: theme, log: log), only: ids)
        let env = RenderEnvironment(site: patched, theme: theme, plannedPaths: Set(previous.plan.paths.keys),
                                    summaries: previous.summaries.updating(records), formats: formats, log: log)
        var rendered: [(url: String, file: String, bytes: [UInt8])] = []
        for job in jobs {
            guard let path = previous.plan.paths[job.path], let bytes = job.render(env) else { return nil }
            rendered.append((job.path, path.relative, bytes))
        }
        return log.all.isEmpty && !rendered.isEmpty ? rendered : nil
    }
}

extension SiteModel {
    /// This model with `records` in place of their versions of the same section, slug and language;
    /// nil when one of them has no such version.
    func replacing(_ records: [Record]) -> SiteModel? {
        var copy = self
        for record in records {
            guard let section = copy.sections.firstIndex(where: { $0.schema.name == record.section }),
                  let entry = copy.sections[section].entries.firstIndex(where: { $0.slug == record.slug }),
                  copy.sections[section].entries[entry].versions[record.language] != nil else { return nil }
            copy.sections[section].entries[entry].versions[record.language] = record
        }
        return copy
    }
}
