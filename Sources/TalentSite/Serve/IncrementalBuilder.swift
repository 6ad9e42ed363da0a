import Foundation

/// Builds the site in memory for `serve` and rebuilds only what a change affects. The stages are those
/// of `SiteBuilder.build` (load → model → plan → render), kept with their results so that an edit to
/// existing records re-parses only those files and re-renders only the pages that show them (plus list
/// and home pages when what lists show changed, and every non-page output); the search index re-reads
/// only the pages rendered again. The edited records' own pages are rendered first and handed to
/// `preview`, so the edit shows before the rest (lists, feeds, search) is rebuilt. Anything else — a new or deleted
/// file, a schema, settings or template change, a previous failure — rebuilds everything, still reusing
/// parsed records. Tests check that the result is byte-identical to a fresh `SiteBuilder` build.
/// Not Sendable: one thread at a time (`PreviewServer` holds it under its build lock).
final class IncrementalBuilder {
    enum Outcome {
        /// `rendered` files were rendered (all of them after a full build). `changedPages`: the URL paths of
        /// the pages that differ from what was last handed out (the preview included), so open tabs showing
        /// other pages need not reload; nil when any page may have changed.
        case built(files: [String: [UInt8]], rendered: Int, warnings: [Diagnostic], full: Bool, changedPages: [String]?)
        case failed([Diagnostic])
        /// The files reported changed have the same contents as before.
        case unchanged
    }

    /// Receives the whole site with the edited records' pages already replaced, and those pages' URL paths.
    typealias Preview = (_ files: [String: [UInt8]], _ pages: [String]) -> Void

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
        var plannedPaths: Set<String>
        var summaries: SummaryIndex
        var collectors: [any PageCollector]
        var files: [String: [UInt8]]

        /// - Parameter recordIndex: the previous build's, when the records are the same files (it is derived otherwise).
        init(content: LoadedContent, theme: Theme, site: SiteModel, plan: SiteBuilder.Plan, summaries: SummaryIndex,
             files: [String: [UInt8]], recordIndex: [String: Int]? = nil) {
            self.content = content; self.theme = theme; self.site = site; self.summaries = summaries; self.files = files
            self.recordIndex = recordIndex
                ?? Dictionary(content.records.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
            jobs = plan.jobs; paths = plan.paths; plannedPaths = Set(plan.paths.keys); collectors = plan.collectors
        }
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
        var stages = Stages(content: content, theme: theme, site: site, plan: plan, summaries: SummaryIndex.build(site: site), files: [:])
        stages.files = render(Array(plan.jobs.enumerated()), stages: stages, log: log)
        collect(plan, rendered: Set(plan.jobs.map(\.path)), earlier: [], into: &stages, log: log)
        return finish(stages, log: log, rendered: plan.jobs.count, full: true, changedPages: nil)
    }

    /// Re-reads the changed paths and rebuilds what they affect.
    func rebuild(changed paths: Set<String>, preview: Preview = { _, _ in }) -> Outcome {
        let changed = snapshot.refresh(paths)
        guard !changed.isEmpty else { return .unchanged }
        if let last, let outcome = rebuildRecords(changed, from: last, preview: preview) { return outcome }
        if changed.contains(where: { !Self.isRecordFile($0) }) { cache.removeAll() }
        return buildAll()
    }

    private static func isRecordFile(_ path: String) -> Bool {
        path.hasPrefix("content/") && path.hasSuffix(".md") && path.split(separator: "/").count == 3
    }

