import ArgumentParser
import Foundation
import TalentSite

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the site without writing it: content, rendered links and anchors, hreflang, languages.")

    enum Format: String, ExpressibleByArgument { case text, json, github }

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Warnings (missing or stale translations, cross-language links) fail the check.")
    var strict = false

    @Flag(name: .long, help: "Also request every external http(s) link.")
    var external = false

    @Option(name: .long, help: "External links requested at once (with --external).")
    var concurrency = 8

    @Option(name: .long, help: "Seconds before an external link counts as dead (with --external).")
    var timeout: Double = 10

    @Option(name: .long, help: "Output format: text (path:line:col: error: …), json, or github (GitHub Actions annotations).")
    var format: Format = .text

    func run() throws {
        var options = site.buildOptions(strict: strict)
        let progress = terminalProgress()
        options.progress = progress?.callback
        let source = site.source
        let check = SiteCheck(tree: site.location.tree, options: options,
                              external: external ? ExternalLinkCheck(concurrency: concurrency, timeout: timeout) : nil)
        let report = check.run()
        progress?.finish()
        let diagnostics = report.diagnostics.map { $0.relative(to: source) }
        let failed = report.failed(strict: strict)
        switch format {
        case .json:
            print(DiagnosticJSON.encode(diagnostics, ok: !failed))
        case .text, .github:
            if format == .github {
                GitHubOutput.report(report.diagnostics, heading: "talentsite check", source: source)
            } else {
                for line in DiagnosticGroups.lines(diagnostics) { printError(line) }
            }
            let summary = "checked \(report.pagesChecked) pages" + (external ? " and \(report.externalLinksChecked) external links" : "")
                + ": \(report.errors.count) error\(report.errors.count == 1 ? "" : "s"), \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
            if failed { printError(summary) } else { print(summary) }
        }
        if failed { throw ExitCode(1) }
    }
}
