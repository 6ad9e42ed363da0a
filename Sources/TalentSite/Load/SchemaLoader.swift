import Yams

/// Reads a section's `_section.yaml`: its fields, labels, template, order and data source.
struct SchemaLoader {
    static let fileName = "_section.yaml"
    /// Fields every page has; a schema may not redeclare them.
    static let builtInFields = BuiltInField.allCases.map(\.name) + [TranslationFingerprint.key]

    let tree: SourceTree
    let settings: SiteSettings
    let log: DiagnosticLog

    var languageCodes: [String] { settings.languages.map(\.code) }

    func load(section: String) -> SectionSchema? {
        let path = "content/\(section)/\(Self.fileName)"
        let source = YAMLSource(file: path, lineOffset: 0)
        let parsed: Node?
        switch tree.text(of: path).flatMap({ source.parse($0) }) {
        case .success(let node): parsed = node
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        guard let root = YAMLMapping(parsed, source: source, what: Self.fileName, log: log) else { return nil }
        root.rejectUnknownKeys(allowed: ["title", "singular", "intro", "about", "template", "list", "at_site_root", "sort", "data", "fields", "rules"] + Self.listingKeys + ["json_ld", "feed", "open_data", "dataset"],
                               in: Self.fileName, log: log)
        let title = root.localized("title", languages: languageCodes, required: true, log: log)
        let intro = root.localized("intro", languages: languageCodes, required: false, log: log)
        let singular = root.localized("singular", languages: languageCodes, required: false, log: log)
        let about = root.localized("about", languages: languageCodes, required: false, log: log)
        var aboutLocations: [String: SourceLocation] = [:]
        if let node = root.value("about"), let pairs = node.pairs {
            for pair in pairs {
                // A block scalar (`|`) starts on the line after its key.
                let key = source.location(of: pair.keyNode)
                aboutLocations[pair.key] = SourceLocation(file: key.file, line: key.line + (pair.value.scalarIsBlock ? 1 : 0), column: 1)
            }
        }
        let fields = loadFields(root)
        let listing = loadListing(root, fields: fields)
        let linkedData = root.value("json_ld").flatMap {
            LinkedDataLoader(source: source, fieldNames: fields.map(\.name), log: log).load($0)
        }
        let dataSource = root.value("data").flatMap { loadCSVSource($0, source: source) }
        // A `data` block that failed (its errors are logged) must not leave a section read as Markdown.
        guard let title, root.value("data") == nil || dataSource != nil else { return nil }
        var schema = SectionSchema(
            name: section, title: title, intro: intro,
            template: root.string("template", required: false, log: log) ?? "record",
            fields: fields, source: dataSource.map { .csv($0) } ?? .markdown,
            hasListPage: root.bool("list", default: true, log: log),
            atSiteRoot: root.bool("at_site_root", default: false, log: log),
            listing: listing, linkedData: linkedData,
            hasFeed: root.bool("feed", default: false, log: log), hasOpenData: root.bool("open_data", default: false, log: log),
            location: SourceLocation(file: path))
        schema.singular = singular
        schema.dataset = loadDataset(root, hasOpenData: schema.hasOpenData)
        for entry in root.entries { schema.keyLocations[entry.key] = source.location(of: entry.value) }
        schema.rules = loadRules(root, fields: fields)
        schema.about = about
        schema.aboutLocations = aboutLocations
        return schema
    }

    private func loadFields(_ root: YAMLMapping<Node>) -> [FieldSpec] {
        guard let node = root.value("fields") else { return [] }
        guard let mapping = YAMLMapping(node, source: root.source, what: "'fields'", log: log) else { return [] }
        return mapping.entries.compactMap { entry in
            if Self.builtInFields.contains(entry.key) {
                log.error(root.source.location(of: entry.keyNode), "'\(entry.key)' is built in and cannot be declared again")
                return nil
            }
            return loadField(name: entry.key, node: entry.value, source: root.source)
        }
    }

    private func loadField(name: String, node: Node, source: YAMLSource) -> FieldSpec? {
        guard let spec = YAMLMapping(node, source: source, what: "field '\(name)'", log: log) else { return nil }
        spec.rejectUnknownKeys(allowed: ["type", "list", "required", "label", "vocabulary", "section", "min", "max", "format", "unit",
                                         "reverse_label", "only_while_open", "in_lists"],
                               in: "field '\(name)'", log: log)
        let typeName = spec.string("type", required: true, log: log) ?? "text"
        var location: SourceLocation?
        var type: FieldType
        switch typeName {
        case "text": type = .text
        case "int": type = .int
        case "bool": type = .bool
        case "date": type = .date
        case "url": type = .url
        case "key":
            let vocabulary = spec.string("vocabulary", required: true, log: log) ?? ""
            if settings.vocabularies[vocabulary] == nil && !vocabulary.isEmpty {
                let hint = Suggestion.phrase(for: vocabulary, among: settings.vocabularies.keys.sorted())
                log.error(spec.location(of: "vocabulary"), "vocabulary '\(vocabulary)' is not declared in content/site.yaml\(hint)")
            }
            type = .key(vocabulary: vocabulary)
        case "ref":
            type = .ref(section: spec.string("section", required: true, log: log) ?? "")
            location = spec.value("section").map(source.location(of:))
        default:
            let hint = Suggestion.phrase(for: typeName, among: ["text", "int", "bool", "date", "url", "key", "ref"])
            log.error(spec.location(of: "type"), "unknown field type '\(typeName)'\(hint); use text, int, bool, date, url, key or ref")
            return nil
        }
        if spec.bool("list", default: false, log: log) { type = .list(type) }
        let format = spec.string("format", required: false, log: log).map { text -> NumberFormat in
            guard let format = NumberFormat(rawValue: text) else {
                log.error(spec.location(of: "format"), "unknown format '\(text)'; use plain, grouped, money or percent")
                return .plain
            }
            return format
        } ?? .plain
        var minimum = integer(spec, "min"), maximum = integer(spec, "max")
        if let low = minimum, let high = maximum, low > high {
            log.error(spec.location(of: "max"), "'max' \(high) is less than 'min' \(low) (\(spec.location(of: "min"))): no value could pass")
            (minimum, maximum) = (nil, nil)  // one error here, not one per record
        }
        var field = FieldSpec(
            name: name, type: type, required: spec.bool("required", default: false, log: log),
            label: spec.localized("label", languages: languageCodes, required: true, log: log) ?? LocalizedText([:]),
            minimum: minimum, maximum: maximum, format: format,
            unit: spec.localized("unit", languages: languageCodes, required: false, log: log),
            reverseLabel: spec.localized("reverse_label", languages: languageCodes, required: false, log: log),
            onlyWhileOpen: spec.bool("only_while_open", default: false, log: log),
            inLists: spec.bool("in_lists", default: false, log: log))
        field.location = location
        return field
    }

    func integer(_ spec: YAMLMapping<Node>, _ key: String) -> Int? {
        guard let text = spec.string(key, required: false, log: log) else { return nil }
        guard let number = Int(text) else {
            log.error(spec.location(of: key), "'\(key)' must be an integer")
            return nil
        }
        return number
    }

    private func loadCSVSource(_ node: Node, source: YAMLSource) -> CSVSource? {
        guard let data = YAMLMapping(node, source: source, what: "'data'", log: log) else { return nil }
        data.rejectUnknownKeys(allowed: ["file", "slug", "title", "body"], in: "'data'", log: log)
        guard let file = data.string("file", required: true, log: log) else { return nil }
        if !file.hasSuffix(".csv") || file.contains("/") || file.hasPrefix(".") {
            log.error(data.location(of: "file"), "'file' must name a .csv file in the section folder")
            return nil
        }
        let title = data.localized("title", languages: languageCodes, required: true, log: log)
        let body = data.localized("body", languages: languageCodes, required: false, log: log)
        guard let title, data.value("body") == nil || body != nil else { return nil }
        let slug = data.string("slug", required: false, log: log) ?? "slug"
        let others = title.values.values.sorted() + (body?.values.values.sorted() ?? [])
        if others.contains(slug) {
            log.error(data.location(of: "slug"), "the slug column '\(slug)' is also a title or body column; name a column of its own")
            return nil
        }
        return CSVSource(file: file, slugColumn: slug,
                         titleColumns: title.values, bodyColumns: body?.values ?? [:])
    }
}
