/// One file the build writes: where, what made it, and how to render it when its turn comes.
/// Rendering is deferred so pages are produced in parallel and written one by one, never all held at once.
public struct OutputJob: Sendable {
    /// Root-relative URL path: `/courses/cnc/` (written as `courses/cnc/index.html`) or `/style.css`.
    public var path: String
    /// The content that produced the file, for error messages (two records wanting one URL).
    public var origin: SourceLocation?
    public var render: @Sendable (RenderEnvironment) -> [UInt8]?

    public init(path: String, origin: SourceLocation?, render: @escaping @Sendable (RenderEnvironment) -> [UInt8]?) {
        self.path = path; self.origin = origin; self.render = render
    }
}

/// A kind of output (record pages, lists, static files; later feeds, sitemap, search, open data).
/// The build asks every format for its plan, then renders the union; adding a format touches one list.
public protocol OutputFormat: Sendable {
    func plan(site: SiteModel, theme: Theme, log: DiagnosticLog) -> [OutputJob]
}

/// What every render job can read: the model, the theme, the set of planned paths (to check links),
/// the fallback summaries, and the log for problems found while rendering.
public struct RenderEnvironment: Sendable {
    public let site: SiteModel
    public let theme: Theme
    public let plannedPaths: Set<String>
    public let summaries: SummaryIndex
    public let log: DiagnosticLog

    public init(site: SiteModel, theme: Theme, plannedPaths: Set<String>, summaries: SummaryIndex, log: DiagnosticLog) {
        self.site = site; self.theme = theme; self.plannedPaths = plannedPaths; self.summaries = summaries; self.log = log
    }

    /// Whether a root-relative link lands on a file the build writes (`/x/` or `/x/index.html`).
    public func isPlanned(_ path: String) -> Bool {
        if plannedPaths.contains(path) { return true }
        if path.hasSuffix("/index.html") { return plannedPaths.contains(String(path.dropLast("index.html".count))) }
        return false
    }

    /// Renders `template` with `context`; a missing template is logged once per page, not crashed on.
    func render(_ template: String, _ context: [String: Any], for origin: SourceLocation?) -> [UInt8]? {
        guard let html = theme.library.render(context, withTemplate: template) else {
            log.error(origin ?? SourceLocation(file: "templates/\(template).mustache"), "template '\(template)' does not exist in templates/")
            return nil
        }
        return Array(html.utf8)
    }
}
