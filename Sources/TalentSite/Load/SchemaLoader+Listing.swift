import Yams

/// The listing keys of `_section.yaml`: `sort`, `page_size`, `lifecycle`, `group_by`, `archive`.
extension SchemaLoader {
    static let listingKeys = ["page_size", "lifecycle", "open_until", "group_by", "archive", "summary_limit"]

    func loadListing(_ root: YAMLMapping<Node>, fields: [FieldSpec]) -> ListingSpec {
        var listing = ListingSpec()
        let sortable = BuiltInField.allCases.filter(\.isSortable).map(\.name) + ["slug"] + fields.map(\.name)
        if let node = root.value("sort") {
            let keys = names(node, key: "sort", in: root)
            listing.sort = keys.compactMap { text in
                let descending = text.hasPrefix("-")
                let field = descending ? String(text.dropFirst()) : text
                guard sortable.contains(field) else {
                    log.error(root.location(of: "sort"), "cannot sort by '\(field)': it is not a field of this section")
                    return nil
                }
                return SortOrder(field: field, descending: descending)
            }
        }
        if let limit = integer(root, "summary_limit") {
            if limit < 20 { log.error(root.location(of: "summary_limit"), "'summary_limit' must be at least 20") } else { listing.summaryLimit = limit }
        }
        if let size = integer(root, "page_size") {
            if size < 1 || size > 10_000 {
                log.error(root.location(of: "page_size"), "'page_size' must be between 1 and 10000, not \(size)")
            } else {
                listing.pageSize = size
            }
        }
        if root.value("open_until") != nil {
            log.error(root.location(of: "open_until"),
                      "'open_until' is replaced by 'lifecycle': write 'lifecycle: {apply_until: apply_until, start: start, end: end}' (apply_until and end optional)")
        }
        if let node = root.value("lifecycle") {
            listing.lifecycle = loadLifecycle(node, fields: fields, source: root.source)
        }
        if let node = root.value("group_by") {
            listing.groupBy = names(node, key: "group_by", in: root).filter { field in
                guard let spec = fields.first(where: { $0.name == field }), spec.type.isGroupable else {
                    log.error(root.location(of: "group_by"), "cannot group by '\(field)': use a key, int or date field of this section")
                    return false
                }
                return true
            }
        }
        if let field = root.string("archive", required: false, log: log) {
            let type = fields.first(where: { $0.name == field })?.type
            if type == .int || type == .date || field == BuiltInField.date.name {
                listing.archiveBy = field
            } else {
                log.error(root.location(of: "archive"), "'archive' must name an int (year) or date field of this section, not '\(field)'")
            }
        }
        if fields.contains(where: \.onlyWhileOpen) && listing.lifecycle == nil {
            log.error(root.location, "a field is 'only_while_open' but the section declares no 'lifecycle'")
        }
        return listing
    }

    /// `lifecycle: {apply_until: apply_until, start: start, end: end}`: each value names a date field.
    private func loadLifecycle(_ node: Node, fields: [FieldSpec], source: YAMLSource) -> Lifecycle? {
        guard let mapping = YAMLMapping(node, source: source, what: "'lifecycle'", log: log) else { return nil }
        mapping.rejectUnknownKeys(allowed: ["apply_until", "start", "end"], in: "'lifecycle'", log: log)
        func dateField(_ key: String, required: Bool) -> String? {
            guard let name = mapping.string(key, required: required, log: log) else { return nil }
            guard fields.first(where: { $0.name == name })?.type == .date else {
                log.error(mapping.location(of: key), "lifecycle '\(key)' must name a date field of this section, not '\(name)'")
                return nil
            }
            return name
        }
        let applyUntil = dateField("apply_until", required: false)
        let end = dateField("end", required: false)
        guard let start = dateField("start", required: true) else { return nil }
        return Lifecycle(applyUntil: applyUntil, start: start, end: end)
    }

    /// A single name or a list of names.
    private func names(_ node: Node, key: String, in root: YAMLMapping<Node>) -> [String] {
        if let items = node.items {
            return items.compactMap { item in
                guard let text = item.scalarText, !text.isEmpty else {
                    log.error(root.source.location(of: item), "'\(key)' entries must be field names")
                    return nil
                }
                return text
            }
        }
        guard let text = node.scalarText, !text.isEmpty else {
            log.error(root.source.location(of: node), "'\(key)' must be a field name or a list of them")
            return []
        }
        return [text]
    }
}

extension FieldType {
    /// Single values that make sensible group headings.
    var isGroupable: Bool {
        switch self {
        case .key, .int, .date: return true
        default: return false
        }
    }
}
