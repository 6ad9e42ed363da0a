import Foundation
import Testing
@testable import TalentSite

/// `build` and `check` with `--format github` on the invalid fixture, run as CI runs them: workflow commands on
/// standard output with paths under `GITHUB_WORKSPACE`, the full table in `GITHUB_STEP_SUMMARY`.
@Suite struct GitHubFormatTests {
    /// A file name with `%`, `,`, `:` and a line break: its slug error tests escaping in properties and messages.
    static let oddName = "content/courses/50%,a:b\nc.zh-TW.md"
    static let oddLine = "::error file=site/content/courses/50%25%2Ca%3Ab%0Ac.zh-TW.md,line=1,col=1,title=talentsite::"
        + "invalid slug '50%25,a:b%0Ac': use lowercase a-z, 0-9 and '-' only"

    /// The invalid fixture at `work/site`, with the odd file added.
    static func workspace() throws -> (work: URL, site: DiskSite) {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-gh-\(UUID().uuidString)")
        let site = try DiskSite(FixtureSiteTests.fixtureTree("invalid"), at: work.appendingPathComponent("site"))
        try site.write(oddName, "---\ntitle: x\ndate: 2026-01-01\n---\n\nx\n")
        return (work, site)
    }

    /// The fixture's expected diagnostics (`path:line:col: severity: message`) as commands, derived independently.
    static func expectedCommands() throws -> [String] {
        let text = try String(contentsOf: TestSite.fixtures.appendingPathComponent("invalid/expected-diagnostics.txt"), encoding: .utf8)
        var lines = try text.split(separator: "\n").map { line in
            let match = try #require(line.wholeMatch(of: /(.+?):(\d+):(\d+): (error|warning): (.*)/))
            return "::\(match.4) file=site/\(match.1),line=\(match.2),col=\(match.3),title=talentsite::\(match.5)"
        }
        lines.insert(oddLine, at: 1)
        return lines
    }

    @Test func buildPrintsEveryDiagnosticAsAnAnnotationAndTheTable() throws {
        let (work, _) = try Self.workspace(); defer { try? FileManager.default.removeItem(at: work) }
        let summary = work.appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let environment = ["PATH": "/usr/bin:/bin", "GITHUB_WORKSPACE": work.path, "GITHUB_STEP_SUMMARY": summary.path]
        let run = try CommandLineTests.run(["build", "--source", "site", "--output", "out", "--format", "github"],
                                           environment: environment, folder: work)
        #expect(run.status == 1)
        let expected = try Self.expectedCommands()
        #expect(expected.count == 19)
        #expect(run.stdout.split(separator: "\n").map(String.init) == expected)
        #expect(run.stdout.contains(
            "::warning file=site/content/courses/typo.zh-TW.md,line=1,col=1,title=talentsite::missing en translation (expected content/courses/typo.en.md)\n"))
        #expect(run.stderr.contains("build failed: 16 errors"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out").path))
        let table = try String(contentsOf: summary, encoding: .utf8)
        #expect(table.hasPrefix("earlier step\n### talentsite build: 16 errors, 3 warnings\n\n| Severity | File | Line | Column | Message |\n"))
        #expect(table.contains("| error | site/content/courses/50%,a:b\\nc.zh-TW.md | 1 | 1 | invalid slug '50%,a:b\\nc': use lowercase a-z, 0-9 and '-' only |\n"))
        #expect(table.split(separator: "\n").filter { $0.hasPrefix("| error ") || $0.hasPrefix("| warning ") }.count == 19)
    }

    @Test func checkPrintsTheSameAnnotationsWithTheSameExitStatus() throws {
        let (work, _) = try Self.workspace(); defer { try? FileManager.default.removeItem(at: work) }
        let environment = ["PATH": "/usr/bin:/bin", "GITHUB_WORKSPACE": work.path]
        let github = try CommandLineTests.run(["check", "--source", "site", "--format", "github"], environment: environment, folder: work)
        let text = try CommandLineTests.run(["check", "--source", "site"], environment: environment, folder: work)
        #expect(github.status == 1 && text.status == 1)
        let lines = github.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(Self.oddLine))
        #expect(lines.contains("::error file=site/content/courses/dangling.zh-TW.md,line=15,col=30,title=talentsite::"
                               + "link uses the 'javascript:' scheme; only https:, http:, mailto: and tel: links are allowed"))
        #expect(lines.count == text.stderr.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }.count)
    }

    @Test func withoutAWorkspacePathsAreRelativeToTheWorkingDirectory() throws {
        let (work, site) = try Self.workspace(); defer { try? FileManager.default.removeItem(at: work) }
        let run = try CommandLineTests.run(["check", "--format", "github"], environment: ["PATH": "/usr/bin:/bin"], folder: site.root)
        #expect(run.stdout.contains("\n::error file=content/courses/fullwidth.zh-TW.md,line=10,col=6,title=talentsite::"
                                    + "full-width colon '：' after 'hours'; use a half-width ':' followed by a space\n"))
    }
}
