import Foundation

/// What `talentsite check` found: every diagnostic of the build plus those of the rendered output.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Pages rendered and audited (0 when the content did not build).
    public var pagesChecked: Int
    public var externalLinksChecked: Int

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Whether the check fails: any error, or under `strict` any warning too.
    public func failed(strict: Bool) -> Bool { !errors.isEmpty || (strict && !warnings.isEmpty) }
}

/// Runs everything the build validates, without writing the site (it is rendered in memory), then audits
/// the rendered pages: internal links and anchors, hreflang reciprocity, links across languages, and
/// external links when asked.
public struct SiteCheck: Sendable {
    public var tree: SourceTree
    public var options: BuildOptions
    /// Check external links too (slow, needs the network); nil leaves them alone.
    public var external: ExternalLinkCheck?

    public init(tree: SourceTree, options: BuildOptions, external: ExternalLinkCheck? = nil) {
        self.tree = tree; self.options = options; self.external = external
    }

    public func run() -> CheckReport {
        var buildOptions = options
        buildOptions.strict = false  // report warnings; the caller decides whether they fail
        let output = MemoryOutput()
        let built: (report: BuildReport, site: SiteModel)
        do {
            built = try Pipeline(tree: tree, options: buildOptions).complete(into: output)
        } catch {
            return CheckReport(diagnostics: error.diagnostics, pagesChecked: 0, externalLinksChecked: 0)
        }
        let (report, settings) = (built.report, built.site.settings)
        let files = output.files
        let audit = OutputAudit(files: files, baseURL: settings.baseURL, languages: settings.languages)
        var diagnostics = report.warnings
        for problem in audit.problems() {
            let file = OutputPath(urlPath: problem.page)?.relative ?? problem.page
            let origin = report.origins[file] ?? SourceLocation(file: file)
            diagnostics.append(Diagnostic(problem.severity, origin, "page \(problem.page) \(problem.message)"))
        }
        var externalCount = 0
        if let external {
            let links = audit.externalLinks()
            externalCount = links.count
            for failure in external.run(Array(links.keys).sorted()) {
                for page in links[failure.url] ?? [] {
                    let file = OutputPath(urlPath: page)?.relative ?? page
                    diagnostics.append(.error(report.origins[file] ?? SourceLocation(file: file),
                                              "page \(page) links to \(failure.url): \(failure.reason)"))
                }
            }
        }
        return CheckReport(diagnostics: Array(Set(diagnostics)).sorted(), pagesChecked: audit.pages.count,
                           externalLinksChecked: externalCount)
    }
}
