import Foundation
import Testing
@testable import TalentSite

/// The one pipeline: every command's diagnostics come from the same run, a partial run after an edit makes
/// what a full run makes, and collectors see the pages in plan order whatever thread rendered them.
@Suite struct PipelineTests {
    static let day = Day(year: 2026, month: 6, day: 1)
    static let zhCourse = "content/courses/cnc.zh-TW.md"

    /// Lists the paths of the pages it is given, in the order `finish` receives them.
    struct PathCollector: PageCollector {
        func harvest(path: String, page: PageInfo, html: [UInt8]) -> String? { path }
        func finish(_ harvests: [String], env: RenderEnvironment,
                    emit: (_ files: [(path: String, bytes: [UInt8])]) -> Void) -> [String] {
            emit([("/paths.txt", Array(harvests.joined(separator: "\n").utf8))])
            return ["\(harvests.count) pages"]
        }
    }

    struct PathList: OutputFormat {
        func plan(_ input: PlanInput) -> [OutputJob] { [] }
        func collector(_ input: PlanInput) -> (any PageCollector)? { PathCollector() }
    }

    @Test func collectorsGetEveryRenderedPageInPlanOrder() throws {
        let pipeline = Pipeline(tree: TestSite.tree(), options: BuildOptions(buildDay: Self.day), formats: Pipeline.formats + [PathList()])
        let output = MemoryOutput()
        let report = try pipeline.build(into: output)
        let log = DiagnosticLog()
        let loaded = try #require(pipeline.load(log: log))
        let plan = pipeline.plan(site: pipeline.model(loaded.content, log: log), theme: loaded.theme, log: log)
        let pages = plan.jobs.filter { $0.page != nil }.map(\.path)
        #expect(pages.count > 20)
        #expect(String(decoding: output.files["paths.txt"] ?? [], as: UTF8.self) == pages.joined(separator: "\n"))
        #expect(report.notes.contains("\(pages.count) pages"))
    }

    /// A big site's search index is written language by language: what a collector hands over is written
    /// before it makes its next batch, so it never holds all its files at once.
    @Test func aCollectorsBatchesAreWrittenAsTheyAreHandedOver() throws {
        struct Batches: PageCollector {
            let output: MemoryOutput
            func harvest(path: String, page: PageInfo, html: [UInt8]) -> Int? { 1 }
            func finish(_ harvests: [Int], env: RenderEnvironment,
                        emit: (_ files: [(path: String, bytes: [UInt8])]) -> Void) -> [String] {
                emit([("/first/a.txt", [0x41])])
                let seen = output.files["first/a.txt"] != nil
                emit([("/second/b.txt", [0x42])])
                return ["first batch written before the second was made: \(seen)"]
            }
        }
        struct BatchFormat: OutputFormat {
            let output: MemoryOutput
            func plan(_ input: PlanInput) -> [OutputJob] { [] }
            func collector(_ input: PlanInput) -> (any PageCollector)? { Batches(output: output) }
        }
        let output = MemoryOutput()
        let pipeline = Pipeline(tree: TestSite.tree(), options: BuildOptions(buildDay: Self.day),
                                formats: Pipeline.formats + [BatchFormat(output: output)])
        let report = try pipeline.build(into: output)
        #expect(report.notes.contains("first batch written before the second was made: true"))
        #expect(output.files["first/a.txt"] == [0x41])
        #expect(output.files["second/b.txt"] == [0x42])
    }

