import Dispatch

/// What a run leaves for the next one (`serve`): its input, model, plan and the rendered pages' harvests.
struct PipelineState: Sendable {
    var loaded: Pipeline.Loaded
    var site: SiteModel
    /// The plan, rendered: its jobs keep their paths, origins and pages, not their renderers.
    var plan: Pipeline.Plan
    var summaries: SummaryIndex
    /// Each rendered page's contributions to the collectors, by URL path.
    var harvests: [String: PageHarvest]
    /// Every file the run made (relative to the output): the planned ones and the collected ones.
    var files: Set<String>
    /// Each record's position in `loaded.content.records`, by file.
    var recordIndex: [String: Int]
}

/// What one run did: its state, and which jobs it rendered (`full`: all of them).
struct PipelineRun: Sendable {
    var state: PipelineState
    var rendered: [OutputJob]
    var full: Bool
    var collectedFiles: Int
    var notes: [String]
}

extension Pipeline {
    /// Model → plan → render → finish, into `output`. Given the previous run's state and the records that
    /// changed since (`updated`, already swapped into `loaded`), renders only the jobs the change affects and
    /// keeps the other pages' harvests: `serve`'s rebuild is this same run, not a copy of it. When pages
    /// came or went, everything is rendered again.
    func run(_ loaded: Loaded, into output: OutputTarget, log: DiagnosticLog, after previous: PipelineState? = nil,
             updated: [(old: Record, new: Record)] = []) -> PipelineRun {
        var clock = StageClock()
        let site = model(loaded.content, log: log)
        var plan = plan(site: site, theme: loaded.theme, log: log)
        clock.lap("model+plan")
        let summaries = previous.map { $0.summaries.updating(updated.map(\.new)) } ?? SummaryIndex.build(site: site)
        clock.lap("summaries")

        var jobs = plan.jobs
        var harvests: [String: PageHarvest] = [:]
        if let previous, Set(plan.jobs.map(\.path)) == Set(previous.plan.jobs.map(\.path)) {
            let affected = AffectedPages(site: site, updated: updated, oldSummaries: previous.summaries, newSummaries: summaries)
            jobs = plan.jobs.filter { affected.contains($0) }
            harvests = previous.harvests
            for job in jobs { harvests[job.path] = nil }
        }
        let planned = Set(plan.paths.keys)
        let counter = ProgressCounter(total: jobs.count, report: options.progress)
        // The render stage gets the only copy of the renderers: what a job captured to render its page is freed
        // once the page is written. Finish, the report and the next run of `serve` read paths and pages only.
        let renderers = jobs.map(\.render)
        let full = jobs.count == plan.jobs.count
        plan.jobs = plan.jobs.map(\.rendered)
        // A full run renders every job: the state's jobs and the rendered ones are one array, not two copies.
        jobs = full ? plan.jobs : jobs.map(\.rendered)
        do {
            // An environment of its own for rendering: its card renderings (tens of MB on a big site) go with it.
            let env = RenderEnvironment(site: site, theme: loaded.theme, plannedPaths: planned, summaries: summaries,
                                        formats: formats, log: log,
                                        cardMemory: options.cardMemory, cardItems: options.cardItems)
            let rendered = Self.render(jobs, renderers: consume renderers, env: env, paths: plan.paths, collectors: plan.collectors,
                                       into: output, log: log) { counter.step() }
            harvests.merge(rendered) { _, new in new }
        }
        // The environment's cards and every page's transient memory were just freed: jemalloc would keep those pages
        // for seconds, and the finish stage would add its index to them.
        HeapStats.releaseFreedPages()
        clock.lap("render+write")

        if !plan.collectors.isEmpty { options.progress?("indexing for search", 0, 0) }
        let env = RenderEnvironment(site: site, theme: loaded.theme, plannedPaths: planned, summaries: summaries,
                                    formats: formats, log: log)
        let collected = Self.finish(plan, harvests: harvests, env: env, into: output, log: log)
        clock.lap("collected outputs")

        let recordIndex = previous.flatMap { updated.isEmpty ? nil : $0.recordIndex }
            ?? Dictionary(loaded.content.records.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
        let written = Set(plan.paths.values.map(\.relative)).union(collected.written.map(\.relative))
        let state = PipelineState(loaded: loaded, site: site, plan: plan, summaries: summaries, harvests: harvests,
                                  files: written, recordIndex: recordIndex)
        return PipelineRun(state: state, rendered: jobs, full: jobs.count == plan.jobs.count, collectedFiles: collected.written.count,
                           notes: collected.notes)
    }
}

extension OutputJob {
    /// This job once its page is written: the same path, origin and page, and a renderer that makes nothing, so
    /// the values its renderer captured (list rows, term pages' records) can be freed.
    var rendered: OutputJob { OutputJob(path: path, origin: origin, page: page) { _ in nil } }
}
