/// `robots.txt`: everything may be crawled; the sitemap is named with its absolute URL.
public struct RobotsTxt: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        [OutputJob(path: "/robots.txt", origin: SourceLocation(file: "content/site.yaml")) { env in
            Array("User-agent: *\nAllow: /\n\nSitemap: \(env.site.settings.absoluteURL("/sitemap.xml"))\n".utf8)
        }]
    }
}
