import ArgumentParser
import Foundation
import TalentSite

struct Translated: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that translations are up to date with their original (writes 'translated_from').")

    @Argument(help: "Translation files, e.g. content/courses/cnc.en.md (relative to the working directory, inside --source).")
    var files: [String]

    @OptionGroup var location: SourceOption

    func run() throws {
        let (source, root) = (location.source, location.url)
        let stamp = TranslationStamp(tree: location.tree)
        var failed = false
        for file in files {
            guard let relative = Self.path(file, inside: root) else {
                printError("\(file):1:1: error: not inside the site folder \(source)"); failed = true
                continue
            }
            switch stamp.stampedText(of: relative) {
            case .success(let text):
                do {
                    try Data(text.utf8).write(to: root.appendingPathComponent(relative), options: .atomic)
                    print("\(relative): translated_from updated")
                } catch {
                    printError("\(relative):1:1: error: cannot write: \(error.localizedDescription)"); failed = true
                }
            case .failure(let diagnostic):
                printError(diagnostic.relative(to: source).description); failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

extension Translated {
    /// `file` as given on the command line (relative to the working directory, as in every other tool), as a
    /// path relative to the site folder; nil when it lies outside it.
    static func path(_ file: String, inside root: URL) -> String? {
        let site = OutputGuard.realPath(root)
        let target = OutputGuard.realPath(URL(fileURLWithPath: file))
        guard OutputGuard.isInside(target, site) else { return nil }
        return String(target.dropFirst(site == "/" ? 1 : site.count + 1))
    }
}

struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every record's translation state: fresh, stale (with the changed fields), untracked, missing.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: Check.Format = .text

    func run() throws {
        switch TranslationReport.build(tree: site.location.tree, includeDrafts: site.drafts) {
        case .success(let report): print(format == .json ? report.json : report.text)
        case .failure(let failure):
            for diagnostic in failure.errors { printError(diagnostic.relative(to: site.source).description) }
            throw ExitCode(1)
        }
    }
}
