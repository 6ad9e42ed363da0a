import Testing
@testable import TalentSite

/// A message kept as a value in a shared frame is the same diagnostic as the message written out: same text, equal,
/// same hash, same order, one entry in the log.
@Suite struct MessageFrameTests {
    static let frame = MessageFrame(before: "link to ", after: ": 'example.org' is reserved")
    static let here = SourceLocation(file: "content/courses/a.md", line: 14, column: 12)

    @Test func aFramedMessageReadsAsTheWrittenOne() {
        let framed = Diagnostic(.warning, Self.here, quoting: "https://example.org/\"x\"", in: Self.frame, kind: "k")
        let written = Diagnostic(.warning, Self.here, "link to \"https://example.org/\\\"x\\\"\": 'example.org' is reserved", kind: "k")
        #expect(framed.message == written.message)
        #expect(framed.description == written.description)
        #expect(framed == written && written == framed)
        #expect(framed.hashValue == written.hashValue)
        #expect(Set([framed, written]).count == 1)
        #expect(!(framed < written) && !(written < framed))
    }

    @Test func framedMessagesDifferByTheirValueOrFrame() {
        let a = Diagnostic(.warning, Self.here, quoting: "https://example.org/a", in: Self.frame)
        let b = Diagnostic(.warning, Self.here, quoting: "https://example.org/b", in: Self.frame)
        let otherFrame = Diagnostic(.warning, Self.here, quoting: "https://example.org/a",
                                    in: MessageFrame(before: "link to ", after: ": 'example.com' is reserved"))
        let sameWords = Diagnostic(.warning, Self.here, quoting: "https://example.org/a",
                                   in: MessageFrame(before: "link to ", after: ": 'example.org' is reserved"))
        #expect(a != b && a != otherFrame)
        #expect(a == sameWords)
        #expect(a < b && !(b < a))
        #expect([b, otherFrame, a].sorted().map(\.message) == [otherFrame, a, b].map(\.message).sorted())
    }

    @Test func orderIsLocationThenSeverityThenMessage() {
        let early = SourceLocation(file: "content/courses/a.md", line: 2, column: 1)
        let warning = Diagnostic(.warning, early, quoting: "z", in: Self.frame)
        let error = Diagnostic.error(Self.here, "a")
        let sameSpotError = Diagnostic.error(early, "zzz")
        #expect([error, warning, sameSpotError].sorted() == [sameSpotError, warning, error])
    }

    @Test func settingTheMessageReplacesTheFrame() {
        var diagnostic = Diagnostic(.warning, Self.here, quoting: "u", in: Self.frame)
        diagnostic.message = "plain"
        #expect(diagnostic.description == "content/courses/a.md:14:12: warning: plain")
        #expect(diagnostic == Diagnostic.warning(Self.here, "plain"))
    }

    @Test func theExampleDomainWarningReadsAsItAlwaysHasWithOrWithoutASharedFrame() {
        let url = "https://example.org/apply/cnc"
        let expected = "link to \"https://example.org/apply/cnc\": 'example.org' is reserved for examples (RFC 2606/6761) "
            + "and leads nowhere; link the real page"
        let shared = ExampleDomainCheck.frame(host: "example.org")
        #expect(ExampleDomainCheck.warning(Self.here, url: url, host: "example.org").message == expected)
        #expect(ExampleDomainCheck.warning(Self.here, url: url, host: "example.org", frame: shared).message == expected)
        #expect(ExampleDomainCheck.warning(Self.here, url: url, host: "example.org").kind == ExampleDomainCheck.kind)
    }
}
