import ArgumentParser
import Foundation
import TalentSite

/// `--source`, which every command takes: the site's folder.
struct SourceOption: ParsableArguments {
    @Option(name: .long, help: "The site's folder, holding content/ and templates/.")
    var source: String = "."

    var url: URL { URL(fileURLWithPath: source) }
    var tree: DiskSourceTree { DiskSourceTree(root: url) }
}

/// The options of every command that reads the whole content (build, check, serve, translations):
/// `--source` and `--drafts`, declared once.
struct SiteOptions: ParsableArguments {
    @OptionGroup var location: SourceOption

    @Flag(name: .long, help: "Include records marked 'draft: true'.")
    var drafts = false

    var source: String { location.source }

    /// The pipeline's options for these, "today" from `SOURCE_DATE_EPOCH` when set.
    func buildOptions(strict: Bool = false) -> BuildOptions {
        BuildOptions(includeDrafts: drafts, strict: strict, buildDay: Pipeline.buildDay())
    }
}

/// A progress line on stderr when it is a terminal; piped output stays quiet.
func terminalProgress() -> ProgressLine? {
    isatty(STDERR_FILENO) == 1 ? ProgressLine { printError($0, newline: false) } : nil
}
