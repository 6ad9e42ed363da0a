/// Options of one build, as given on the command line.
public struct BuildOptions: Sendable {
    public var includeDrafts = false
    /// Warnings (such as a missing translation) fail the build.
    public var strict = false
    /// "Today" for anything date-dependent; from `SOURCE_DATE_EPOCH` so rebuilds are reproducible.
    public var buildDay: Day?
    /// `SOURCE_DATE_EPOCH`, when given: feeds take their lastBuildDate from it.
    public var sourceDateEpoch: Int?
    /// Overrides `base_url` of `content/site.yaml` (`--base-url`), for previews and mirrors.
    public var baseURL: String?
    /// Told each stage and how far rendering got (`stage, done, total`), for a progress line on a terminal.
    public var progress: (@Sendable (String, Int, Int) -> Void)?
    /// `--precompress`: a build into a folder also writes `.gz` and `.br` copies of its text files.
    public var precompress = false
    /// Bytes of rendered cards held in memory while rendering; the rest go to a temporary file and are read
    /// back from it (nil: the default, which a 5k-course site stays within).
    public var cardMemory: Int?
    /// How many card items (a record's fields as its card shows them) are kept for later pages; one let go is
    /// made again when asked for (nil: the default, which a 5k-course site stays within).
    public var cardItems: Int?

    public init(includeDrafts: Bool = false, strict: Bool = false, buildDay: Day? = nil,
                sourceDateEpoch: Int? = nil, baseURL: String? = nil) {
        self.includeDrafts = includeDrafts; self.strict = strict; self.buildDay = buildDay
        self.sourceDateEpoch = sourceDateEpoch; self.baseURL = baseURL
    }
}

/// What a successful build did: how many files it wrote and the warnings it raised.
public struct BuildReport: Sendable {
    public var filesWritten: Int
    public var warnings: [Diagnostic]
    /// What outputs want to tell the person building (search index size), one line each.
    public var notes: [String] = []
    /// The source each written file came from (output file path → origin), so checks of the rendered
    /// output can point at the content or template that made a page.
    public var origins: [String: SourceLocation] = [:]
}

/// The full build is the pipeline run once, from nothing; the name stays for callers that say "build".
public typealias SiteBuilder = Pipeline

extension Pipeline {
    /// Every kind of output the site has. Adding one is adding it here.
    public static let formats: [any OutputFormat] = [
        RecordPages(), SectionLists(), YearArchives(), TaxonomyPages(), SearchPages(), NotFoundPages(), DataCatalogue(),
        Sitemap(), RobotsTxt(), RSSFeeds(), AtomFeeds(), OpenData(), StaticAssets(),
    ]

    /// Builds the site into `output`. Throws `BuildFailure` with all diagnostics when anything is wrong.
    /// A record that fails to load does not stop the build early: the others are still checked and rendered
    /// (into the output, which the caller then discards), so one run reports every error.
    public func build(into output: OutputTarget) throws(BuildFailure) -> BuildReport {
        try complete(into: output).report
    }

    /// A full run: the report, and the model it was made from (`check` audits the output against its settings).
    func complete(into output: OutputTarget) throws(BuildFailure) -> (report: BuildReport, site: SiteModel) {
        let log = DiagnosticLog()
        var clock = StageClock()
        options.progress?("loading content", 0, 0)
        guard let loaded = load(log: log) else { throw BuildFailure(log.all) }
        clock.lap("load")
        let run = run(loaded, into: output, log: log)
        if log.hasErrors(strict: options.strict) { throw BuildFailure(log.all) }
        let plan = run.state.plan
        var origins: [String: SourceLocation] = [:]
        for job in plan.jobs { if let path = plan.paths[job.path], let origin = job.origin { origins[path.relative] = origin } }
        let report = BuildReport(filesWritten: plan.jobs.count + run.collectedFiles, warnings: log.all, notes: run.notes, origins: origins)
        return (report, run.state.site)
    }
}
