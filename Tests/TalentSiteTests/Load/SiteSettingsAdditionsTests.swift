import Foundation
import Testing
@testable import TalentSite

/// The optional blocks site.yaml and _section.yaml grew: the operating agency, footer_menu, a section's
/// `about` text and `summary_limit`. Bad values are errors at their line; leaving them out still builds.
@Suite struct SiteSettingsAdditionsTests {
    static func siteYAML(_ tree: MemorySourceTree) -> String { String(decoding: tree.files["content/site.yaml"]!, as: UTF8.self) }

    @Test func badAgencyDetailsAreErrorsAtTheirLines() {
        var tree = TestSite.tree()
        let yaml = Self.siteYAML(tree)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  phone:") }! + 1
        tree.files["content/site.yaml"] = Data(yaml.replacingOccurrences(of: "phone: (02) 0000-0000", with: "phone: call us")
            .replacingOccurrences(of: "email: service@talent.example.gov.tw", with: "email: nobody").utf8)
        let errors = TestSite.build(tree).diagnostics
        #expect(errors.contains { $0.hasPrefix("content/site.yaml:\(line):") && $0.contains("'phone' must be a Taiwan phone number") })
        #expect(errors.contains { $0.hasPrefix("content/site.yaml:\(line + 1):") && $0.contains("'email' must be an address") })
    }

    @Test func aSiteWithoutAgencyOrFooterMenuBuildsWithoutBannerOrAgency() throws {
        var tree = TestSite.tree()
        var lines = Self.siteYAML(tree).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var skipping = false
        for line in lines {
            if line.hasPrefix("agency:") || line.hasPrefix("footer_menu:") { skipping = true; continue }
            if skipping && (line.hasPrefix("  ") || line.isEmpty) { continue }
            skipping = false
            kept.append(line)
        }
        lines = kept
        tree.files["content/site.yaml"] = Data(lines.joined(separator: "\n").utf8)
        let result = TestSite.build(tree)
        #expect(result.diagnostics == [])
        let home = try #require(result.output.text("index.html"))
        #expect(!home.contains("demo-banner") && !home.contains("agency-name"))
        #expect(home.contains("accesskey=\"Z\""), "access keys do not depend on the agency")
    }

    @Test func aBrokenLinkInASectionsAboutTextIsAnErrorInItsFile() throws {
        var tree = TestSite.tree()
        let path = "content/awards/_section.yaml"
        let yaml = String(decoding: tree.files[path]!, as: UTF8.self)
        tree.files[path] = Data(yaml.replacingOccurrences(of: "    ## 關於本獎\n", with: "    ## 關於本獎\n\n    見[說明](/nowhere/)。\n").utf8)
        let errors = TestSite.build(tree).diagnostics
        #expect(errors.contains { $0.hasPrefix("\(path):") && $0.contains("link to /nowhere/, which this build does not write") })
    }

    @Test func cardSummariesAreCutAtSentenceOrWordEnds() {
        #expect(ListItems.shorten("Short.", limit: 160) == "Short.")
        let english = "First sentence is here. Second sentence runs on and on beyond the limit of the card"
        #expect(ListItems.shorten(english, limit: 40) == "First sentence is here.")
        #expect(ListItems.shorten("one two three four five six seven eight nine ten", limit: 30) == "one two three four five six…")
        #expect(ListItems.shorten("第一句說明得獎單位的具體原因。第二句更長的說明文字超過卡片的字數限制", limit: 20) == "第一句說明得獎單位的具體原因。")
    }
}
