import Dispatch
import Testing
@testable import TalentSite

/// Diagnostics print as compilers print them, one per line, and the log reports each once, in order.
@Suite struct DiagnosticTests {
    @Test func printsPathLineColumnSeverityAndMessage() {
        let diagnostic = Diagnostic.error(SourceLocation(file: "content/courses/cnc.en.md", line: 4, column: 7), "hours must be a whole number")
        #expect(diagnostic.description == "content/courses/cnc.en.md:4:7: error: hours must be a whole number")
        #expect(Diagnostic.warning(SourceLocation(file: "a.md"), "stale").description == "a.md:1:1: warning: stale")
    }

    @Test func lineAndColumnAreNeverBelowOne() {
        #expect(SourceLocation(file: "x", line: 0, column: -3).description == "x:1:1")
    }

    @Test func controlCharactersInAMessageStayOnOneLine() {
        let diagnostic = Diagnostic.error(SourceLocation(file: "a.md"), "found \"a\nb\r\u{7}\tc\"")
        #expect(diagnostic.description == #"a.md:1:1: error: found "a\nb\r\u{7} c""#)
        #expect(!diagnostic.description.contains("\n"))
    }

    @Test func relativeToTheSourceFolderPrefixesThePath() {
        let diagnostic = Diagnostic.error(SourceLocation(file: "content/site.yaml", line: 2), "bad")
        #expect(diagnostic.relative(to: "site").location.file == "site/content/site.yaml")
        #expect(diagnostic.relative(to: "site/").location.file == "site/content/site.yaml")
        #expect(diagnostic.relative(to: ".").location.file == "content/site.yaml")
    }

    @Test func errorsSortBeforeWarningsAtOnePlaceAndFilesInOrder() {
        let here = SourceLocation(file: "b.md", line: 3)
        let sorted = [Diagnostic.warning(here, "w"), .error(here, "e"), .error(SourceLocation(file: "a.md", line: 9), "z")].sorted()
        #expect(sorted.map(\.description) == ["a.md:9:1: error: z", "b.md:3:1: error: e", "b.md:3:1: warning: w"])
    }

    @Test func theLogKeepsEachDiagnosticOnceFromManyThreads() {
        let log = DiagnosticLog()
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            log.warning(SourceLocation(file: "f\(index % 20).md"), "same warning")
        }
        #expect(log.all.count == 20)
        #expect(log.all == log.all.sorted())
        #expect(!log.hasErrors(strict: false))
        #expect(log.hasErrors(strict: true))
        log.error(SourceLocation(file: "g.md"), "broken")
        #expect(log.hasErrors(strict: false))
    }

    @Test func aBuildFailureListsOnlyErrorsAsErrors() {
        let failure = BuildFailure([.warning(SourceLocation(file: "b"), "w"), .error(SourceLocation(file: "a"), "e")])
        #expect(failure.errors.map(\.message) == ["e"])
        #expect(failure.description == "a:1:1: error: e\nb:1:1: warning: w")
    }
}
