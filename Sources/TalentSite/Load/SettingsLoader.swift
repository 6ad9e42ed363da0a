import Yams

/// Reads `content/site.yaml`: languages, base URL, vocabularies and menu.
struct SettingsLoader {
    static let path = "content/site.yaml"

    let tree: SourceTree
    let log: DiagnosticLog

    func load() -> SiteSettings? {
        let source = YAMLSource(file: Self.path, lineOffset: 0)
        guard tree.fileExists(Self.path) else {
            log.error(SourceLocation(file: Self.path), "missing site settings file")
            return nil
        }
        let parsed: Node?
        switch tree.text(of: Self.path).flatMap({ source.parse($0) }) {
        case .success(let node): parsed = node
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        guard let root = YAMLMapping(parsed, source: source, what: "site.yaml", log: log) else { return nil }
        root.rejectUnknownKeys(allowed: ["base_url", "languages", "vocabularies", "menu", "footer_menu", "agency"], in: "site.yaml", log: log)

        let baseURL = root.string("base_url", required: true, log: log) ?? "https://example.org/"
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || !URLPolicy.isAllowedExternal(baseURL) {
            log.error(root.location(of: "base_url"), "'base_url' must be an absolute http(s) URL")
        }
        let languages = loadLanguages(root)
        guard !languages.isEmpty else { return nil }
        let codes = languages.map(\.code)
        let vocabularies = loadVocabularies(root, languages: codes)
        let menu = loadMenu(root, key: "menu")
        let footerMenu = loadMenu(root, key: "footer_menu")
        let agency = root.value("agency").flatMap { loadAgency($0, source: root.source, languages: codes) }
        var settings = SiteSettings(baseURL: baseURL.hasSuffix("/") ? baseURL : baseURL + "/",
                            languages: languages, vocabularies: vocabularies, menu: menu, agency: agency)
        settings.footerMenu = footerMenu
        return settings
    }

    /// `agency: {name, address, service_hours: {zh-TW, en}, phone, email, sample}`: every key but `sample` required.
    private func loadAgency(_ node: Node, source: YAMLSource, languages: [String]) -> Agency? {
        guard let mapping = YAMLMapping(node, source: source, what: "'agency'", log: log) else { return nil }
        mapping.rejectUnknownKeys(allowed: ["name", "address", "service_hours", "phone", "email", "sample"], in: "'agency'", log: log)
        let name = mapping.localized("name", languages: languages, required: true, log: log)
        let address = mapping.localized("address", languages: languages, required: true, log: log)
        let hours = mapping.localized("service_hours", languages: languages, required: true, log: log)
        let phone = mapping.string("phone", required: true, log: log)
        let email = mapping.string("email", required: true, log: log)
        let sample = mapping.bool("sample", default: false, log: log)
        let tel = phone.map { "+886" + String($0.filter(\.isNumber).drop { $0 == "0" }) }
        if let phone, let tel, tel.count < 9 || phone.contains(where: { !($0.isNumber || " ()-+#".contains($0)) }) {
            log.error(mapping.location(of: "phone"), "'phone' must be a Taiwan phone number such as (02) 2345-6789, not \(FieldDecoder.quoted(phone))")
        }
        if let email, !Self.looksLikeEmail(email) {
            log.error(mapping.location(of: "email"), "'email' must be an address such as service@agency.gov.tw, not \(FieldDecoder.quoted(email))")
        }
        guard let name, let address, let hours, let phone, let tel, let email else { return nil }
        return Agency(name: name, address: address, serviceHours: hours, phone: phone, tel: tel, email: email, sample: sample)
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !text.contains(where: { $0.isWhitespace || "<>\"'".contains($0) })
    }

    private func loadLanguages(_ root: YAMLMapping<Node>) -> [Language] {
        guard let mapping = YAMLMapping(root.value("languages"), source: root.source, what: "'languages'", log: log) else { return [] }
        if mapping.entries.isEmpty {
            log.error(mapping.location, "'languages' declares no language; the first one declared is the site's default")
        }
        var languages: [Language] = []
        for (index, entry) in mapping.entries.enumerated() {
            guard let fields = YAMLMapping(entry.value, source: root.source, what: "language '\(entry.key)'", log: log) else { continue }
            fields.rejectUnknownKeys(allowed: ["html_lang", "name", "prefix", "title", "description"],
                                     in: "language '\(entry.key)'", log: log)
            let prefix = fields.string("prefix", required: false, log: log) ?? (index == 0 ? "" : entry.key.lowercased())
            if index == 0 && !prefix.isEmpty {
                log.error(fields.location(of: "prefix"), "the first (default) language is served at the site root: its prefix must be empty")
            }
            if index > 0 && !Slug.isValid(prefix) {
                log.error(fields.location(of: "prefix"), "a language prefix must be a slug such as 'en'")
            }
            languages.append(Language(
                code: entry.key,
                htmlLang: fields.string("html_lang", required: true, log: log) ?? entry.key,
                prefix: prefix,
                name: fields.string("name", required: true, log: log) ?? entry.key,
                siteTitle: fields.string("title", required: true, log: log) ?? "",
                siteDescription: fields.string("description", required: true, log: log) ?? ""))
        }
        return languages
    }

    private func loadVocabularies(_ root: YAMLMapping<Node>, languages: [String]) -> [String: Vocabulary] {
        guard let node = root.value("vocabularies") else { return [:] }
        guard let mapping = YAMLMapping(node, source: root.source, what: "'vocabularies'", log: log) else { return [:] }
        var result: [String: Vocabulary] = [:]
        for (position, entry) in mapping.entries.enumerated() {
            guard let fields = YAMLMapping(entry.value, source: root.source, what: "vocabulary '\(entry.key)'", log: log) else { continue }
            fields.rejectUnknownKeys(allowed: ["label", "taxonomy", "terms"], in: "vocabulary '\(entry.key)'", log: log)
            let label = fields.localized("label", languages: languages, required: true, log: log)
            guard let termsMapping = YAMLMapping(fields.value("terms"), source: root.source,
                                                 what: "'terms' of vocabulary '\(entry.key)'", log: log) else { continue }
            var terms: [Vocabulary.Term] = []
            for term in termsMapping.entries {
                if !Slug.isValid(term.key) {
                    log.error(root.source.location(of: term.keyNode), "term key '\(term.key)' must be a slug (lowercase a-z, 0-9 and '-')")
                }
                if let text = YAMLMapping<Node>.localized(term.value, source: root.source, name: term.key, languages: languages, log: log) {
                    terms.append(Vocabulary.Term(key: term.key, label: text))
                }
            }
            let isTaxonomy = fields.bool("taxonomy", default: false, log: log)
            if isTaxonomy && !Slug.isValid(entry.key) {
                log.error(root.source.location(of: entry.keyNode),
                          "taxonomy '\(entry.key)' names its pages' URL (/\(entry.key)/), so it must be a slug (lowercase a-z, 0-9 and '-')")
            }
            result[entry.key] = Vocabulary(name: entry.key, label: label ?? LocalizedText([:]), terms: terms,
                                           isTaxonomy: isTaxonomy, position: position)
        }
        return result
    }

    private func loadMenu(_ root: YAMLMapping<Node>, key: String) -> [MenuItem] {
        guard let node = root.value(key) else { return [] }
        guard let items = node.items else {
            log.error(root.source.location(of: node), "'\(key)' must be a list of '- section: NAME' or '- page: SLUG' entries")
            return []
        }
        var menu: [MenuItem] = []
        for item in items {
            let location = root.source.location(of: item)
            guard let pairs = item.pairs, pairs.count == 1, let value = pairs[0].value.scalarText,
                  ["section", "page"].contains(pairs[0].key) else {
                log.error(location, "a menu entry must be '- section: NAME' or '- page: SLUG'")
                continue
            }
            menu.append(MenuItem(target: pairs[0].key == "section" ? .section(value) : .page(value), location: location))
        }
        return menu
    }
}
