import Foundation

/// One broken promise found in the rendered site: which page, what is wrong, and how bad it is.
public struct AuditProblem: Sendable, Hashable, CustomStringConvertible {
    /// URL path of the page (`/en/courses/cnc/`).
    public var page: String
    public var message: String
    public var severity: Diagnostic.Severity

    public var description: String { "\(page): \(message)" }
}

/// Reads a built site back with libxml2 and lists every broken promise: a page without its `lang` or a
/// title, a link to a file not written or to an anchor the target page lacks, a one-way hreflang,
/// a switcher that does not land on the same record, a page linking to the other language by accident.
/// Works on the rendered files, so it also catches what templates (not only Markdown) link to.
public struct OutputAudit: Sendable {
    public let files: [String: [UInt8]]
    public let baseURL: String
    public let languages: [Language]
    let pages: [String: HTMLDocument]

    public init(files: [String: [UInt8]], baseURL: String, languages: [Language]) {
        self.files = files; self.baseURL = baseURL; self.languages = languages
        let htmlFiles = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let parsed = htmlFiles.parallelMap { HTMLDocument(html: String(decoding: files[$0]!, as: UTF8.self)) }
        var pages: [String: HTMLDocument] = [:]
        for (file, page) in zip(htmlFiles, parsed) { if let page, let path = OutputPath(file: file) { pages[path.urlPath] = page } }
        self.pages = pages
    }

    /// The language a URL path belongs to, by its prefix (`/en/…`), else the default language.
    func language(of path: String) -> Language? {
        languages.first { !$0.prefix.isEmpty && path.hasPrefix("/\($0.prefix)/") } ?? languages.first
    }

    func exists(_ path: String) -> Bool { OutputPath(urlPath: path).map { files[$0.relative] != nil } ?? false }

    /// The root-relative path of an absolute link into this site, nil for any other absolute link.
    func localPath(_ absolute: String) -> String? {
        absolute.hasPrefix(baseURL) ? "/" + absolute.dropFirst(baseURL.count) : nil
    }

    /// Every `id` (and `<a name>`) of a page: the anchors a link may point at.
    static func anchors(of page: HTMLDocument) -> Set<String> {
        Set(page.elements.flatMap { element in [element["id"], element.name == "a" ? element["name"] : nil].compactMap { $0 } })
    }

    public func problems() -> [AuditProblem] {
        let anchorSets = pages.mapValues(Self.anchors)
        var problems: [AuditProblem] = []
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            func report(_ message: String, _ severity: Diagnostic.Severity = .error) {
                problems.append(AuditProblem(page: path, message: message, severity: severity))
            }
            let language = language(of: path)
            let expectedLang = language?.htmlLang ?? ""
            if page.first("html")?["lang"] != expectedLang { report("lang is \(page.first("html")?["lang"] ?? "missing"), expected \(expectedLang)") }
            if (page.first("title")?.text ?? "").isEmpty { report("no title") }
            auditLinks(page, path: path, anchors: anchorSets, report: report)
            auditAlternates(page, path: path, expectedLang: expectedLang, report: report)
        }
        return problems
    }

    /// Internal links must land on a written file and, with a fragment, on an anchor of that page.
    /// A link into the other language (not marked with `hreflang`) is a warning: usually a copied link.
    private func auditLinks(_ page: HTMLDocument, path: String, anchors: [String: Set<String>],
                            report: (String, Diagnostic.Severity) -> Void) {
        for element in page.elements {
            let target: String?
            switch element.name {
            case "a", "link": target = element["href"]
            case "img", "script", "iframe", "source": target = element["src"]
            default: target = nil
            }
            guard let target, !target.isEmpty else { continue }
            if element.name == "link", element["rel"] == "alternate" || element["rel"] == "canonical" { continue }
            let local: String
            if let scheme = URLPolicy.scheme(of: target) {
                guard scheme == "http" || scheme == "https", let inside = localPath(target) else { continue }
                local = inside
            } else if target.hasPrefix("//") {
                continue
            } else {
                local = target
            }
            let resolved = target.hasPrefix("#") ? path : LinkPath.resolve(local, from: path)
            guard exists(resolved) else {
                report("links to \(resolved), which the build does not write", .error)
                continue
            }
            if let fragment = LinkPath.fragment(of: target), let targetAnchors = anchors[resolved], !targetAnchors.contains(fragment) {
                report("links to \(resolved)#\(fragment), but that page has no element with id '\(fragment)'", .error)
            }
            if element.name == "a", element["hreflang"] == nil, pages[resolved] != nil,
               let mine = language(of: path), let theirs = language(of: resolved), mine != theirs {
                report("links to \(resolved), a \(theirs.code) page, from a \(mine.code) page; link to the \(mine.code) version (or mark the link with hreflang)", .warning)
            }
        }
    }

    /// hreflang alternates must be reciprocal and include the page itself; the switcher must land on them.
    private func auditAlternates(_ page: HTMLDocument, path: String, expectedLang: String,
                                 report: (String, Diagnostic.Severity) -> Void) {
        let alternates = page.all("link").filter { $0["rel"] == "alternate" && $0["hreflang"] != nil }
        var alternateByLang: [String: String] = [:]
        for link in alternates {
            guard let href = link["href"], let local = localPath(href) else {
                report("alternate link \(link["href"] ?? "without href") is not an absolute URL of this site", .error); continue
            }
            alternateByLang[link["hreflang"]!] = local
            guard let other = pages[local] else { report("hreflang alternate \(local) is not written", .error); continue }
            let back = other.all("link").filter { $0["rel"] == "alternate" && $0["hreflang"] != nil }
                .compactMap { $0["href"] }.compactMap(localPath)
            if !back.contains(path) { report("\(local) does not link back with hreflang (one-way hreflang)", .error) }
        }
        if !alternates.isEmpty && alternateByLang[expectedLang] != path {
            report("no hreflang link to itself", .error)
        }
        let switcher = page.all("a").filter { $0["hreflang"] != nil }
        if switcher.isEmpty { report("no language switcher", .error) }
        for link in switcher {
            guard let href = link["href"], exists(LinkPath.resolve(href, from: path)) else {
                report("language switcher goes to \(link["href"] ?? "nothing"), which is not written", .error); continue
            }
            if let same = alternateByLang[link["hreflang"]!], same != href {
                report("language switcher goes to \(href), but the same page in that language is \(same)", .error)
            }
        }
    }
}

extension OutputAudit {
    /// Every http(s) link leaving the site, with the pages that hold it (URL → sorted page paths).
    public func externalLinks() -> [String: [String]] {
        var links: [String: Set<String>] = [:]
        for (path, page) in pages {
            for element in page.elements where element.name == "a" || element.name == "img" {
                guard let target = element[element.name == "a" ? "href" : "src"],
                      let scheme = URLPolicy.scheme(of: target), scheme == "http" || scheme == "https",
                      localPath(target) == nil else { continue }
                links[String(target.prefix { $0 != "#" }), default: []].insert(path)
            }
        }
        return links.mapValues { $0.sorted() }
    }
}
