import Dispatch
import Synchronization

/// One rendered page's contributions to the collectors, a slot per collector of the plan (nil: nothing).
/// `serve` keeps them for the pages it does not render again.
struct PageHarvest: Sendable {
    var slots: [(any Sendable)?]
}

extension PageCollector {
    /// `harvest`, for a list of collectors of different kinds.
    func harvestAny(path: String, page: PageInfo, html: [UInt8]) -> (any Sendable)? {
        harvest(path: path, page: page, html: html)
    }

    /// `finish` with contributions that went through `harvestAny` (any other value is not this collector's).
    func finishAny(_ harvests: [any Sendable], env: RenderEnvironment,
                   emit: (_ files: [(path: String, bytes: [UInt8])]) -> Void) -> [String] {
        finish(harvests.compactMap { $0 as? Harvest }, env: env, emit: emit)
    }
}

extension Pipeline {
    /// Renders the jobs in parallel into `output` and returns each rendered page's harvest by URL path: the
    /// render stage of every run, full or partial. Workers share nothing but the output and the log.
    /// `jobs` give each page's path, origin and page (their renderers are not called); `renderers` are the jobs'
    /// renderers in the same order, the only copy of them. Each renderer is let go of as soon as its page is
    /// written, so what it captured (a term's rows, a record page's entry) is freed during the stage rather than after it.
    static func render(_ jobs: [OutputJob], renderers: consuming [@Sendable (RenderEnvironment) -> [UInt8]?], env: RenderEnvironment,
                       paths: [String: OutputPath], collectors: [any PageCollector], into output: OutputTarget, log: DiagnosticLog,
                       step: @escaping @Sendable () -> Void = {}) -> [String: PageHarvest] {
        let order = renderOrder(jobs)
        let pending = JobQueue(consume renderers)
        let harvested = order.parallelMap { index -> (path: String, harvest: PageHarvest)? in
            defer { step() }
            guard jobs.indices.contains(index), let render = pending.take(index) else { return nil }
            let job = jobs[index]
            guard let bytes = render(env), let path = paths[job.path] else { return nil }
            write(bytes, to: path, origin: job.origin, output: output, log: log)
            guard let page = job.page, !collectors.isEmpty else { return nil }
            return (job.path, PageHarvest(slots: collectors.map { $0.harvestAny(path: job.path, page: page, html: bytes) }))
        }
        var harvests: [String: PageHarvest] = [:]
        for case let (path, harvest)? in harvested { harvests[path] = harvest }
        return harvests
    }

    /// The order the render stage takes `jobs` in (indices): files that are not pages first (sitemap, feeds, open
    /// data: few, but each made from the whole site at once), then the pages in reverse plan order. Memory
    /// peaks late in the stage, when every page's harvest is held; a whole-site file rendered then adds to that
    /// peak, rendered first it does not. The list, term and archive pages (planned after the record pages) hold
    /// copies of their rows until rendered: taken first, they let go of them before the record pages' harvests
    /// pile up (5k corpus: about 15 MB less at the peak). What each job writes does not depend on the order.
    static func renderOrder(_ jobs: [OutputJob]) -> [Int] {
        jobs.indices.filter { jobs[$0].page == nil } + jobs.indices.filter { jobs[$0].page != nil }.reversed()
    }

    /// The finish stage: each collector's files from every page's harvest in plan order, written as the collector
    /// hands them over (checked to stay inside the output and not to overwrite a planned file), and their notes
    /// for the person building.
    static func finish(_ plan: Plan, harvests: [String: PageHarvest], env: RenderEnvironment, into output: OutputTarget,
                       log: DiagnosticLog) -> (written: [OutputPath], notes: [String]) {
        var written: [OutputPath] = []
        var notes: [String] = []
        for (index, collector) in plan.collectors.enumerated() {
            let inOrder = plan.jobs.compactMap { job -> (any Sendable)? in
                guard let slots = harvests[job.path]?.slots, index < slots.count else { return nil }
                return slots[index]
            }
            notes += collector.finishAny(inOrder, env: env) { files in
                var batch: [(path: OutputPath, bytes: [UInt8])] = []
                for file in files {
                    guard let path = OutputPath(urlPath: file.path), plan.paths[file.path] == nil else {
                        log.error(SourceLocation(file: file.path), "cannot write \(file.path): outside the output or already written")
                        continue
                    }
                    batch.append((path, file.bytes))
                }
                let ready = batch
                DispatchQueue.concurrentPerform(iterations: ready.count) { index in
                    write(ready[index].bytes, to: ready[index].path, origin: nil, output: output, log: log)
                }
                written += ready.map(\.path)
            }
        }
        return (written, notes)
    }

    static func write(_ bytes: [UInt8], to path: OutputPath, origin: SourceLocation?, output: OutputTarget, log: DiagnosticLog) {
        do { try output.write(bytes, to: path) } catch {
            log.error(origin ?? SourceLocation(file: path.description), "cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// The renderers of one render stage's jobs, each handed out once and then no longer held here. Only the renderers:
/// the jobs' paths and pages are read from the plan, so the stage does not hold a second copy of them.
final class JobQueue: Sendable {
    private let jobs: Mutex<[(@Sendable (RenderEnvironment) -> [UInt8]?)?]>
    let count: Int

    init(_ renderers: consuming [@Sendable (RenderEnvironment) -> [UInt8]?]) {
        count = renderers.count
        self.jobs = Mutex((consume renderers).map(Optional.some))
    }

    /// The renderer at `index`, the first time it is asked for; nil after.
    func take(_ index: Int) -> (@Sendable (RenderEnvironment) -> [UInt8]?)? {
        jobs.withLock { jobs in
            guard jobs.indices.contains(index) else { return nil }
            defer { jobs[index] = nil }
            return jobs[index]
        }
    }
}
