/// Checks references between records and from the menu: each must land on a page the build writes.
struct ReferenceCheck {
    let model: SiteModel
    let log: DiagnosticLog

    func run(failed: Set<String>) {
        for section in model.sections {
            for spec in section.schema.fields {
                guard case .ref(let target) = spec.type.element else { continue }
                guard model.section(target) != nil else {
                    if failed.contains("\(target)/*") { continue }  // its schema's errors are reported
                    let hint = Suggestion.phrase(for: target, among: model.sections.map(\.schema.name))
                    log.error(spec.location ?? section.schema.location, "field '\(spec.name)' refers to section '\(target)', which does not exist\(hint)")
                    continue
                }
                for entry in section.entries {
                    for record in entry.versions.values.sorted(by: { $0.language < $1.language }) {
                        for case .ref(let slug) in record.fields[spec.name]?.elements ?? [] where model.entry(section: target, slug: slug) == nil && !failed.contains("\(target)/\(slug)") {
                            if let draft = model.unwritten.drafts["\(target)/\(slug)"] {
                                log.error(record.location(of: spec.name),
                                          "'\(spec.name)' refers to \(target) '\(slug)': that \(draft.noun) is a draft (\(draft.location))")
                            } else {
                                let slugs = model.section(target)?.entries.map(\.slug) ?? []
                                let hint = Suggestion.closest(to: slug, among: slugs).map { "; did you mean '\($0)'?" } ?? ""
                                log.error(record.location(of: spec.name),
                                          "'\(spec.name)' refers to \(target) '\(slug)', which does not exist (no content/\(target)/\(slug).*)\(hint)")
                            }
                        }
                    }
                }
            }
        }
        checkMenu(failed: failed)
    }

    private func checkMenu(failed: Set<String>) {
        for (item, key) in model.settings.menu.map({ ($0, "menu") }) + model.settings.footerMenu.map({ ($0, "footer_menu") }) {
            switch item.target {
            case .section(let name):
                if failed.contains("\(name)/*") { continue }
                guard let section = model.section(name), section.schema.hasListPage else {
                    let hint = Suggestion.phrase(for: name, among: model.sections.filter(\.schema.hasListPage).map(\.schema.name))
                    log.error(item.location, "\(key) entry names section '\(name)', which has no list page\(hint)")
                    continue
                }
            case .page(let slug):
                let found = model.sections.contains { $0.schema.atSiteRoot && $0.entries.contains { $0.slug == slug } }
                let roots = model.sections.filter(\.schema.atSiteRoot).map(\.schema.name)
                if !found, let draft = roots.lazy.compactMap({ model.unwritten.drafts["\($0)/\(slug)"] }).first {
                    log.error(item.location, "\(key) entry names page '\(slug)': that \(draft.noun) is a draft (\(draft.location))")
                } else if !found && !roots.contains(where: { failed.contains("\($0)/\(slug)") }) {
                    let pages = model.sections.filter(\.schema.atSiteRoot).flatMap { $0.entries.map(\.slug) }
                    log.error(item.location, "\(key) entry names page '\(slug)', which does not exist\(Suggestion.phrase(for: slug, among: pages))")
                }
            }
        }
    }
}

extension FieldType {
    /// The element type of a list, or the type itself.
    var element: FieldType {
        if case .list(let element) = self { return element }
        return self
    }
}
