import Foundation

/// Search, per language: the page (`/search/`, `/en/search/`) planned with the others, and the index
/// beside it (`/search/index/…`), built from the rendered record pages once they exist.
public struct SearchPages: OutputFormat {
    public init() {}

    static func pagePath(_ language: Language) -> String { language.homePath + "search/" }

    /// The header's search form on every page goes to this language's search page (`site.search`).
    public func pageLinks(site: SiteModel, language: Language, section: String?) -> PageLinks {
        PageLinks(context: ["site": ["search": Self.pagePath(language)]])
    }
    static func indexFolder(_ language: Language) -> String { pagePath(language) + "index/" }

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        let languages = site.settings.languages
        let versions = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, Self.pagePath($0)) })
        return languages.map { language in
            let path = Self.pagePath(language)
            return OutputJob(path: path, origin: SourceLocation(file: "templates/search.mustache"),
                             page: PageInfo(language: language.code, versions: versions)) { env in
                let strings = env.theme.strings[language.code] ?? [:]
                let page = PageContext(env: env, language: language)
                var context = page.base(title: strings["search_title"], description: nil, path: path, versions: versions,
                                        fallbacks: [:], section: nil)
                context["heading"] = strings["search_title"] ?? "Search"
                // Relative, so the page works when the site is served from a sub-path.
                context["root"] = String(repeating: "../", count: path.split(separator: "/").count)
                context["facets"] = SearchFacets(site: env.site).facets(language, strings: strings).map { facet in
                    ["name": facet.name, "label": facet.label,
                     "values": facet.values.map { ["key": $0.key, "label": $0.label, "id": "filter-\(facet.name)-\($0.key)"] }]
                }
                return env.render("search", context, for: SourceLocation(file: "templates/search.mustache"))
            }
        }
    }

    public func collector(_ input: PlanInput) -> (any PageCollector)? {
        SearchCollector(site: input.site, sampleLabels: input.theme.strings.compactMapValues { $0["sample_label"] })
    }
}

/// Gathers the visible text of every record page while the build renders it, then writes each
/// language's index and reports its size and what sample first queries download.
final class SearchCollector: PageCollector, @unchecked Sendable {
    private let site: SiteModel
    private let lock = NSLock()
    private var documents: [String: [SearchDocument]] = [:]
    /// "Sample record" by language code: a sample's result says so beside its section.
    private let sampleLabels: [String: String]

    init(site: SiteModel, sampleLabels: [String: String] = [:]) { self.site = site; self.sampleLabels = sampleLabels }

    func collect(order: Int, path: String, page: PageInfo, html: [UInt8]) {
        guard let id = page.record, let section = site.section(id.section),
              let record = site.entry(section: id.section, slug: id.slug)?.versions[page.language],
              let language = site.settings.language(code: page.language),
              let text = VisibleText(html: html) else { return }
        let document = SearchDocument(
            order: order, path: path, title: text.heading.isEmpty ? record.title : text.heading,
            sectionLabel: section.schema.title[language] + (record.sample ? " · " + (sampleLabels[language.code] ?? "sample") : ""), text: text.text,
            filters: SearchFacets(site: site).filters(of: record, schema: section.schema))
        lock.lock()
        documents[page.language, default: []].append(document)
        lock.unlock()
    }

    func reuse(_ earlier: any PageCollector, unchanged: [String: Int]) -> Bool {
        guard let earlier = earlier as? SearchCollector else { return false }
        let kept = earlier.documents.mapValues { documents in
            documents.compactMap { document -> SearchDocument? in
                guard let order = unchanged[document.path] else { return nil }
                var moved = document
                moved.order = order
                return moved
            }
        }
        lock.lock()
        documents.merge(kept) { collected, kept in collected + kept }
        lock.unlock()
        return true
    }

    func finish(_ env: RenderEnvironment) -> (files: [(path: String, bytes: [UInt8])], notes: [String]) {
        let script = env.theme.assets["search.js"]?.count ?? 0
        // Each language's index is independent: build them side by side.
        let results = site.settings.languages.parallelMap { language -> (files: [(path: String, bytes: [UInt8])], note: String) in
            let documents = (self.documents[language.code] ?? []).sorted { $0.order < $1.order }
            let strings = env.theme.strings[language.code] ?? [:]
            let builder = SearchIndexBuilder(language: language, facets: SearchFacets(site: site).facets(language, strings: strings),
                                             folder: SearchPages.indexFolder(language))
            let output = builder.build(documents)
            let total = output.files.reduce(0) { $0 + $1.bytes.count }
            var line = "search \(language.code): \(documents.count) pages, index \(Self.kilobytes(total)) in \(output.files.count) files"
            let reader = SearchIndexReader(manifest: output.manifest, shards: output.shards, prefixes: output.prefixes)
            let samples = SearchSamples.queries(documents)
            if !samples.isEmpty {
                line += "; first query downloads (uncompressed) " + samples.map { query in
                    "\"\(query)\" \(Self.kilobytes(script + reader.firstQueryBytes(query, fragments: output.fragments)))"
                }.joined(separator: ", ")
            }
            return (output.files, line)
        }
        let files = results.flatMap(\.files)
        let notes = results.map(\.note)
        return (files, notes)
    }

    static func kilobytes(_ bytes: Int) -> String { String(format: "%.1f KB", Double(bytes) / 1000) }
}
