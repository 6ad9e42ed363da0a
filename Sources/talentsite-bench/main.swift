import Foundation
import TalentSite

// Micro-benchmarks of the render path: one record page, one list page, the home page and one card,
// each rendered N times from a site loaded once; prints wall and user-CPU nanoseconds per render.
// `harvest` is the search index's work on the rendered record page (visible text, terms), without the render.
// Usage: talentsite-bench [--source DIR] [--iterations N] [--only record|list|home|card|card-memo|harvest]
//        talentsite-bench --write-replay OUTPUT [--rounds N]   (the write stage alone; see WriteReplay.swift)

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

if let output = argument("--write-replay") {
    try WriteReplay.run(output: URL(fileURLWithPath: output), rounds: argument("--rounds").flatMap(Int.init) ?? 3)
    exit(0)
}

let source = URL(fileURLWithPath: argument("--source") ?? ".")
let iterations = argument("--iterations").flatMap(Int.init) ?? 200
let only = argument("--only")

let tree = DiskSourceTree(root: source)
let log = DiagnosticLog()
guard let content = ContentLoader(tree: tree, log: log).load(),
      let theme = Theme.load(tree: tree, languages: content.settings.languages, log: log) else {
    for problem in log.all { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
    exit(1)
}
var site = SiteModelBuilder(includeDrafts: false, buildDay: SiteBuilder.buildDay(), log: log).build(content)
site.sourceDateEpoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
var jobs: [OutputJob] = []
for format in SiteBuilder.formats { jobs += format.plan(PlanInput(site: site, theme: theme, log: log, earlier: jobs)) }
let env = RenderEnvironment(site: site, theme: theme, plannedPaths: Set(jobs.map(\.path)),
                            summaries: SummaryIndex.build(site: site), formats: SiteBuilder.formats, log: log)

let language = site.settings.defaultLanguage.code
let courses = site.section("courses")
let record = jobs.first { $0.page?.record?.section == "courses" && $0.page?.language == language }
let listPath = jobs.contains { $0.path == "/courses/page/2/" } ? "/courses/page/2/" : "/courses/"
let list = jobs.first { $0.path == listPath }
let home = jobs.first { $0.path == "/" }
let slug = record?.page?.record?.slug ?? courses?.entries.first?.slug ?? ""

func userNanoseconds() -> UInt64 {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return UInt64(usage.ru_utime.tv_sec) * 1_000_000_000 + UInt64(usage.ru_utime.tv_usec) * 1000
}

func measure(_ name: String, _ what: String, _ render: () -> [UInt8]?) {
    if let only, only != name { return }
    guard let first = render() else { print("\(name): nothing to render (\(what))"); return }
    for _ in 0..<min(20, iterations) { _ = render() }  // warm-up
    let (wallStart, cpuStart) = (DispatchTime.now().uptimeNanoseconds, userNanoseconds())
    var bytes = 0
    for _ in 0..<iterations { bytes &+= render()?.count ?? 0 }
    let wall = DispatchTime.now().uptimeNanoseconds - wallStart, cpu = userNanoseconds() - cpuStart
    let pad = name.padding(toLength: 9, withPad: " ", startingAt: 0)
    print("\(pad) \(String(format: "%10.0f", Double(wall) / Double(iterations))) ns/page wall  " +
          "\(String(format: "%10.0f", Double(cpu) / Double(iterations))) ns/page user  " +
          "\(first.count) bytes  ×\(iterations)  \(what)")
    _ = bytes
}

print("talentsite-bench: \(iterations) renders each, one thread")
measure("record", record?.path ?? "-") { record?.render(env) }
measure("list", list?.path ?? "-") { list?.render(env) }
measure("home", home?.path ?? "-") { home?.render(env) }
let card = RenderBenchmarks.card(env: env, section: "courses", slug: slug, language: language, memo: false)
measure("card", "\(language) courses/\(slug), rendered") { card?() }
let reused = RenderBenchmarks.card(env: env, section: "courses", slug: slug, language: language, memo: true)
measure("card-memo", "\(language) courses/\(slug), reused") { reused?() }
let recordHTML = record?.render(env)
let harvest = SearchBenchmarks.harvester(site: site)
measure("harvest", "\(record?.path ?? "-"), search harvest (size: distinct terms)") {
    guard let record, let page = record.page, let html = recordHTML else { return nil }
    return harvest(record.path, page, html).map { [UInt8](repeating: 0, count: $0) }
}
if log.hasErrors(strict: false) {
    FileHandle.standardError.write(Data("talentsite-bench: the site has errors; timings include reporting them\n".utf8))
}
