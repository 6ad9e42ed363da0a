import Testing
@testable import TalentSite

/// A run lets go of what it no longer needs before the next stage: what a job captured to render its page is
/// freed once the page is written, and the state a run leaves still has every job's path, origin and page.
@Suite struct PipelineMemoryTests {
    /// Something big a job's renderer holds, like a list page's rows; tells whether it is still alive.
    final class Payload: Sendable {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// One page whose renderer captures `payload`.
    struct OnePage: OutputFormat {
        let payload: Payload
        func plan(_ input: PlanInput) -> [OutputJob] {
            let payload = payload
            return [OutputJob(path: "/captured.txt", origin: SourceLocation(file: "captured"),
                              page: PageInfo(language: "en", versions: ["en": "/captured.txt"])) { _ in Array(payload.text.utf8) }]
        }
    }

    @Test func whatAJobCapturedIsFreedOnceItsPageIsWritten() throws {
        weak var watched: Payload?
        let output = MemoryOutput()
        let log = DiagnosticLog()
        let run: PipelineRun = try {
            let payload = Payload("rendered from the payload")
            watched = payload
            let pipeline = Pipeline(tree: TestSite.tree(), options: BuildOptions(buildDay: PipelineTests.day),
                                    formats: Pipeline.formats + [OnePage(payload: payload)])
            return pipeline.run(try #require(pipeline.load(log: log)), into: output, log: log)
        }()
        #expect(output.text("captured.txt") == "rendered from the payload")
        #expect(watched == nil)
        let job = try #require(run.state.plan.jobs.first { $0.path == "/captured.txt" })
        #expect(job.origin == SourceLocation(file: "captured"))
        #expect(job.page == PageInfo(language: "en", versions: ["en": "/captured.txt"]))
        #expect(run.state.plan.paths["/captured.txt"]?.relative == "captured.txt")
    }

    @Test func theStateKeepsEveryPlannedJobInOrderWithoutItsRenderer() throws {
        let pipeline = Pipeline(tree: TestSite.tree(), options: BuildOptions(buildDay: PipelineTests.day))
        let log = DiagnosticLog()
        let loaded = try #require(pipeline.load(log: log))
        let planned = pipeline.plan(site: pipeline.model(loaded.content, log: log), theme: loaded.theme, log: log)
        let run = pipeline.run(loaded, into: MemoryOutput(), log: log)
        let env = RenderEnvironment(site: run.state.site, theme: loaded.theme, plannedPaths: Set(run.state.plan.paths.keys),
                                    summaries: run.state.summaries, formats: Pipeline.formats, log: DiagnosticLog())
        #expect(run.state.plan.jobs.map(\.path) == planned.jobs.map(\.path))
        #expect(run.state.plan.jobs.map(\.page) == planned.jobs.map(\.page))
        #expect(run.rendered.map(\.path) == planned.jobs.map(\.path))
        #expect(run.state.plan.jobs.allSatisfy { $0.render(env) == nil })
    }
}

extension PipelineMemoryTests {
    @Test func filesThatAreNotPagesRenderFirstThenPagesInReversePlanOrder() {
        func job(_ path: String, page: Bool) -> OutputJob {
            OutputJob(path: path, origin: nil, page: page ? PageInfo(language: "en", versions: [:]) : nil) { _ in nil }
        }
        let jobs = [job("/a/", page: true), job("/sitemap.xml", page: false), job("/b/", page: true),
                    job("/rss.xml", page: false), job("/c/", page: true)]
        #expect(Pipeline.renderOrder(jobs) == [1, 3, 4, 2, 0])
        #expect(Pipeline.renderOrder([]) == [])
        #expect(Pipeline.renderOrder([job("/x/", page: true)]) == [0])
    }
}
