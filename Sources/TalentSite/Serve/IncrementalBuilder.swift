import Dispatch
import Foundation

/// Builds the site in memory for `serve` and rebuilds only what a change affects. The stages are those
/// of `SiteBuilder.build` (load → model → plan → render), kept with their results so that an edit to
/// existing records re-parses only those files and re-renders only the pages that show them (plus list
/// and home pages when what lists show changed, and every non-page output). Anything else — a new or
/// deleted file, a schema, settings or template change, a previous failure — rebuilds everything, still
/// reusing parsed records. Tests check that the result is byte-identical to a fresh `SiteBuilder` build.
final class IncrementalBuilder: @unchecked Sendable {  // used by one thread at a time: the watcher's
    enum Outcome {
        /// `rendered` files were rendered (all of them after a full build).
        case built(files: [String: [UInt8]], rendered: Int, warnings: [Diagnostic], full: Bool)
        case failed([Diagnostic])
        /// The files reported changed have the same contents as before.
        case unchanged
    }

    let options: BuildOptions
    private(set) var snapshot: SnapshotTree
    private let cache = RecordCache()
    private var last: Stages?

    /// What the last successful build made, for the next rebuild to start from.
    struct Stages {
        var content: LoadedContent
        var recordIndex: [String: Int]
        var theme: Theme
        var site: SiteModel
        var jobs: [OutputJob]
        var paths: [String: OutputPath]
        var summaries: SummaryIndex
        var files: [String: [UInt8]]
    }

    init(root: URL, options: BuildOptions) {
        self.options = options
        snapshot = SnapshotTree(root: root, folders: ["content", "templates"])
    }

    /// Builds everything from the snapshot.
    func buildAll() -> Outcome {
        let log = DiagnosticLog()
        let tree = snapshot.tree
        let content = ContentLoader(tree: tree, log: log, cache: cache).load()
        let theme = content.flatMap { Theme.load(tree: tree, languages: $0.settings.languages, log: log) }
        guard let content, let theme else { last = nil; return .failed(log.all) }
        let site = pipeline.model(content, log: log)
        let plan = pipeline.plan(site: site, theme: theme, log: log)
        var stages = Stages(content: content, recordIndex: Self.index(content.records), theme: theme, site: site, jobs: plan.jobs,
                            paths: plan.paths, summaries: SummaryIndex.build(site: site), files: [:])
        stages.files = render(plan.jobs, stages: stages, log: log)
        collect(plan, into: &stages, log: log)
        return finish(stages, log: log, rendered: plan.jobs.count, full: true)
    }

    /// Re-reads the changed paths and rebuilds what they affect.
    func rebuild(changed paths: Set<String>) -> Outcome {
        let changed = snapshot.refresh(paths)
        guard !changed.isEmpty else { return .unchanged }
        if let last, let outcome = rebuildRecords(changed, from: last) { return outcome }
        if changed.contains(where: { !Self.isRecordFile($0) }) { cache.removeAll() }
        return buildAll()
    }

    private static func isRecordFile(_ path: String) -> Bool {
        path.hasPrefix("content/") && path.hasSuffix(".md") && path.split(separator: "/").count == 3
    }

    private static func index(_ records: [Record]) -> [String: Int] {
        Dictionary(records.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The fast path: only existing Markdown records changed, and each still loads cleanly. Nil when it does not apply.
    private func rebuildRecords(_ changed: Set<String>, from last: Stages) -> Outcome? {
        var content = last.content
        var updated: [(old: Record, new: Record)] = []
        for path in changed.sorted() {
            guard Self.isRecordFile(path), let index = last.recordIndex[path], snapshot.tree.fileExists(path),
                  let schema = content.schemas.first(where: { $0.name == content.records[index].section }),
                  case .markdown = schema.source, case .success(let text) = snapshot.tree.text(of: path) else { return nil }
            let fileLog = DiagnosticLog()
            guard let record = MarkdownRecordLoader(schema: schema, settings: content.settings, log: fileLog).load(path: path, text: text),
                  fileLog.all.isEmpty else { return nil }
            updated.append((content.records[index], record))
            content.records[index] = record
        }
        let log = DiagnosticLog()
        let site = pipeline.model(content, log: log)
        let plan = pipeline.plan(site: site, theme: last.theme, log: log)
        let (jobs, paths) = (plan.jobs, plan.paths)
        let summaries = last.summaries.updating(updated.map(\.new))
        var stages = Stages(content: content, recordIndex: last.recordIndex, theme: last.theme, site: site, jobs: jobs,
                            paths: paths, summaries: summaries, files: last.files)
        let selected: [OutputJob]
        if Set(jobs.map(\.path)) != Set(last.jobs.map(\.path)) {
            selected = jobs  // a record became a draft or stopped being one: pages come and go
            stages.files = [:]
        } else {
            let affected = AffectedPages(site: site, updated: updated, oldSummaries: last.summaries, newSummaries: summaries)
            selected = jobs.filter(affected.contains)
        }
        let rendered = render(selected, stages: stages, log: log)
        stages.files.merge(rendered) { _, new in new }
        collect(plan, into: &stages, log: log)
        return finish(stages, log: log, rendered: selected.count, full: false)
    }

    /// The stages a real build runs, with this builder's options.
    private var pipeline: SiteBuilder { SiteBuilder(tree: snapshot.tree, options: options) }

    /// Feeds every rendered page to the collectors (the search index reads them all), in plan order,
    /// and adds their files, as a full build does.
    private func collect(_ plan: SiteBuilder.Plan, into stages: inout Stages, log: DiagnosticLog) {
        guard !plan.collectors.isEmpty else { return }
        for (order, job) in plan.jobs.enumerated() {
            guard let page = job.page, let path = plan.paths[job.path], let html = stages.files[path.relative] else { continue }
            for collector in plan.collectors { collector.collect(order: order, path: job.path, page: page, html: html) }
        }
        let env = RenderEnvironment(site: stages.site, theme: stages.theme, plannedPaths: Set(plan.paths.keys),
                                    summaries: stages.summaries, log: log)
        let collected = SiteBuilder.finish(plan.collectors, env: env, planned: plan.paths, log: log)
        // Collected file names carry content hashes: drop the previous ones so none are left behind.
        let planned = Set(plan.paths.values.map(\.relative))
        stages.files = stages.files.filter { planned.contains($0.key) }
        for file in collected.files { stages.files[file.path.relative] = file.bytes }
    }

    private func render(_ jobs: [OutputJob], stages: Stages, log: DiagnosticLog) -> [String: [UInt8]] {
        let env = RenderEnvironment(site: stages.site, theme: stages.theme, plannedPaths: Set(stages.paths.keys),
                                    summaries: stages.summaries, log: log)
        let output = MemoryOutput()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            guard let bytes = job.render(env), let path = stages.paths[job.path] else { return }
            try? output.write(bytes, to: path)
        }
        return output.files
    }

    private func finish(_ stages: Stages, log: DiagnosticLog, rendered: Int, full: Bool) -> Outcome {
        if log.hasErrors(strict: options.strict) { last = nil; return .failed(log.all) }
        last = stages
        return .built(files: stages.files, rendered: rendered, warnings: log.all, full: full)
    }
}
