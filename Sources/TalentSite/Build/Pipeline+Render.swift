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
    func finishAny(_ harvests: [any Sendable], env: RenderEnvironment) -> (files: [(path: String, bytes: [UInt8])], notes: [String]) {
        finish(harvests.compactMap { $0 as? Harvest }, env: env)
    }
}

extension Pipeline {
    /// Renders `jobs` in parallel into `output` and returns each rendered page's harvest by URL path: the
    /// render stage of every run, full or partial. Workers share nothing but the output and the log.
    /// Each job is let go of as soon as its page is written, so what it captured (a list page's rows, a term's
    /// records) is freed during the stage rather than after it, when the caller holds no other copy of the jobs.
    static func render(_ jobs: consuming [OutputJob], env: RenderEnvironment, paths: [String: OutputPath], collectors: [any PageCollector],
                       into output: OutputTarget, log: DiagnosticLog, step: @escaping @Sendable () -> Void = {}) -> [String: PageHarvest] {
        let order = renderOrder(jobs)
        let pending = JobQueue(consume jobs)
        let harvested = order.parallelMap { index -> (path: String, harvest: PageHarvest)? in
            defer { step() }
            guard let job = pending.take(index) else { return nil }
            guard let bytes = job.render(env), let path = paths[job.path] else { return nil }
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

    /// The finish stage: each collector's files from every page's harvest in plan order (checked to stay inside
    /// the output and not to overwrite a planned file), and their notes for the person building.
    static func finish(_ plan: Plan, harvests: [String: PageHarvest], env: RenderEnvironment,
                       log: DiagnosticLog) -> (files: [(path: OutputPath, bytes: [UInt8])], notes: [String]) {
        var files: [(path: OutputPath, bytes: [UInt8])] = []
        var notes: [String] = []
        for (index, collector) in plan.collectors.enumerated() {
            let inOrder = plan.jobs.compactMap { job -> (any Sendable)? in
                guard let slots = harvests[job.path]?.slots, index < slots.count else { return nil }
                return slots[index]
            }
            let result = collector.finishAny(inOrder, env: env)
            notes += result.notes
            for file in result.files {
                guard let path = OutputPath(urlPath: file.path), plan.paths[file.path] == nil else {
                    log.error(SourceLocation(file: file.path), "cannot write \(file.path): outside the output or already written")
                    continue
                }
                files.append((path, file.bytes))
            }
        }
        return (files, notes)
    }

    static func write(_ bytes: [UInt8], to path: OutputPath, origin: SourceLocation?, output: OutputTarget, log: DiagnosticLog) {
        do { try output.write(bytes, to: path) } catch {
            log.error(origin ?? SourceLocation(file: path.description), "cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// The jobs of one render stage, each handed out once and then no longer held here.
final class JobQueue: Sendable {
    private let jobs: Mutex<[OutputJob?]>
    let count: Int

    init(_ jobs: consuming [OutputJob]) {
        count = jobs.count
        self.jobs = Mutex((consume jobs).map(Optional.some))
    }

    /// The job at `index`, the first time it is asked for; nil after.
    func take(_ index: Int) -> OutputJob? {
        jobs.withLock { jobs in
            guard jobs.indices.contains(index) else { return nil }
            defer { jobs[index] = nil }
            return jobs[index]
        }
    }
}
