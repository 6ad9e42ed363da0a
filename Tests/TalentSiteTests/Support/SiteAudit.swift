import Foundation
@testable import TalentSite

/// Reads a built site back with libxml2 and lists every broken promise: a page without `lang` or title,
/// a switcher that does not land on the same record, a one-way hreflang, a link to a file not written.
struct SiteAudit {
    let files: [String: [UInt8]]
    let baseURL: String

    /// `/courses/x/` for `courses/x/index.html`.
    static func urlPath(of file: String) -> String {
        file == "index.html" ? "/" : file.hasSuffix("/index.html") ? "/" + file.dropLast("index.html".count) : "/" + file
    }

    private func exists(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        let clean = String(path.prefix { $0 != "#" && $0 != "?" })
        let file = clean.hasSuffix("/") ? String(clean.dropFirst()) + "index.html" : String(clean.dropFirst())
        return files[file] != nil
    }

    private func localPath(_ absolute: String) -> String? {
        absolute.hasPrefix(baseURL) ? "/" + absolute.dropFirst(baseURL.count) : nil
    }

    func pages() -> [String: HTMLDocument] {
        var pages: [String: HTMLDocument] = [:]
        for (file, bytes) in files where file.hasSuffix(".html") {
            pages[Self.urlPath(of: file)] = HTMLDocument(html: String(decoding: bytes, as: UTF8.self))
        }
        return pages
    }

    func problems() -> [String] {
        let pages = pages()
        var problems: [String] = []
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            let expectedLang = path.hasPrefix("/en/") ? "en" : "zh-Hant-TW"
            if page.first("html")?["lang"] != expectedLang { problems.append("\(path): lang is \(page.first("html")?["lang"] ?? "missing")") }
            if (page.first("title")?.text ?? "").isEmpty { problems.append("\(path): no title") }
            for target in page.linkTargets where target.hasPrefix("/") && !exists(target) {
                problems.append("\(path): links to \(target), which was not written")
            }
            let alternates = page.all("link").filter { $0["rel"] == "alternate" && $0["hreflang"] != nil }
            var alternateByLang: [String: String] = [:]
            for link in alternates {
                guard let href = link["href"], let local = localPath(href) else { problems.append("\(path): bad alternate \(link)"); continue }
                alternateByLang[link["hreflang"]!] = local
                guard let other = pages[local] else { problems.append("\(path): alternate \(local) not written"); continue }
                let back = other.all("link").filter { $0["rel"] == "alternate" }.compactMap { $0["href"] }.compactMap(localPath)
                if !back.contains(path) { problems.append("\(path): \(local) does not link back with hreflang") }
            }
            if !alternates.isEmpty && alternateByLang[expectedLang] != path {
                problems.append("\(path): no hreflang link to itself")
            }
            let switcher = page.all("a").filter { $0["hreflang"] != nil }
            if switcher.isEmpty { problems.append("\(path): no language switcher") }
            for link in switcher {
                guard let href = link["href"], exists(href) else { problems.append("\(path): switcher to \(link["href"] ?? "") not written"); continue }
                if let same = alternateByLang[link["hreflang"]!], same != href {
                    problems.append("\(path): switcher goes to \(href), but the same record in that language is \(same)")
                }
            }
        }
        return problems
    }
}
