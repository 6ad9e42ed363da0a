import Foundation
import Testing
@testable import TalentSite

/// Links are percent-decoded without Foundation when they hold no `%`; with or without one, the result is
/// Foundation's.
@Suite struct LinkPathTests {
    @Test(arguments: ["", "/courses/cnc/", "../a b/", "課程/", "%E8%AA%B2", "100%", "%zz", "a%2Fb", "%", "%%41", "e\u{301}/x"])
    func decodedAsFoundationDecodes(_ text: String) {
        #expect(LinkPath.decodingPercents(text) == (text.removingPercentEncoding ?? text))
    }

    @Test func resolvesRelativeLinks() {
        #expect(LinkPath.resolve("../b/#x", from: "/a/c/") == "/a/b/")
        #expect(LinkPath.resolve("%E8%AA%B2/?q=1", from: "/a/") == "/a/課/")
        #expect(LinkPath.fragment(of: "/x/#%E8%AA%B2") == "課")
    }
}
