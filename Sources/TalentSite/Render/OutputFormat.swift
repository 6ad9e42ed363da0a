/// One file the build writes: where, what made it, and how to render it when its turn comes.
/// Rendering is deferred so pages are produced in parallel and written one by one, never all held at once.
public struct OutputJob: Sendable {
    /// Root-relative URL path: `/courses/cnc/` (written as `courses/cnc/index.html`) or `/style.css`.
    public var path: String
    /// The content that produced the file, for error messages (two records wanting one URL).
    public var origin: SourceLocation?
    /// Set for HTML pages: which language the page is in and where its other language versions live,
    /// so formats planned later (sitemap, search) can describe every page without re-deriving routes.
    public var page: PageInfo?
    public var render: @Sendable (RenderEnvironment) -> [UInt8]?

    public init(path: String, origin: SourceLocation?, page: PageInfo? = nil,
                render: @escaping @Sendable (RenderEnvironment) -> [UInt8]?) {
        self.path = path; self.origin = origin; self.page = page; self.render = render
    }
}

/// What the build knows about one HTML page before rendering it.
public struct PageInfo: Sendable, Equatable {
    /// Language code of the page (`zh-TW`, `en`).
    public var language: String
    /// The page's path in every language it exists in (language code → root-relative path), itself included.
    public var versions: [String: String]
    /// The record the page shows, when it shows one (`courses`, `cnc-bootcamp`).
    public var record: RecordID?

    public init(language: String, versions: [String: String], record: RecordID? = nil) {
        self.language = language; self.versions = versions; self.record = record
    }
}

/// What a format plans from: the model, the theme, the log, and every job planned by the formats listed
/// before it (a sitemap lists the pages planned earlier).
public struct PlanInput: Sendable {
    public let site: SiteModel
    public let theme: Theme
    public let log: DiagnosticLog
    public let earlier: [OutputJob]

    public init(site: SiteModel, theme: Theme, log: DiagnosticLog, earlier: [OutputJob] = []) {
        self.site = site; self.theme = theme; self.log = log; self.earlier = earlier
    }

    /// HTML pages planned so far, in plan order.
    public var earlierPages: [(path: String, page: PageInfo)] {
        earlier.compactMap { job in job.page.map { (job.path, $0) } }
    }
}

/// A kind of output (record pages, lists, static files, feeds, sitemap, search, open data).
/// The build asks every format for its plan in list order, then renders the union; adding a format touches one list.
public protocol OutputFormat: Sendable {
    func plan(_ input: PlanInput) -> [OutputJob]
    /// For outputs made from the rendered pages themselves (the search index): a collector that sees
    /// every rendered HTML page, then writes files whose names depend on their content.
    func collector(_ input: PlanInput) -> (any PageCollector)?
    /// Entries this format adds to the template context of every page in `language` (the feeds a page's
    /// head advertises, the search page the header's form goes to), so the page renderer names no format.
    /// A dictionary under a key the page already has (`site`) is merged into it. `section` is the page's section, if any.
    func pageLinks(site: SiteModel, language: Language, section: String?) -> [String: Any]
}

extension OutputFormat {
    public func collector(_ input: PlanInput) -> (any PageCollector)? { nil }
    public func pageLinks(site: SiteModel, language: Language, section: String?) -> [String: Any] { [:] }
}

extension PageCollector {
    public func reuse(_ earlier: any PageCollector, unchanged: [String: Int]) -> Bool { false }
}

/// Gathers what it needs from rendered pages while the build renders them (from many threads at once),
/// and produces its files when all pages are done.
public protocol PageCollector: AnyObject, Sendable {
    /// `order` is the page's position in the build's plan, so results can be ordered deterministically.
    func collect(order: Int, path: String, page: PageInfo, html: [UInt8])
    /// Takes over what `earlier` (this format's collector in the previous build of `serve`) gathered from
    /// pages that were not rendered again (`unchanged`: path → order now), so a rebuild does not re-read
    /// thousands of pages. False (the default) when it cannot; the caller then feeds those pages again.
    func reuse(_ earlier: any PageCollector, unchanged: [String: Int]) -> Bool
    /// Files to write (root-relative URL path → bytes), plus lines worth telling the person building.
    func finish(_ env: RenderEnvironment) -> (files: [(path: String, bytes: [UInt8])], notes: [String])
}

/// What every render job can read: the model, the theme, the set of planned paths (to check links),
/// the fallback summaries, the build's formats (for the links they add to every page), and the log for
/// problems found while rendering.
public struct RenderEnvironment: Sendable {
    public let site: SiteModel
    public let theme: Theme
    public let plannedPaths: Set<String>
    public let summaries: SummaryIndex
    public let formats: [any OutputFormat]
    public let log: DiagnosticLog
    /// Card items and their renderings, made once per build and shared by every page showing them.
    let cards = CardCache()
    /// The parts of page contexts shared by every page of a language and section.
    let pageParts = PageParts()

    public init(site: SiteModel, theme: Theme, plannedPaths: Set<String>, summaries: SummaryIndex,
                formats: [any OutputFormat], log: DiagnosticLog) {
        self.site = site; self.theme = theme; self.plannedPaths = plannedPaths; self.summaries = summaries
        self.formats = formats; self.log = log
    }

    /// Whether a root-relative link lands on a file the build writes (`/x/` or `/x/index.html`).
    public func isPlanned(_ path: String) -> Bool {
        if plannedPaths.contains(path) { return true }
        if path.hasSuffix("/index.html") { return plannedPaths.contains(String(path.dropLast("index.html".count))) }
        return false
    }

    /// Renders `template` with `context`; a missing template is logged once per page, not crashed on.
    func render(_ template: String, _ context: [String: Any], for origin: SourceLocation?) -> [UInt8]? {
        guard let html = theme.library.render(template, context, memo: cards.renderings) else {
            log.error(origin ?? SourceLocation(file: "templates/\(template).mustache"), "template '\(template)' does not exist in templates/")
            return nil
        }
        return html
    }
}
