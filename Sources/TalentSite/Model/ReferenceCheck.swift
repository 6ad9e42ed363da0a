/// Checks references between records and from the menu: each must land on a page the build writes.
struct ReferenceCheck {
    let model: SiteModel
    let log: DiagnosticLog

    func run(allRecords: [Record], failed: Set<String>) {
        let drafts = Set(allRecords.filter(\.draft).map { "\($0.section)/\($0.slug)" })
        for section in model.sections {
            for spec in section.schema.fields {
                guard case .ref(let target) = spec.type.element else { continue }
                guard model.section(target) != nil else {
                    log.error(section.schema.location, "field '\(spec.name)' refers to section '\(target)', which does not exist")
                    continue
                }
                for entry in section.entries {
                    for record in entry.versions.values.sorted(by: { $0.language < $1.language }) {
                        for case .ref(let slug) in record.fields[spec.name]?.elements ?? [] where model.entry(section: target, slug: slug) == nil && !failed.contains("\(target)/\(slug)") {
                            let reason = drafts.contains("\(target)/\(slug)") ? "is a draft" : "does not exist"
                            log.error(record.location(of: spec.name),
                                      "'\(spec.name)' refers to \(target) '\(slug)', which \(reason) (no content/\(target)/\(slug).*)")
                        }
                    }
                }
            }
        }
        checkMenu()
    }

    private func checkMenu() {
        for (item, key) in model.settings.menu.map({ ($0, "menu") }) + model.settings.footerMenu.map({ ($0, "footer_menu") }) {
            switch item.target {
            case .section(let name):
                guard let section = model.section(name), section.schema.hasListPage else {
                    log.error(item.location, "\(key) entry names section '\(name)', which has no list page")
                    continue
                }
            case .page(let slug):
                let found = model.sections.contains { $0.schema.atSiteRoot && $0.entries.contains { $0.slug == slug } }
                if !found { log.error(item.location, "\(key) entry names page '\(slug)', which does not exist") }
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
