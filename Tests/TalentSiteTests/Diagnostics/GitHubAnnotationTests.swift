import Foundation
import Testing
@testable import TalentSite

/// GitHub workflow commands: escaping, paths against the workspace, and the step summary table.
@Suite struct GitHubAnnotationTests {
    static let site = URL(fileURLWithPath: "/work/repo/site")
    static let workspace = URL(fileURLWithPath: "/work/repo")

    @Test func messagesEscapePercentAndLineBreaksOnly() {
        #expect(GitHubAnnotation.escapeMessage("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b")
        #expect(GitHubAnnotation.escapeMessage("%0A") == "%250A")
        #expect(GitHubAnnotation.escapeMessage("") == "")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubAnnotation.escapeProperty("a:b,c%d\ne\r") == "a%3Ab%2Cc%25d%0Ae%0D")
        #expect(GitHubAnnotation.escapeProperty("content/課程/x.md") == "content/課程/x.md")
    }

    @Test func errorAndWarningCommands() {
        let error = Diagnostic.error(SourceLocation(file: "content/x.md", line: 3, column: 7), "bad: value, here")
        #expect(GitHubAnnotation.command(error, file: "site/content/x.md")
                == "::error file=site/content/x.md,line=3,col=7,title=talentsite::bad: value, here")
        let warning = Diagnostic.warning(SourceLocation(file: "content/y.md"), "line one\n::error::forged")
        #expect(GitHubAnnotation.commands([warning], source: Self.site, workspace: Self.workspace)
                == ["::warning file=site/content/y.md,line=1,col=1,title=talentsite::line one%0A::error::forged"])
    }

    @Test func pathsAreRelativeToTheWorkspaceOrAbsoluteOutsideIt() {
        #expect(GitHubAnnotation.workspacePath("content/x.md", source: Self.site, workspace: Self.workspace) == "site/content/x.md")
        #expect(GitHubAnnotation.workspacePath("content/x.md", source: Self.site, workspace: Self.site) == "content/x.md")
        #expect(GitHubAnnotation.workspacePath("content/x.md", source: Self.site, workspace: URL(fileURLWithPath: "/elsewhere"))
                == "/work/repo/site/content/x.md")
        // A sibling whose name starts with the workspace's is outside it.
        #expect(GitHubAnnotation.workspacePath("content/x.md", source: URL(fileURLWithPath: "/work/repo2"), workspace: Self.workspace)
                == "/work/repo2/content/x.md")
        #expect(GitHubAnnotation.workspacePath("/etc/hostname", source: Self.site, workspace: Self.workspace) == "/etc/hostname")
        #expect(GitHubAnnotation.workspacePath("content/x.md", source: URL(fileURLWithPath: "/work/repo/site/../site/"),
                                               workspace: URL(fileURLWithPath: "/work/repo/"))
                == "site/content/x.md")
    }

    @Test func workspaceComesFromTheEnvironmentElseTheWorkingDirectory() {
        #expect(GitHubAnnotation.workspace(environment: ["GITHUB_WORKSPACE": "/w"]).path == "/w")
        #expect(GitHubAnnotation.workspace(environment: [:]).path == FileManager.default.currentDirectoryPath)
    }

    @Test func summaryIsAMarkdownTableWithEscapedCells() {
        let diagnostics = [
            Diagnostic.error(SourceLocation(file: "content/x.md", line: 2, column: 4), "a | b <script> & c\nd"),
            Diagnostic.warning(SourceLocation(file: "content/y.md"), "missing"),
        ]
        #expect(GitHubAnnotation.summary(diagnostics, heading: "talentsite check", source: Self.site, workspace: Self.workspace) == """
            ### talentsite check: 1 error, 1 warning

            | Severity | File | Line | Column | Message |
            | --- | --- | --- | --- | --- |
            | error | site/content/x.md | 2 | 4 | a \\| b &lt;script&gt; &amp; c\\nd |
            | warning | site/content/y.md | 1 | 1 | missing |


            """)
        #expect(GitHubAnnotation.summary([], heading: "talentsite build", source: Self.site, workspace: Self.workspace)
                == "### talentsite build: 0 errors, 0 warnings\n\n")
    }

    @Test func summaryIsAppendedOnlyWhenTheVariableIsSet() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        try GitHubAnnotation.appendSummary("one\n", environment: [:])
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try GitHubAnnotation.appendSummary("one\n", environment: ["GITHUB_STEP_SUMMARY": file.path])
        try GitHubAnnotation.appendSummary("two\n", environment: ["GITHUB_STEP_SUMMARY": file.path])
        #expect(try String(contentsOf: file, encoding: .utf8) == "one\ntwo\n")
        #expect(throws: (any Error).self) {
            try GitHubAnnotation.appendSummary("x", environment: ["GITHUB_STEP_SUMMARY": "/nonexistent-folder/summary.md"])
        }
    }
}
