import Foundation
@testable import TalentSite

/// The library's output audit (`talentsite check`) with the project's two languages, problems as text.
struct SiteAudit {
    let files: [String: [UInt8]]
    let baseURL: String

    static let languages = [
        Language(code: "zh-TW", htmlLang: "zh-Hant-TW", prefix: "", name: "中文", siteTitle: "", siteDescription: ""),
        Language(code: "en", htmlLang: "en", prefix: "en", name: "English", siteTitle: "", siteDescription: ""),
    ]

    func problems() -> [String] {
        OutputAudit(files: files, baseURL: baseURL, languages: Self.languages).problems().map(\.description)
    }
}
