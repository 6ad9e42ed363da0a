import Foundation

/// Search, per language: the page (`/search/`, `/en/search/`) planned with the others, and the index
/// beside it (`/search/index/…`), built from the rendered record pages once they exist.
public struct SearchPages: OutputFormat {
    /// Bytes of harvested documents kept in memory while the pages are rendered (`SearchDocumentStore`).
    let documentBudget: Int

    public init() { documentBudget = SearchDocumentStore.defaultBudget }

    /// With another budget for the harvested documents: tests set aside every document (0).
    init(documentBudget: Int) { self.documentBudget = documentBudget }

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
        SearchCollector(site: input.site, sampleLabels: input.theme.strings.compactMapValues { $0["sample_label"] },
                        store: SearchDocumentStore(budget: documentBudget))
    }
}

/// One record page as the search index takes it from the render workers: its language and document (in memory,
/// or in the store's spill file).
struct SearchHarvest: Sendable {
    var language: String
    var document: StoredSearchDocument
}

/// Reads the visible text of every record page as the build renders it (a value per page, made on the
/// render threads), then writes each language's index and reports its size and what sample first
/// queries download. Its one shared state is the documents' store, which counts the bytes they keep in memory
/// under a lock and sets aside those past its budget.
struct SearchCollector: PageCollector {
    private let site: SiteModel
    /// Every record by its section and slug, made once: a page finds its record without a search.
    private let records: RecordPlaces
    /// "Sample record" by language code: a sample's result says so beside its section.
    private let sampleLabels: [String: String]
    /// Where the harvested documents wait for the index (`SearchDocumentStore`).
    let store: SearchDocumentStore

    init(site: SiteModel, sampleLabels: [String: String] = [:], store: SearchDocumentStore = SearchDocumentStore()) {
        self.site = site; self.sampleLabels = sampleLabels; self.store = store
        self.records = RecordPlaces(site: site)
    }

    /// The title comes from the record the page shows (`PageInfo.record`), not from the rendered heading.
    func harvest(path: String, page: PageInfo, html: [UInt8]) -> SearchHarvest? {
        guard let id = page.record, let found = records[id], let record = found.entry.versions[page.language],
              let language = site.settings.language(code: page.language),
              let text = VisibleText(html: html) else { return nil }
        let schema = found.section.schema
        let label = schema.title[language] + (record.sample ? " · " + (sampleLabels[language.code] ?? "sample") : "")
        let document = SearchDocument(path: path, title: record.title, sectionLabel: label, text: text.text,
                                      filters: SearchFacets(site: site).filters(of: record, schema: schema))
        return SearchHarvest(language: page.language, document: store.keep(document))
    }

    /// A language whose documents cannot all be read back gets no index, and the build an error.
    func finish(_ harvests: [SearchHarvest], env: RenderEnvironment,
                emit: (_ files: [(path: String, bytes: [UInt8])]) -> Void) -> [String] {
        // In plan order, whatever thread rendered them and whichever build of `serve` read them.
        var byLanguage: [String: [StoredSearchDocument]] = [:]
        for harvest in harvests { byLanguage[harvest.language, default: []].append(harvest.document) }
        let grouped = byLanguage
        let script = env.theme.assets["search.js"]?.count ?? 0
        // One language after the other, each index written before the next is built: at 20k courses an index is
        // about 55 MB of files and its postings tens of MB more while it is made.
        var notes: [String] = []
        for language in site.settings.languages {
            let documents = grouped[language.code] ?? []
            let strings = env.theme.strings[language.code] ?? [:]
            let builder = SearchIndexBuilder(language: language, facets: SearchFacets(site: site).facets(language, strings: strings),
                                             folder: SearchPages.indexFolder(language))
            let output: SearchIndexBuilder.Output
            do { output = try builder.build(stored: documents) } catch {
                env.log.error(SourceLocation(file: builder.folder), "cannot write the \(language.code) search index: \(error)")
                continue
            }
            let total = output.files.reduce(0) { $0 + $1.bytes.count }
            var line = "search \(language.code): \(documents.count) pages"
            let spilled = documents.count { if case .spilled = $0 { true } else { false } }
            if spilled > 0 { line += " (\(spilled) read back from a temporary file)" }
            line += ", index \(Self.kilobytes(total)) in \(output.files.count) files"
            let reader = SearchIndexReader(manifest: output.manifest, shards: output.shards, prefixes: output.prefixes)
            let samples = SearchSamples.queries(firstTitle: output.firstTitle)
            if !samples.isEmpty {
                line += "; first query downloads (uncompressed) " + samples.map { query in
                    "\"\(query)\" \(Self.kilobytes(script + reader.firstQueryBytes(query, fragments: output.fragments)))"
                }.joined(separator: ", ")
            }
            notes.append(line)
            emit(output.files)
        }
        return notes
    }

    static func kilobytes(_ bytes: Int) -> String { String(format: "%.1f KB", Double(bytes) / 1000) }
}

/// For `talentsite-bench`: the search harvest of one rendered page (its visible text, excerpt, terms and
/// weights), timed apart from the render, so a slower tokenizer shows as a number.
public enum SearchBenchmarks {
    /// A harvest function over `site`'s records: the page's distinct term count, nil when nothing is harvested.
    public static func harvester(site: SiteModel) -> @Sendable (_ path: String, _ page: PageInfo, _ html: [UInt8]) -> Int? {
        // Every document in memory: the benchmark times the harvest, not the spill file.
        let collector = SearchCollector(site: site, store: SearchDocumentStore(budget: .max))
        return { path, page, html in collector.harvest(path: path, page: page, html: html)?.document.termCount }
    }
}
