import Yams

/// Everything in `templates/`: Mustache templates, UI strings per language, and static files copied as they are.
public struct Theme: Sendable {
    var library: TemplateLibrary
    public var templateNames: Set<String>
    /// UI strings by language code, then key (`templates/i18n/<lang>.yaml`).
    public var strings: [String: [String: String]]
    /// Static files by their path under `templates/static/`.
    public var assets: [String: [UInt8]]

    public func hasTemplate(_ name: String) -> Bool { templateNames.contains(name) }
}

extension Theme {
    static let folder = "templates"
    /// Templates every site needs; the build stops early with a clear error if one is missing.
    static let requiredTemplates = ["layout", "record", "list", "home"]

    /// Loads and parses all of `templates/`, logging every parse error with its position.
    public static func load(tree: SourceTree, languages: [Language], log: DiagnosticLog) -> Theme? {
        let files: [String]
        do { files = try tree.files(under: folder) } catch {
            log.error(SourceLocation(file: folder), "cannot list the templates folder: \(error)")
            return nil
        }
        var templates: [String: [TemplateNode]] = [:]
        var includes: [String: [PartialCycles.Include]] = [:]
        var assets: [String: [UInt8]] = [:]
        for path in files {
            let relative = String(path.dropFirst(folder.count + 1))
            if relative.hasPrefix("static/") {
                assets[String(relative.dropFirst("static/".count))] = (try? tree.contents(of: path)).map { Array($0) } ?? []
            } else if relative.hasSuffix(".mustache") {
                let text: String
                switch tree.text(of: path) {
                case .success(let read): text = read
                case .failure(let diagnostic): log.add(diagnostic); continue  // unreadable, or not UTF-8 (says where)
                }
                includes[String(relative.dropLast(".mustache".count))] = PartialCycles.includes(in: text)
                do {
                    templates[String(relative.dropLast(".mustache".count))] = try TemplateParser.parse(text)
                } catch {
                    log.error(SourceLocation(file: path, line: error.line, column: error.column), "template syntax error: \(error.message)")
                }
            }
        }
        for name in requiredTemplates where templates[name] == nil {
            log.error(SourceLocation(file: "\(folder)/\(name).mustache"), "required template is missing")
        }
        // A missing partial renders as nothing: a typo would silently drop part of every page.
        let fileNames = Set(includes.keys)
        for (name, tags) in includes.sorted(by: { $0.key < $1.key }) where templates[name] != nil {
            for tag in tags where !fileNames.contains(tag.name) {
                log.error(SourceLocation(file: "\(folder)/\(name).mustache", line: tag.line, column: tag.column),
                          "partial '\(tag.name)' does not exist (templates/\(tag.name).mustache)\(Suggestion.phrase(for: tag.name, among: fileNames.sorted()))")
            }
        }
        // A template that includes itself would recurse until the stack overflows: no theme to render with.
        let cycles = PartialCycles.find(includes.filter { templates[$0.key] != nil })
        for cycle in cycles {
            log.error(SourceLocation(file: "\(folder)/\(cycle.template).mustache", line: cycle.include.line, column: cycle.include.column),
                      "partial '\(cycle.template)' includes itself (\(cycle.cycle.joined(separator: " → ")))")
        }
        let nested = PartialCycles.nestedParents(includes.filter { templates[$0.key] != nil })
        for found in nested {
            let tag = found.path.dropFirst().first.flatMap { next in includes[found.template]?.first { $0.name == next && !$0.isParent } }
            log.error(SourceLocation(file: "\(folder)/\(found.template).mustache", line: tag?.line ?? found.include.line,
                                     column: tag?.column ?? found.include.column),
                      "'\(found.template)' extends '\(found.include.name)' and includes it again inside its blocks " +
                      "(\(found.path.joined(separator: " → "))), which would render forever; a partial used inside a page must not extend a layout")
        }
        let strings = loadStrings(tree: tree, languages: languages, log: log)
        guard cycles.isEmpty && nested.isEmpty else { return nil }
        return Theme(library: TemplateLibrary(templates), templateNames: Set(templates.keys),
                     strings: strings, assets: assets)
    }

    /// One flat `key: text` table per language; every language must define the default language's keys.
    private static func loadStrings(tree: SourceTree, languages: [Language], log: DiagnosticLog) -> [String: [String: String]] {
        var tables: [String: [String: String]] = [:]
        var keyLocations: [String: [String: SourceLocation]] = [:]
        for language in languages {
            let path = "\(folder)/i18n/\(language.code).yaml"
            let source = YAMLSource(file: path, lineOffset: 0)
            guard tree.fileExists(path) else {
                log.error(SourceLocation(file: path), "missing UI strings for language '\(language.code)'")
                continue
            }
            guard case .success(let node) = tree.text(of: path).flatMap({ source.parse($0) }).mapError({ diagnostic -> Diagnostic in
                log.add(diagnostic); return diagnostic
            }), let mapping = YAMLMapping(node, source: source, what: "UI strings", log: log) else { continue }
            var table: [String: String] = [:]
            for entry in mapping.entries {
                if entry.value.pairs != nil {
                    // A count text by CLDR plural category: {one: "{count} record", other: "{count} records"}.
                    guard let forms = YAMLMapping(entry.value, source: source, what: "plural string '\(entry.key)'", log: log) else { continue }
                    forms.rejectUnknownKeys(allowed: PluralRules.categories, in: "plural string '\(entry.key)'", log: log)
                    if forms.value("other") == nil {
                        log.error(source.location(of: entry.value), "plural string '\(entry.key)' needs an 'other' form")
                    }
                    for form in forms.entries where PluralRules.categories.contains(form.key) {
                        guard let text = form.value.scalarText else {
                            log.error(source.location(of: form.value), "UI string '\(entry.key).\(form.key)' must be a single text")
                            continue
                        }
                        table[PluralRules.key(entry.key, form.key)] = text
                    }
                    keyLocations[language.code, default: [:]][PluralRules.key(entry.key, "other")] = source.location(of: entry.keyNode)
                    continue
                }
                guard let text = entry.value.scalarText else {
                    log.error(source.location(of: entry.value), "UI string '\(entry.key)' must be a single text or a mapping of plural forms")
                    continue
                }
                table[entry.key] = text
                keyLocations[language.code, default: [:]][entry.key] = source.location(of: entry.keyNode)
            }
            tables[language.code] = table
        }
        if let reference = tables[languages[0].code] {
            for language in languages.dropFirst() {
                guard let table = tables[language.code] else { continue }
                for key in reference.keys.sorted() where table[key] == nil {
                    log.error(SourceLocation(file: "\(folder)/i18n/\(language.code).yaml"),
                              "missing UI string '\(key)' (defined at \(keyLocations[languages[0].code]?[key]?.description ?? "?"))")
                }
            }
        }
        return tables
    }
}
