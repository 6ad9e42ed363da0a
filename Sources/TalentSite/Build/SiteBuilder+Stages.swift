import Dispatch

/// The stages of a build that `build(into:)` and `serve`'s incremental builder share, so both make
/// the same site: the model with the build's options applied, the plan, and the collected outputs.
extension SiteBuilder {
    /// Every job in plan order, the collectors that read rendered pages, and each job's output file.
    public struct Plan: Sendable {
        public var jobs: [OutputJob]
        public var collectors: [any PageCollector]
        public var paths: [String: OutputPath]
    }

    /// The content model, with `SOURCE_DATE_EPOCH` and `--base-url` applied.
    func model(_ content: LoadedContent, log: DiagnosticLog) -> SiteModel {
        var site = SiteModelBuilder(includeDrafts: options.includeDrafts, buildDay: options.buildDay, log: log).build(content)
        site.sourceDateEpoch = options.sourceDateEpoch
        if let baseURL = options.baseURL { site.settings.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        return site
    }

    /// Asks every format for its jobs, in list order, each seeing the jobs planned before it.
    func plan(site: SiteModel, theme: Theme, log: DiagnosticLog) -> Plan {
        var jobs: [OutputJob] = []
        var collectors: [any PageCollector] = []
        for format in formats {
            let input = PlanInput(site: site, theme: theme, log: log, earlier: jobs)
            jobs += format.plan(input)
            if let collector = format.collector(input) { collectors.append(collector) }
        }
        return Plan(jobs: jobs, collectors: collectors, paths: plannedPaths(jobs, log: log))
    }

    /// Renders `jobs` (each with its position in the plan) in parallel into `output`, and hands every rendered
    /// page to the collectors: the one render loop of a full build and of `serve`'s partial rebuilds.
    static func render(_ jobs: [(offset: Int, element: OutputJob)], env: RenderEnvironment, paths: [String: OutputPath],
                       collectors: [any PageCollector], into output: OutputTarget, log: DiagnosticLog,
                       step: @Sendable () -> Void = {}) {
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            defer { step() }
            let (order, job) = jobs[index]
            guard let bytes = job.render(env), let path = paths[job.path] else { return }
            if let page = job.page {
                for collector in collectors { collector.collect(order: order, path: job.path, page: page, html: bytes) }
            }
            write(bytes, to: path, origin: job.origin, output: output, log: log)
        }
    }

    /// The collectors' files (checked to stay inside the output and not to overwrite a planned file)
    /// and their notes for the person building.
    static func finish(_ collectors: [any PageCollector], env: RenderEnvironment, planned: [String: OutputPath],
                       log: DiagnosticLog) -> (files: [(path: OutputPath, bytes: [UInt8])], notes: [String]) {
        var files: [(path: OutputPath, bytes: [UInt8])] = []
        var notes: [String] = []
        for collector in collectors {
            let result = collector.finish(env)
            notes += result.notes
            for file in result.files {
                guard let path = OutputPath(urlPath: file.path), planned[file.path] == nil else {
                    log.error(SourceLocation(file: file.path), "cannot write \(file.path): outside the output or already written")
                    continue
                }
                files.append((path, file.bytes))
            }
        }
        return (files, notes)
    }
}
