import Dispatch
import Foundation

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

/// Runs the pipeline: load → model → plan outputs → render in parallel → write. Stops before rendering
/// when the content has errors, and reports every error of the build at once.
public struct SiteBuilder: Sendable {
    /// Every kind of output the site has. Adding one is adding it here.
    public static let formats: [any OutputFormat] = [
        RecordPages(), SectionLists(), YearArchives(), TaxonomyPages(), SearchPages(), NotFoundPages(),
        Sitemap(), RobotsTxt(), RSSFeeds(), OpenData(), StaticAssets(),
    ]

    public let tree: SourceTree
    public let options: BuildOptions
    /// The outputs of this build; tests pass variants (a sitemap split at 10 URLs).
    public let formats: [any OutputFormat]

    public init(tree: SourceTree, options: BuildOptions = BuildOptions(), formats: [any OutputFormat] = SiteBuilder.formats) {
        self.tree = tree; self.options = options; self.formats = formats
    }

    /// Builds the site into `output`. Throws `BuildFailure` with all diagnostics when anything is wrong.
    /// A record that fails to load does not stop the build early: the others are still checked and rendered
    /// (into the output, which the caller then discards), so one run reports every error.
    public func build(into output: OutputTarget) throws(BuildFailure) -> BuildReport {
        let log = DiagnosticLog()
        var clock = StageClock()
        options.progress?("loading content", 0, 0)
        let content = ContentLoader(tree: tree, log: log).load()
        let theme = content.flatMap { Theme.load(tree: tree, languages: $0.settings.languages, log: log) }
        guard let content, let theme else { throw BuildFailure(log.all) }
        clock.lap("load")

        let site = model(content, log: log)
        let plan = plan(site: site, theme: theme, log: log)
        let (jobs, collectors, paths) = (plan.jobs, plan.collectors, plan.paths)
        clock.lap("model+plan")

        let env = RenderEnvironment(site: site, theme: theme, plannedPaths: Set(paths.keys),
                                    summaries: SummaryIndex.build(site: site), formats: formats, log: log)
        clock.lap("summaries")
        let rendered = ProgressCounter(total: jobs.count, report: options.progress)
        Self.render(Array(jobs.enumerated()), env: env, paths: paths, collectors: collectors, into: output, log: log) { rendered.step() }
        clock.lap("render+write")
        if !collectors.isEmpty { options.progress?("indexing for search", 0, 0) }
        let collected = Self.finish(collectors, env: env, planned: paths, log: log)
        let files = collected.files
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            Self.write(files[index].bytes, to: files[index].path, origin: nil, output: output, log: log)
        }
        clock.lap("collected outputs")
        if log.hasErrors(strict: options.strict) { throw BuildFailure(log.all) }
        var origins: [String: SourceLocation] = [:]
        for job in jobs { if let path = paths[job.path], let origin = job.origin { origins[path.relative] = origin } }
        return BuildReport(filesWritten: jobs.count + collected.files.count, warnings: log.all, notes: collected.notes, origins: origins)
    }

    static func write(_ bytes: [UInt8], to path: OutputPath, origin: SourceLocation?, output: OutputTarget, log: DiagnosticLog) {
        do { try output.write(bytes, to: path) } catch {
            log.error(origin ?? SourceLocation(file: path.description), "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Maps each job's URL path to a safe file path, reporting unsafe paths and two sources wanting one URL.
    func plannedPaths(_ jobs: [OutputJob], log: DiagnosticLog) -> [String: OutputPath] {
        var paths: [String: OutputPath] = [:]
        var owners: [OutputPath: OutputJob] = [:]
        for job in jobs {
            guard let path = OutputPath(urlPath: job.path) else {
                log.error(job.origin ?? SourceLocation(file: job.path), "refusing to write outside the output folder: \(job.path)")
                continue
            }
            if let owner = owners[path] {
                log.error(job.origin ?? SourceLocation(file: job.path),
                          "\(job.path) is also written by \(owner.origin?.description ?? "another output"); rename one of them")
                continue
            }
            owners[path] = job
            paths[job.path] = path
        }
        return paths
    }
}
