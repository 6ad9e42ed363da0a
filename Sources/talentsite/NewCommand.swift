import ArgumentParser
import Foundation
import TalentSite

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a record: write <section>/<slug>.<lang>.md in every language with the section's fields.")

    @Argument(help: "The section (a folder of content/ with a _section.yaml), e.g. courses.")
    var section: String

    @Argument(help: "The record's slug: lowercase a-z, 0-9 and '-'.")
    var slug: String

    @OptionGroup var location: SourceOption

    func run() throws {
        let (source, root) = (location.source, location.url)
        let scaffold = RecordScaffold(tree: location.tree, day: Pipeline.buildDay())
        do {
            let files = try scaffold.files(section: section, slug: slug).get()
            try RecordScaffold.write(files, root: root)
            for file in files { print("created \(Diagnostic.error(SourceLocation(file: file.path), "").relative(to: source).location.file)") }
            print("fill in the fields marked 'required', then run: talentsite check")
        } catch let diagnostic as Diagnostic {
            printError(diagnostic.relative(to: source).description)
            throw ExitCode(1)
        }
    }
}
