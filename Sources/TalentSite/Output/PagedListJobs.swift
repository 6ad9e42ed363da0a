/// The pages of a `PagedList` as jobs of the build: one per page number per language, each page linked to the
/// same page number in the other languages that have that many pages. Here, not beside the list, because the job
/// type is the output contract, which sits above Render.
extension PagedList {
    func jobs(site: SiteModel) -> [OutputJob] {
        let languages = site.settings.languages
        let counts = Self.counts(rows, languages: languages)
        let pageCounts = counts.mapValues { max(1, $0 == 0 ? 1 : ($0 - 1) / max(1, pageSize) + 1) }
        var jobs: [OutputJob] = []
        for language in languages {
            guard let base = basePaths[language.code], let pages = pageCounts[language.code] else { continue }
            // Filtered once per language, not once per page: long lists have hundreds of pages.
            let visible = rows.filter { $0.entry.versions[language.code] != nil }
            let newest = rows.lazy.compactMap { $0.entry.versions[language.code]?.date }.max()
            for number in 1...pages {
                let slice = Array(visible.dropFirst((number - 1) * pageSize).prefix(pageSize))
                let total = visible.count
                let path = site.routes.page(number, of: base)
                var versions: [String: String] = [:]
                for other in languages where (pageCounts[other.code] ?? 0) >= number {
                    if let otherBase = basePaths[other.code] { versions[other.code] = site.routes.page(number, of: otherBase) }
                }
                let info = PageInfo(language: language.code, versions: versions)
                jobs.append(OutputJob(path: path, origin: origin, page: info) { env in
                    render(slice, total: total, page: number, of: pages, language: language, path: path,
                           versions: info.versions, newest: newest, env: env)
                })
            }
        }
        return jobs
    }
}
