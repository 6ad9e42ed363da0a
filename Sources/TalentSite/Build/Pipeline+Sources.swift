/// The load stage in parts, for commands that need less than the whole site (`new` reads the settings and one
/// schema, `translated` one record too) and for `serve`, which reloads only the records that changed.
extension Pipeline {
    /// `content/site.yaml` alone.
    public func settings(log: DiagnosticLog) -> SiteSettings? { SettingsLoader(tree: tree, log: log).load() }

    /// One section's `_section.yaml`.
    public func schema(section: String, settings: SiteSettings, log: DiagnosticLog) -> SectionSchema? {
        SchemaLoader(tree: tree, settings: settings, log: log).load(section: section)
    }

    /// One Markdown record file of `schema`; nil when it cannot be read or has no usable front matter.
    public func record(at path: String, schema: SectionSchema, settings: SiteSettings, log: DiagnosticLog) -> Record? {
        switch tree.text(of: path) {
        case .success(let text): return MarkdownRecordLoader(schema: schema, settings: settings, log: log).load(path: path, text: text)
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
    }

    /// The previous run's content with the `changed` files reloaded, when they are all existing Markdown records
    /// that load cleanly (`serve`'s fast path); nil when the change needs a load from scratch.
    func reload(_ changed: Set<String>, after previous: PipelineState) -> (loaded: Loaded, updated: [(old: Record, new: Record)])? {
        var content = previous.loaded.content
        var updated: [(old: Record, new: Record)] = []
        for path in changed.sorted() {
            guard Self.isRecordFile(path), let index = previous.recordIndex[path], tree.fileExists(path),
                  let schema = content.schemas.first(where: { $0.name == content.records[index].section }),
                  case .markdown = schema.source else { return nil }
            let fileLog = DiagnosticLog()
            guard let record = record(at: path, schema: schema, settings: content.settings, log: fileLog), fileLog.all.isEmpty else { return nil }
            updated.append((content.records[index], record))
            content.records[index] = record
        }
        return (Loaded(content: content, theme: previous.loaded.theme), updated)
    }

    /// A Markdown record's path: `content/<section>/<file>.md`.
    static func isRecordFile(_ path: String) -> Bool {
        path.hasPrefix("content/") && path.hasSuffix(".md") && path.split(separator: "/").count == 3
    }
}
