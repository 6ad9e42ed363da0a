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
public protocol OutputFormat: PageLinkSource {
    func plan(_ input: PlanInput) -> [OutputJob]
    /// For outputs made from the rendered pages themselves (the search index): a collector that sees
    /// every rendered HTML page, then writes files whose names depend on their content.
    func collector(_ input: PlanInput) -> (any PageCollector)?
}

extension OutputFormat {
    public func collector(_ input: PlanInput) -> (any PageCollector)? { nil }
    /// Most formats add nothing to the pages of the site.
    public func pageLinks(site: SiteModel, language: Language, section: String?) -> PageLinks { PageLinks() }
}

/// Gathers what it needs from rendered pages (the search index), as values: each render worker asks it
/// for one page's contribution, the build puts them in plan order, and `finish` makes the files from
/// them. Nothing is shared between the workers, so a collector holds no lock and no mutable state; `serve`
/// keeps the contributions of pages it does not render again and hands them to `finish` with the new ones.
public protocol PageCollector: Sendable {
    /// What one page contributes.
    associatedtype Harvest: Sendable
    /// One rendered page's contribution (nil: nothing). Runs on the render threads, many pages at once.
    func harvest(path: String, page: PageInfo, html: [UInt8]) -> Harvest?
    /// From every page's contribution in plan order: files to write (root-relative URL path → bytes), handed to
    /// `emit` as soon as each batch is made, so a big site's index is written and let go of part by part rather
    /// than held whole; returns lines worth telling the person building.
    func finish(_ harvests: [Harvest], env: RenderEnvironment,
                emit: (_ files: [(path: String, bytes: [UInt8])]) -> Void) -> [String]
}

extension PageCollector {
    /// `finish` with every emitted file kept and returned, for callers that want them all (tests).
    func finish(_ harvests: [Harvest], env: RenderEnvironment) -> (files: [(path: String, bytes: [UInt8])], notes: [String]) {
        var files: [(path: String, bytes: [UInt8])] = []
        let notes = finish(harvests, env: env) { files += $0 }
        return (files, notes)
    }
}
