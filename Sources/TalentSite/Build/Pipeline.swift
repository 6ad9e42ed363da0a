/// The one way the site is made, for every command: load → model → plan → render → finish. `build` runs it
/// into a folder, `check` into memory, `serve` into memory again and again (each run given the previous one's
/// state and the records that changed), and `new`, `translated` and `translations` run its first stages.
public struct Pipeline: Sendable {
    public let tree: SourceTree
    public let options: BuildOptions
    /// The outputs of this build; tests pass variants (a sitemap split at 10 URLs).
    public let formats: [any OutputFormat]

    public init(tree: SourceTree, options: BuildOptions = BuildOptions(), formats: [any OutputFormat] = Pipeline.formats) {
        self.tree = tree; self.options = options; self.formats = formats
    }

    /// What the first stage read: the content and the theme.
    public struct Loaded: Sendable {
        public var content: LoadedContent
        public var theme: Theme
    }

    /// Every job in plan order, the collectors that read rendered pages, and each job's output file.
    public struct Plan: Sendable {
        public var jobs: [OutputJob]
        public var collectors: [any PageCollector]
        public var paths: [String: OutputPath]
    }

    /// Reads `content/` and `templates/`; nil (with the reasons in `log`) when the site cannot be read at all.
    /// `cache` holds records parsed by an earlier run (`serve`), reused when their file is unchanged.
    public func load(log: DiagnosticLog) -> Loaded? { load(log: log, cache: nil) }

    func load(log: DiagnosticLog, cache: RecordCache?) -> Loaded? {
        let content = ContentLoader(tree: tree, log: log, cache: cache).load()
        let theme = content.flatMap { Theme.load(tree: tree, languages: $0.settings.languages, log: log) }
        guard let content, let theme else { return nil }
        return Loaded(content: content, theme: theme)
    }

    /// The content model, with `SOURCE_DATE_EPOCH` and `--base-url` applied.
    public func model(_ content: LoadedContent, log: DiagnosticLog) -> SiteModel {
        var site = SiteModelBuilder(includeDrafts: options.includeDrafts, buildDay: options.buildDay, log: log).build(content)
        site.sourceDateEpoch = options.sourceDateEpoch
        if let baseURL = options.baseURL { site.settings.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        return site
    }

    /// Loads the content and builds its model, without the theme: for commands that report on the content
    /// (`translations`). Nil when the content cannot be read.
    public func loadModel(log: DiagnosticLog) -> SiteModel? {
        ContentLoader(tree: tree, log: log).load().map { model($0, log: log) }
    }

    /// Asks every format for its jobs, in list order, each seeing the jobs planned before it.
    func plan(site: SiteModel, theme: Theme, log: DiagnosticLog) -> Plan {
        var jobs: [OutputJob] = []
        var collectors: [any PageCollector] = []
        for format in formats {
            // The input (which shares `jobs`) is gone before the append, so the jobs are not copied once per format.
            let (planned, collector) = {
                let input = PlanInput(site: site, theme: theme, log: log, earlier: jobs)
                return (format.plan(input), format.collector(input))
            }()
            jobs += planned
            if let collector { collectors.append(collector) }
        }
        return Plan(jobs: jobs, collectors: collectors, paths: plannedPaths(jobs, log: log))
    }

    /// Maps each job's URL path to a safe file path, reporting unsafe paths and two sources wanting one URL.
    func plannedPaths(_ jobs: [OutputJob], log: DiagnosticLog) -> [String: OutputPath] {
        var paths: [String: OutputPath] = [:]
        // Each file's first job, by position: a copy of every job here was the plan stage's largest passing allocation.
        var owners: [OutputPath: Int] = [:]
        for (index, job) in jobs.enumerated() {
            guard let path = OutputPath(urlPath: job.path) else {
                log.error(job.origin ?? SourceLocation(file: job.path), "refusing to write outside the output folder: \(job.path)")
                continue
            }
            if let owner = owners[path] {
                log.error(job.origin ?? SourceLocation(file: job.path),
                          "\(job.path) is also written by \(jobs[owner].origin?.description ?? "another output"); rename one of them")
                continue
            }
            owners[path] = index
            paths[job.path] = path
        }
        return paths
    }
}
