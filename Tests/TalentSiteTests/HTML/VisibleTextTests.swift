import Testing
@testable import TalentSite

/// White space is squeezed per character: the fast path by Unicode scalars must agree with it, including the
/// rare text where a space and a mark form one character.
@Suite struct VisibleTextTests {
    private func text(_ body: String) -> String? { VisibleText(html: Array("<main><p>\(body)</p></main>".utf8))?.text }

    @Test func runsOfWhiteSpaceBecomeOneSpaceAndEndsAreTrimmed() {
        #expect(text("  green\n\t energy  ") == "green energy")
        #expect(text("機器\u{3000}視覺 AI\u{00A0}課程") == "機器 視覺 AI 課程")
        #expect(text("ＡＩ　２０２６ café") == "ＡＩ ２０２６ café")
    }

    @Test func aSpaceWithACombiningMarkIsOneWhiteSpaceCharacter() {
        // " \u{301}" is one character, white space: it goes with its mark, as `Character.isWhitespace` says.
        #expect(text("a \u{301}b") == "a b")
        // "\u{600} " is one character that is not white space: the space stays inside it.
        #expect(text("x\u{600} y") == "x\u{600} y")
        #expect(text("a\u{200D} b") == "a\u{200D} b")
    }
}
