import Foundation
import TalentSite

/// `--format github`: diagnostics as workflow commands on standard output (where the runner reads them), and the
/// full list appended to the step summary when `GITHUB_STEP_SUMMARY` names a file.
enum GitHubOutput {
    static func report(_ diagnostics: [Diagnostic], heading: String, source: String) {
        let site = URL(fileURLWithPath: source)
        let workspace = GitHubAnnotation.workspace()
        for line in GitHubAnnotation.commands(diagnostics, source: site, workspace: workspace) { print(line) }
        do {
            try GitHubAnnotation.appendSummary(GitHubAnnotation.summary(diagnostics, heading: heading, source: site,
                                                                        workspace: workspace))
        } catch {
            printError("warning: cannot append to GITHUB_STEP_SUMMARY: \(error.localizedDescription)")
        }
    }
}
