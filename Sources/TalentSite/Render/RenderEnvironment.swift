/// What an output adds to every page it does not make itself (the feeds a page's head advertises, the
/// search page the header's form goes to). Declared here, below the output formats, so the page renderer
/// asks the build's formats for their links without naming any of them.
public protocol PageLinkSource: Sendable {
    /// Entries added to the template context of every page in `language`. A dictionary under a key the page
    /// already has (`site`) is merged into it. `section` is the page's section, if any.
    func pageLinks(site: SiteModel, language: Language, section: String?) -> [String: Any]
}

/// What every render job can read: the model, the theme, the set of planned paths (to check links),
/// the fallback summaries, the build's formats seen only as what they add to every page (so Render names
/// none of them), and the log for problems found while rendering.
public struct RenderEnvironment: Sendable {
    public let site: SiteModel
    public let theme: Theme
    public let plannedPaths: Set<String>
    public let summaries: SummaryIndex
    public let formats: [any PageLinkSource]
    public let log: DiagnosticLog

    public init(site: SiteModel, theme: Theme, plannedPaths: Set<String>, summaries: SummaryIndex,
                formats: [any PageLinkSource], log: DiagnosticLog) {
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
        guard let html = theme.library.render(context, withTemplate: template) else {
            log.error(origin ?? SourceLocation(file: "templates/\(template).mustache"), "template '\(template)' does not exist in templates/")
            return nil
        }
        return Array(html.utf8)
    }
}
