import Foundation
import Testing
@testable import TalentSite

/// What every shipped page carries: the demonstration banner (the agency is a sample), the gov.tw `:::`
/// access keys, and a footer naming the agency with site policies and the page's updated date.
@Suite struct ShippedFrameTests {
    static var pages: [(path: String, doc: HTMLDocument, text: String)] {
        ShippedSiteTests.result.output.files.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }.compactMap { path, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            return HTMLDocument(html: text).map { (path, $0, text) }
        }
    }

    @Test func everyPageHasTheBannerAccessKeysAndFooter() throws {
        let all = Self.pages
        #expect(all.count > 100)
        for (path, doc, text) in all {
            let english = path.hasPrefix("en/")
            let banner = doc.all("p").filter { $0["class"] == "demo-banner" }
            #expect(banner.count == 1 && banner[0].text.hasPrefix(english ? "Demonstration site" : "示範網站"), "\(path) banner")
            let keys = doc.all("a").filter { $0["class"] == "accesskey" }
            #expect(keys.map { $0["accesskey"] ?? "" } == ["U", "C", "Z"], "\(path) access keys")
            for key in keys {
                #expect(key.text == ":::" && key["href"] == "#" + (key["id"] ?? "?") && !(key["title"] ?? "").isEmpty, "\(path)")
            }
            // U before the header, C first in main, Z first in the footer.
            let u = text.range(of: "accesskey=\"U\"")!.lowerBound, c = text.range(of: "accesskey=\"C\"")!.lowerBound
            let z = text.range(of: "accesskey=\"Z\"")!.lowerBound
            #expect(u < text.range(of: "<header")!.lowerBound && text.range(of: "<main")!.lowerBound < c
                    && text.range(of: "<footer")!.lowerBound < z, "\(path) marker order")
            let agency = doc.all("h2").first { $0["class"] == "agency-name" }?.text
            #expect(agency == (english ? "5+2 Industry Talent website operator (sample)" : "5+2產業人才培育網站營運機關（範例）"), "\(path)")
            #expect(doc.first("address")?.text.contains("(02) 0000-0000") == true, "\(path) phone")
            #expect(text.contains("href=\"mailto:service@talent.example.gov.tw\""), "\(path) email")
            let policies = ["privacy", "open-data", "accessibility", "site-map"].map { (english ? "/en/" : "/") + $0 + "/" }
            #expect(policies.allSatisfy { text.contains("href=\"\($0)\"") }, "\(path) policy links")
            let updated = doc.all("p").first { $0["class"] == "updated" }
            #expect(updated?.text.hasPrefix(english ? "Updated: " : "更新日期：") == true, "\(path) updated date")
        }
    }

    @Test func updatedDateIsTheNewestContentBehindThePage() throws {
        func updated(_ path: String) throws -> String? {
            let doc = try #require(HTMLDocument(html: ShippedSiteTests.result.output.text(path) ?? ""))
            let html = ShippedSiteTests.result.output.text(path) ?? ""
            _ = doc
            guard let start = html.range(of: "<p class=\"updated\">") else { return nil }
            return html[start.upperBound...].firstMatch(of: try Regex(#"datetime="([0-9-]+)""#)).map { String($0.output[1].substring ?? "") }
        }
        #expect(try updated("courses/industrial-iot-bootcamp/index.html") == "2026-10-05")  // its own date
        #expect(try updated("news/index.html") == "2026-11-20")  // the newest news item
        #expect(try updated("en/index.html") == "2026-11-20")  // the home page previews everything
        let again = TestSite.build(ShippedSiteTests.tree, options: BuildOptions(strict: true, buildDay: Day(year: 2026, month: 11, day: 24)))
        #expect(again.output.files == ShippedSiteTests.result.output.files, "same content, byte-identical pages")
    }

    @Test func sitePoliciesAreShippedInBothLanguages() throws {
        let out = ShippedSiteTests.result.output
        let openData = out.text("open-data/index.html") ?? ""
        #expect(openData.contains("政府資料開放授權條款第1版") && openData.contains("href=\"/data/courses.csv\""))
        #expect((out.text("en/open-data/index.html") ?? "").contains("Open Government Data License, version 1.0"))
        let accessibility = out.text("accessibility/index.html") ?? "", en = out.text("en/accessibility/index.html") ?? ""
        #expect(accessibility.contains("尚未取得無障礙標章") && en.contains("does not hold an accessibility mark"))
        #expect(!accessibility.contains("<img") && !en.contains("<img"), "no accessibility mark the site does not hold")
        #expect((out.text("privacy/index.html") ?? "").contains("不使用Cookie"))
        #expect((out.text("en/privacy/index.html") ?? "").contains("sets no cookies"))
        for (path, keys) in [("site-map/index.html", ["Alt+U", "Alt+C", "Alt+Z", "上方功能區塊", "中央內容區塊", "下方功能區塊"]),
                             ("en/site-map/index.html", ["Alt+U", "Alt+C", "Alt+Z", "Top", "Centre", "Bottom"])] {
            let text = out.text(path) ?? ""
            for key in keys { #expect(text.contains(key), "\(path) does not explain \(key)") }
        }
    }
}
