import Testing
@testable import TalentSite

/// The search index of a build whose documents all went to the spill file is the index of one that kept them in
/// memory, in a full build and in `serve`'s runs after an edit; a document that cannot be read back is an error.
@Suite struct SearchPagesTests {
    static let spillingFormats: [any OutputFormat] = Pipeline.formats.map { $0 is SearchPages ? SearchPages(documentBudget: 0) : $0 }

    @Test func aBuildWithEveryDocumentSpilledWritesTheSameFiles() throws {
        let output = MemoryOutput()
        let report = try Pipeline(tree: FixtureSiteTests.fixtureTree("bilingual"), options: BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1)),
                                  formats: Self.spillingFormats).build(into: output)
        let expected = FixtureSiteTests.bilingual.output.files
        #expect(Set(output.files.keys) == Set(expected.keys))
        #expect(output.files.keys.filter { output.files[$0] != expected[$0] }.sorted() == [])
        let searchNotes = report.notes.filter { $0.hasPrefix("search ") }
        #expect(searchNotes.count == 2)
        #expect(searchNotes.allSatisfy { $0.contains("read back from a temporary file") }, "\(searchNotes)")
    }

    @Test func aRunAfterAnEditReadsTheSpilledDocumentsOfPagesItDidNotRender() throws {
        let options = BuildOptions(buildDay: PipelineTests.day)
        let before = Pipeline(tree: TestSite.tree(), options: options, formats: Self.spillingFormats)
        let log = DiagnosticLog()
        let first = MemoryOutput()
        let previous = before.run(try #require(before.load(log: log)), into: first, log: log)
        let edited = TestSite.course(title: "智慧機械養成班", provider: "精密機械研究發展中心", body: "新的內文：雷射切割。")
        let after = Pipeline(tree: TestSite.tree([PipelineTests.zhCourse: edited]), options: options, formats: Self.spillingFormats)
        let reloaded = try #require(after.reload([PipelineTests.zhCourse], after: previous.state))
        let partial = MemoryOutput()
        let run = after.run(reloaded.loaded, into: partial, log: log, after: previous.state, updated: reloaded.updated)
        #expect(log.all.isEmpty && !run.full)
        let files = first.files.merging(partial.files) { _, new in new }.filter { run.state.files.contains($0.key) }
        let full = MemoryOutput()
        _ = try Pipeline(tree: TestSite.tree([PipelineTests.zhCourse: edited]), options: options).build(into: full)
        #expect(Set(files.keys) == Set(full.files.keys))
        #expect(full.files.keys.filter { files[$0] != full.files[$0] }.sorted() == [])
        #expect(full.files.keys.contains { $0.hasPrefix("search/index/f/") })
    }

    @Test func aDocumentThatCannotBeReadBackIsAnErrorAndNoIndex() throws {
        let pipeline = Pipeline(tree: TestSite.tree(), options: BuildOptions(buildDay: PipelineTests.day))
        let log = DiagnosticLog()
        let loaded = try #require(pipeline.load(log: log))
        let site = pipeline.model(loaded.content, log: log)
        let collector = SearchCollector(site: site, store: SearchDocumentStore(budget: 0))
        let page = PageInfo(language: "zh-TW", versions: ["zh-TW": "/courses/cnc/"], record: RecordID(section: "courses", slug: "cnc"))
        let html = Array("<html><body><main><h1>智慧機械養成班</h1><p>內文</p></main></body></html>".utf8)
        var harvest = try #require(collector.harvest(path: "/courses/cnc/", page: page, html: html))
        guard case .spilled(let spilled) = harvest.document else { Issue.record("not spilled"); return }
        var layout = spilled.layout
        layout.end += 100
        harvest.document = .spilled(SpilledSearchDocument(file: spilled.file, start: spilled.start, layout: layout))
        let finishLog = DiagnosticLog()
        let env = RenderEnvironment(site: site, theme: loaded.theme, plannedPaths: [], summaries: SummaryIndex.build(site: site),
                                    formats: Pipeline.formats, log: finishLog)
        let result = collector.finish([harvest], env: env)
        #expect(!result.files.contains { $0.path.hasPrefix("/search/index/") }, "no zh-TW index")
        #expect(result.files.contains { $0.path.hasPrefix("/en/search/index/") }, "the other language's index, empty")
        #expect(finishLog.all.map(\.description) == [
            "/search/index/:1:1: error: cannot write the zh-TW search index: a search document set aside in a temporary file "
                + "could not be read back (bytes \(spilled.start + spilled.layout.headEnd)..<\(spilled.start + layout.end) "
                + "of the temporary file: the read failed)",
        ])
    }
}
