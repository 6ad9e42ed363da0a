/// `sitemap.xml` listing every HTML page planned before it (records, lists, taxonomy terms, year
/// archives, search), each with `xhtml:link` alternates for all its language versions and `x-default`.
/// Above `limit` URLs it becomes a sitemap index over `sitemap-1.xml`, `sitemap-2.xml`…
public struct Sitemap: OutputFormat {
    /// The sitemaps.org protocol's limit per file.
    public var limit = 50_000

    public init(limit: Int = 50_000) { self.limit = max(1, limit) }

    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let pages = input.earlierPages
        guard !pages.isEmpty else { return [] }
        let origin = SourceLocation(file: "content/site.yaml")
        if pages.count <= limit {
            return [OutputJob(path: "/sitemap.xml", origin: origin) { env in Self.urlset(pages, env: env) }]
        }
        let chunks = stride(from: 0, to: pages.count, by: limit).map { Array(pages[$0..<min(pages.count, $0 + limit)]) }
        var jobs = chunks.enumerated().map { index, chunk in
            OutputJob(path: "/sitemap-\(index + 1).xml", origin: origin) { env in Self.urlset(chunk, env: env) }
        }
        jobs.append(OutputJob(path: "/sitemap.xml", origin: origin) { env in
            guard let xml = XMLWriter() else { return nil }
            xml.start("sitemapindex", namespaces: [(nil, Self.namespace)])
            for index in chunks.indices {
                xml.start("sitemap")
                xml.element("loc", env.site.settings.absoluteURL("/sitemap-\(index + 1).xml"))
                xml.end()
            }
            xml.end()
            return xml.finish()
        })
        return jobs
    }

    private static func urlset(_ pages: [(path: String, page: PageInfo)], env: RenderEnvironment) -> [UInt8]? {
        let settings = env.site.settings
        let absolute = settings.absoluteURL
        guard let xml = XMLWriter() else { return nil }
        xml.start("urlset", namespaces: [(nil, namespace), ("xhtml", xhtml)])
        for (path, page) in pages {
            xml.start("url")
            xml.element("loc", absolute(path))
            if page.versions.count > 1 {
                for language in settings.languages {
                    guard let version = page.versions[language.code] else { continue }
                    xml.element("xhtml:link", attributes: [("rel", "alternate"), ("hreflang", language.htmlLang), ("href", absolute(version))])
                }
                if let fallback = page.versions[settings.defaultLanguage.code] {
                    xml.element("xhtml:link", attributes: [("rel", "alternate"), ("hreflang", "x-default"), ("href", absolute(fallback))])
                }
            }
            xml.end()
        }
        xml.end()
        return xml.finish()
    }
}
