/// What an output adds to every page it does not make itself (the feeds a page's head advertises, the
/// search page the header's form goes to). Declared here, below the output formats, so the page renderer
/// asks the build's formats for their links without naming any of them.
public protocol PageLinkSource: Sendable {
    /// What this output adds to every page in `language`; `section` is the page's section, if any.
    func pageLinks(site: SiteModel, language: Language, section: String?) -> PageLinks
}

/// One output's additions to a page: `<link>` elements for the head, and template context entries.
public struct PageLinks {
    /// Written into every page's head in format order (`headLinks` in the layout), after the language alternates.
    public var head: [HeadLink]
    /// Entries added to the page's template context; a dictionary under a key the page already has (`site`)
    /// is merged into it.
    public var context: [String: Any]

    public init(head: [HeadLink] = [], context: [String: Any] = [:]) { self.head = head; self.context = context }
}

/// A `<link>` in a page's head that an output asks for: a new feed format adds its discovery link as data,
/// and the layout, which iterates them, does not change.
public struct HeadLink: Sendable, Equatable {
    public var rel: String
    /// The media type (`application/rss+xml`).
    public var type: String
    /// Root-relative or absolute URL.
    public var href: String
    public var title: String
    /// The language of the linked resource when it differs from the page's, else nil.
    public var hreflang: String?

    public init(rel: String, type: String, href: String, title: String, hreflang: String? = nil) {
        self.rel = rel; self.type = type; self.href = href; self.title = title; self.hreflang = hreflang
    }

    /// As the layout reads it; every key set, so a missing `hreflang` never finds a value from an outer context.
    var context: [String: Any] { ["rel": rel, "type": type, "href": href, "title": title, "hreflang": hreflang ?? false] }
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
    /// Card items and their renderings, made once per build and shared by every page showing them.
    let cards: CardCache
    /// The parts of page contexts shared by every page of a language and section.
    let pageParts = PageParts()
    /// Records by slug and by group, indexed once per build instead of scanned per page.
    let records: RecordIndex

    /// `cardMemory`: the bytes of card renderings held in memory, the rest being kept in a temporary file;
    /// `cardItems`: how many card items are kept (nil: the defaults, which a 5k-course site stays within).
    public init(site: SiteModel, theme: Theme, plannedPaths: Set<String>, summaries: SummaryIndex,
                formats: [any PageLinkSource], log: DiagnosticLog, cardMemory: Int? = nil, cardItems: Int? = nil) {
        self.site = site; self.theme = theme; self.plannedPaths = plannedPaths; self.summaries = summaries
        self.formats = formats; self.log = log
        cards = CardCache(memoryBudget: cardMemory, itemCapacity: cardItems)
        records = RecordIndex(site: site)
    }

    /// Whether a root-relative link lands on a file the build writes (`/x/` or `/x/index.html`).
    public func isPlanned(_ path: String) -> Bool {
        if plannedPaths.contains(path) { return true }
        if path.hasSuffix("/index.html") { return plannedPaths.contains(String(path.dropLast("index.html".count))) }
        return false
    }

    /// Renders `template` with `context`; a missing template is logged once per page, not crashed on.
    func render(_ template: String, _ context: [String: Any], for origin: SourceLocation?) -> [UInt8]? {
        render(template, TemplateObject(converting: context), for: origin)
    }

    /// Renders a page's context: its own values over the part it shares with the pages of its language and section.
    func render(_ template: String, _ context: PageValues, for origin: SourceLocation?) -> [UInt8]? {
        render(template, context.object, for: origin)
    }

    private func render(_ template: String, _ context: TemplateObject, for origin: SourceLocation?) -> [UInt8]? {
        guard let html = theme.library.render(template, .object(context), memo: cards.renderings) else {
            log.error(origin ?? SourceLocation(file: "templates/\(template).mustache"), "template '\(template)' does not exist in templates/")
            return nil
        }
        return html
    }
}
