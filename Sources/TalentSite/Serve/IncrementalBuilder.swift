import Foundation

/// Keeps `serve`'s site in memory between runs of the pipeline. It holds the watched files (`snapshot`),
/// the parsed records, the last run's state and the files it made, and gives the pipeline the changes: an
/// edit to existing Markdown records reloads only those files and runs the pipeline after the last state
/// (which renders only the pages the edit affects and reuses the other pages' search harvests); the edited
/// records' pages are handed to `preview` first. Anything else — a new or deleted file, a schema, settings
/// or template change, a previous failure — runs the pipeline from scratch, still reusing parsed records (all
/// of them after a template edit: only a change to other content, such as settings or a schema, re-parses them).
/// It renders and collects nothing itself. Tests check that the result equals a fresh build's, byte for byte.
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
    let cache = RecordCache()
    /// The last good run's state and the files it made (relative path → bytes).
    private var last: (state: PipelineState, files: [String: [UInt8]])?

    init(root: URL, options: BuildOptions) {
        self.options = options
        snapshot = SnapshotTree(root: root, folders: ["content", "templates"])
    }

    /// The pipeline over the files as they are now, with this builder's options.
    private var pipeline: Pipeline { Pipeline(tree: snapshot.tree, options: options) }

    /// Builds everything from the snapshot.
    func buildAll() -> Outcome {
        let log = DiagnosticLog()
        guard let loaded = pipeline.load(log: log, cache: cache) else { last = nil; return .failed(log.all) }
        let output = MemoryOutput()
        let run = pipeline.run(loaded, into: output, log: log)
        return finish(run, output: output, shown: [:], log: log, full: true)
    }

    /// Re-reads the changed paths and rebuilds what they affect.
    func rebuild(changed paths: Set<String>, preview: Preview = { _, _ in }) -> Outcome {
        let changed = snapshot.refresh(paths)
        guard !changed.isEmpty else { return .unchanged }
        let pipeline = self.pipeline
        if let last, let reloaded = pipeline.reload(changed, after: last.state) {
            var shown = last.files
            if let pages = pipeline.preview(reloaded.updated, after: last.state) {
                let changedPages = pages.filter { shown[$0.file] != $0.bytes }
                for page in changedPages { shown[page.file] = page.bytes }
                preview(shown, changedPages.map(\.url))
            }
            let log = DiagnosticLog()
            let output = MemoryOutput()
            let run = pipeline.run(reloaded.loaded, into: output, log: log, after: last.state, updated: reloaded.updated)
            return finish(run, output: output, shown: shown, log: log, full: false)
        }
        if changed.contains(where: { !Pipeline.isRecordFile($0) && !$0.hasPrefix(Theme.folder + "/") }) { cache.removeAll() }
        return buildAll()
    }

    /// Keeps the run's files (with the previous ones it did not render again) when it succeeded.
    /// - Parameter shown: the files last handed out, against which the changed pages are found.
    private func finish(_ run: PipelineRun, output: MemoryOutput, shown: [String: [UInt8]], log: DiagnosticLog, full: Bool) -> Outcome {
        if log.hasErrors(strict: options.strict) { last = nil; return .failed(log.all) }
        var files = run.full ? [:] : (last?.files ?? [:])
        files.merge(output.files) { _, new in new }
        // Collected file names carry content hashes: drop the previous ones so none are left behind.
        files = files.filter { run.state.files.contains($0.key) }
        let paths = run.state.plan.paths
        let changedPages = run.full ? nil : run.rendered.compactMap { job -> String? in
            guard job.page != nil, let file = paths[job.path]?.relative, files[file] != shown[file] else { return nil }
            return job.path
        }
        last = (run.state, files)
        return .built(files: files, rendered: run.rendered.count, warnings: log.all, full: full, changedPages: changedPages)
    }
}
