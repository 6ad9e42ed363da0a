/// The pages of a `PagedList` as jobs of the build: one per page number per language, each page linked to the
/// same page number in the other languages that have that many pages. Here, not beside the list, because the job
/// type is the output contract, which sits above Render.
extension PagedList {
    func jobs(site: SiteModel) -> [OutputJob] {
        let languages = site.settings.languages
        // Each language's rows, found once per language, not once per page: long lists have hundreds of pages.
        let visible = Dictionary(uniqueKeysWithValues: languages.map { language in
            (language.code, rows.filter { site.entry(at: $0)?.versions[language.code] != nil })
        })
        let pageCounts = visible.mapValues { max(1, $0.isEmpty ? 1 : ($0.count - 1) / max(1, pageSize) + 1) }
        var jobs: [OutputJob] = []
        for language in languages {
            guard let base = basePaths[language.code], let pages = pageCounts[language.code],
                  let rows = visible[language.code] else { continue }
            let newest = rows.lazy.compactMap { site.entry(at: $0)?.versions[language.code]?.date }.max()
            let shared = ListPages(list: self, language: language, rows: rows, pages: pages, newest: newest)
            for number in 1...pages {
                let path = site.routes.page(number, of: base)
                var versions: [String: String] = [:]
                for other in languages where (pageCounts[other.code] ?? 0) >= number {
                    if let otherBase = basePaths[other.code] { versions[other.code] = site.routes.page(number, of: otherBase) }
                }
                let info = PageInfo(language: language.code, versions: versions)
                jobs.append(OutputJob(path: path, origin: origin, page: info) { env in
                    shared.render(page: number, path: path, versions: info.versions, env: env)
                })
            }
        }
        return jobs
    }
}

/// One language's pages of a list, which all its page jobs share: a job holds this and its page number, not a
/// copy of the list and of its page's rows.
private final class ListPages: Sendable {
    let list: PagedList
    let language: Language
    /// The list's rows that exist in `language`, in list order.
    let rows: [ListRow]
    let pages: Int
    /// The newest date of `rows` in `language`, found once for all pages.
    let newest: Day?

    init(list: PagedList, language: Language, rows: [ListRow], pages: Int, newest: Day?) {
        self.list = list; self.language = language; self.rows = rows; self.pages = pages; self.newest = newest
    }

    func render(page number: Int, path: String, versions: [String: String], env: RenderEnvironment) -> [UInt8]? {
        let size = max(0, list.pageSize)
        let start = min(rows.count, (number - 1) * size)
        return list.render(rows[start..<min(rows.count, start + size)], total: rows.count, page: number, of: pages,
                           language: language, path: path, versions: versions, newest: newest, env: env)
    }
}