    @Test func aCollectorMayNotOverwriteAPlannedFile() {
        struct Clobber: PageCollector {
            func harvest(path: String, page: PageInfo, html: [UInt8]) -> Int? { 1 }
            func finish(_ harvests: [Int], env: RenderEnvironment,
                        emit: (_ files: [(path: String, bytes: [UInt8])]) -> Void) -> [String] {
                emit([("/courses/cnc/", [0x41]), ("/../escape.txt", [0x42])])
                return []
            }
        }
        struct ClobberFormat: OutputFormat {
            func plan(_ input: PlanInput) -> [OutputJob] { [] }
            func collector(_ input: PlanInput) -> (any PageCollector)? { Clobber() }
        }
        let pipeline = Pipeline(tree: TestSite.tree(), options: BuildOptions(buildDay: Self.day), formats: Pipeline.formats + [ClobberFormat()])
        #expect(throws: BuildFailure.self) { try pipeline.build(into: MemoryOutput()) }
        do { _ = try pipeline.build(into: MemoryOutput()) } catch {
            #expect(error.errors.map(\.message).sorted() == ["cannot write /../escape.txt: outside the output or already written",
                                                             "cannot write /courses/cnc/: outside the output or already written"])
        }
    }

    @Test func checkReportsExactlyTheBuildsDiagnosticsWhenTheContentIsBroken() {
        let tree = TestSite.tree([Self.zhCourse: TestSite.course(title: "班", provider: "單位", hours: "many"),
                                  "content/courses/cnc.en.md": ""])
        let options = BuildOptions(buildDay: Self.day)
        var built: [Diagnostic] = []
        do { _ = try Pipeline(tree: tree, options: options).build(into: MemoryOutput()) } catch { built = error.diagnostics }
        let checked = SiteCheck(tree: tree, options: options).run()
        #expect(!built.isEmpty && built.contains { $0.severity == .warning })
        #expect(checked.diagnostics == built)
        #expect(checked.pagesChecked == 0)
    }

    @Test func checkAddsOnlyOutputProblemsToTheBuildsWarnings() throws {
        // A missing English translation is a build warning; a link to a missing anchor only the output shows.
        let tree = TestSite.tree(["content/courses/cnc.en.md": "",
                                  "content/pages/strategies.zh-TW.md": "---\ntitle: 推動策略\ndate: 2026-01-05\n---\n\n見[課程](/courses/cnc/#nowhere)。\n"])
        let options = BuildOptions(buildDay: Self.day)
        let report = try Pipeline(tree: tree, options: options).build(into: MemoryOutput())
        let checked = SiteCheck(tree: tree, options: options).run()
        #expect(!report.warnings.isEmpty)
        let fromOutput = checked.diagnostics.filter { $0.message.hasPrefix("page ") }
        #expect(fromOutput.map(\.message) == ["page /strategies/ links to /courses/cnc/#nowhere, but that page has no element with id 'nowhere'"])
        #expect(checked.diagnostics.filter { !$0.message.hasPrefix("page ") } == report.warnings)
    }

    /// A run given the previous state and the edited record renders less and makes the same files as a full run.
    @Test(arguments: [
        TestSite.course(title: "智慧機械養成班", provider: "精密機械研究發展中心", body: "新的內文。"),  // body only: its own pages
        TestSite.course(title: "智慧機械養成班（新）", provider: "精密機械研究發展中心"),  // title: lists and referring pages too
    ])
    func aRunAfterAnEditMakesWhatAFullRunMakes(_ edited: String) throws {
        let options = BuildOptions(buildDay: Self.day)
        let before = Pipeline(tree: TestSite.tree(), options: options)
        let log = DiagnosticLog()
        let first = MemoryOutput()
        let previous = before.run(try #require(before.load(log: log)), into: first, log: log)
        #expect(previous.full && log.all.isEmpty)

        let tree = TestSite.tree([Self.zhCourse: edited])
        let after = Pipeline(tree: tree, options: options)
        let reloaded = try #require(after.reload([Self.zhCourse], after: previous.state))
        #expect(reloaded.updated.map(\.new.file) == [Self.zhCourse])
        let partial = MemoryOutput()
        let run = after.run(reloaded.loaded, into: partial, log: log, after: previous.state, updated: reloaded.updated)
        #expect(log.all.isEmpty)
        #expect(!run.full && run.rendered.count < previous.rendered.count)
        #expect(run.rendered.contains { $0.path == "/courses/cnc/" })

        let files = first.files.merging(partial.files) { _, new in new }.filter { run.state.files.contains($0.key) }
        let full = MemoryOutput()
        _ = try after.build(into: full)
        #expect(Set(files.keys) == Set(full.files.keys))
        #expect(full.files.keys.filter { files[$0] != full.files[$0] }.sorted() == [])
    }

    @Test func anEditThatDoesNotLoadCleanlyIsNotReloadedPiecemeal() throws {
        let pipeline = Pipeline(tree: TestSite.tree(), options: BuildOptions(buildDay: Self.day))
        let log = DiagnosticLog()
        let previous = pipeline.run(try #require(pipeline.load(log: log)), into: MemoryOutput(), log: log)
        let broken = Pipeline(tree: TestSite.tree([Self.zhCourse: TestSite.course(title: "班", provider: "單位", hours: "many")]))
        #expect(broken.reload([Self.zhCourse], after: previous.state) == nil)
        #expect(pipeline.reload(["content/site.yaml"], after: previous.state) == nil)
        #expect(pipeline.reload(["content/courses/new.zh-TW.md"], after: previous.state) == nil)
    }

    @Test func searchTakesThePageTitleFromTheRecordNotTheRenderedHeading() throws {
        let log = DiagnosticLog()
        let site = try #require(Pipeline(tree: TestSite.tree()).loadModel(log: log))
        let collector = SearchCollector(site: site)
        let page = PageInfo(language: "zh-TW", versions: ["zh-TW": "/courses/cnc/"], record: RecordID(section: "courses", slug: "cnc"))
        let html = Array("<html><body><main><h1>Something else entirely</h1><p>內文</p></main></body></html>".utf8)
        let harvest = try #require(collector.harvest(path: "/courses/cnc/", page: page, html: html))
        #expect(try harvest.document.document().title == "智慧機械養成班")
        #expect(harvest.language == "zh-TW")
        let unknown = PageInfo(language: "zh-TW", versions: [:], record: RecordID(section: "courses", slug: "nope"))
        #expect(collector.harvest(path: "/courses/nope/", page: unknown, html: html) == nil)
        #expect(collector.harvest(path: "/courses/cnc/", page: page, html: []) == nil)
    }
}