    /// The fast path: only existing Markdown records changed, and each still loads cleanly. Nil when it does not apply.
    private func rebuildRecords(_ changed: Set<String>, from last: Stages, preview: Preview) -> Outcome? {
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
        let summaries = last.summaries.updating(updated.map(\.new))
        var shown = last.files
        if updated.allSatisfy({ $0.old.draft == $0.new.draft }),
           let pages = PagePreview(records: updated.map(\.new), formats: pipeline.formats)
               .render(site: last.site, theme: last.theme, paths: last.paths, plannedPaths: last.plannedPaths, summaries: summaries) {
            let changedPages = pages.filter { shown[$0.file] != $0.bytes }
            for page in changedPages { shown[page.file] = page.bytes }
            preview(shown, changedPages.map(\.url))
        }

        let log = DiagnosticLog()
        let site = pipeline.model(content, log: log)
        let plan = pipeline.plan(site: site, theme: last.theme, log: log)
        var stages = Stages(content: content, theme: last.theme, site: site, plan: plan, summaries: summaries, files: last.files,
                            recordIndex: last.recordIndex)
        var selected = Array(plan.jobs.enumerated())
        if Set(plan.jobs.map(\.path)) != Set(last.jobs.map(\.path)) {
            stages.files = [:]  // a record became a draft or stopped being one: pages come and go
        } else {
            let affected = AffectedPages(site: site, updated: updated, oldSummaries: last.summaries, newSummaries: summaries)
            selected = selected.filter { affected.contains($0.element) }
        }
        let rendered = render(selected, stages: stages, log: log)
        stages.files.merge(rendered) { _, new in new }
        collect(plan, rendered: Set(selected.map(\.element.path)), earlier: last.collectors, into: &stages, log: log)
        let changedPages = selected.count == plan.jobs.count ? nil : selected.compactMap { _, job -> String? in
            guard job.page != nil, let file = plan.paths[job.path]?.relative, rendered[file] != shown[file] else { return nil }
            return job.path
        }
        return finish(stages, log: log, rendered: selected.count, full: false, changedPages: changedPages)
    }

    /// The stages a real build runs, with this builder's options.
    private var pipeline: SiteBuilder { SiteBuilder(tree: snapshot.tree, options: options) }

    /// Renders `jobs` (with their positions in the plan) in memory through the build's own render loop.
    private func render(_ jobs: [(offset: Int, element: OutputJob)], stages: Stages, log: DiagnosticLog) -> [String: [UInt8]] {
        let env = RenderEnvironment(site: stages.site, theme: stages.theme, plannedPaths: stages.plannedPaths,
                                    summaries: stages.summaries, formats: pipeline.formats, log: log)
        let output = MemoryOutput()
        SiteBuilder.render(jobs, env: env, paths: stages.paths, collectors: stages.collectors, into: output, log: log)
        return output.files
    }

    /// Gives the collectors the pages not rendered again (taken over from the previous build's collectors
    /// where they can, fed again where not), then adds their files as a full build does.
    private func collect(_ plan: SiteBuilder.Plan, rendered: Set<String>, earlier: [any PageCollector],
                         into stages: inout Stages, log: DiagnosticLog) {
        guard !plan.collectors.isEmpty else { return }
        var unchanged: [String: Int] = [:]
        for (order, job) in plan.jobs.enumerated() where job.page != nil && !rendered.contains(job.path) { unchanged[job.path] = order }
        for (index, collector) in plan.collectors.enumerated() where !unchanged.isEmpty {
            if index < earlier.count, collector.reuse(earlier[index], unchanged: unchanged) { continue }
            for (order, job) in plan.jobs.enumerated() {
                guard unchanged[job.path] != nil, let page = job.page, let path = plan.paths[job.path],
                      let html = stages.files[path.relative] else { continue }
                collector.collect(order: order, path: job.path, page: page, html: html)
            }
        }
        let env = RenderEnvironment(site: stages.site, theme: stages.theme, plannedPaths: stages.plannedPaths,
                                    summaries: stages.summaries, formats: pipeline.formats, log: log)
        let collected = SiteBuilder.finish(plan.collectors, env: env, planned: plan.paths, log: log)
        // Collected file names carry content hashes: drop the previous ones so none are left behind.
        let planned = Set(plan.paths.values.map(\.relative))
        stages.files = stages.files.filter { planned.contains($0.key) }
        for file in collected.files { stages.files[file.path.relative] = file.bytes }
    }

    private func finish(_ stages: Stages, log: DiagnosticLog, rendered: Int, full: Bool, changedPages: [String]?) -> Outcome {
        if log.hasErrors(strict: options.strict) { last = nil; return .failed(log.all) }
        last = stages
        return .built(files: stages.files, rendered: rendered, warnings: log.all, full: full, changedPages: changedPages)
    }
}
