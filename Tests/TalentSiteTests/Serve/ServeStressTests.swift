import Foundation
import Testing
@testable import TalentSite

/// `serve` under pressure: one record saved 100 times in a few seconds (atomic renames and in-place writes,
/// as editors do both) while clients keep fetching its page and a list page, on a real server and real files.
@Suite struct ServeStressTests {
    static let record = "content/courses/cnc-bootcamp.zh-TW.md"
    static let pages = ["/courses/cnc-bootcamp/", "/courses/"]
    static let saves = 100
    static let options = BuildOptions(buildDay: Day(year: 2026, month: 6, day: 1))

    /// What a fetcher saw, for the assertions after the run.
    struct Observations {
        var responses = 0
        var overlays = 0
        var problems: [String] = []
        /// Per fetcher and page, the last counter seen; a later response may not show an older one.
        var lastCounter: [String: Int] = [:]
        var intermediate: Set<Int> = []
    }

    /// Save `n`: the counter in the title and in a line added to the body.
    static func version(_ n: Int, of original: String) -> String {
        original.replacingOccurrences(of: "title: 智慧機械 CNC 加工養成班\n", with: "title: 智慧機械 CNC 加工養成班 STRESS-T-\(n)\n")
            + "\n第 STRESS-B-\(n) 次儲存。\n"
    }

    @Test(.timeLimit(.minutes(1)))
    func hundredSavesWhileFetchingServeWholePagesAndEndAsAFreshBuild() throws {
        let site = try DiskSite(FixtureSiteTests.fixtureTree("bilingual"))
        defer { site.remove() }
        let recordURL = site.root.appendingPathComponent(Self.record)
        let original = try String(contentsOf: recordURL, encoding: .utf8)
        #expect(Self.version(1, of: original).contains("STRESS-T-1\n"))

        let server = PreviewServer(configuration: .init(source: site.root, options: Self.options, address: "127.0.0.1", port: 0))
        try server.start()
        defer { server.stop() }
        let port = try #require(server.port)

        let saving = Shared(true)
        defer { saving.with { $0 = false } }  // also when a save throws: the fetchers end
        let seen = Shared(Observations())
        let reloads = Shared<[Int]>([])
        let fetchers = (0..<2).map { index in
            TestThread("stress.fetch.\(index)") {
                var round = 0
                let deadline = Date().addingTimeInterval(30)
                while saving.current, round < 5000, Date() < deadline {
                    let path = Self.pages[(round + index) % 2]
                    round += 1
                    let response = FetchedResponse.get(port: port, path)
                    seen.with { Self.check(response, path: path, fetcher: index, into: &$0) }
                    Thread.sleep(forTimeInterval: 0.001)  // leaves the CPU to the rebuilds and to other tests
                }
            }
        }
        let listener = TestThread("stress.events") {
            guard let events = EventClient(port: port) else { return }
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, let event = events.next(within: 5) {
                if event.name == "reload", let generation = event.data.split(separator: "\n").first.flatMap({ Int($0) }) {
                    reloads.with { $0.append(generation) }
                }
            }
        }

        // 100 saves within 10 s; the pauses vary so some saves land in one burst and some mid-rebuild.
        let started = Date()
        var saved = 0
        for n in 1...Self.saves where Date().timeIntervalSince(started) < 10 {
            let text = Self.version(n, of: original)
            if n % 2 == 1 { try EditorSave.atomically(text, to: recordURL) } else { try EditorSave.inPlace(text, to: recordURL) }
            saved = n
            Thread.sleep(forTimeInterval: [0, 0.005, 0.03, 0.12][n % 4])
        }
        #expect(saved == Self.saves, "only \(saved) saves in 10 s")
        #expect(server.waitUntilIdle(timeout: 20), "the server did not settle after the last save")
        saving.with { $0 = false }
        for fetcher in fetchers { #expect(fetcher.join(within: 15), "a fetcher is stuck") }

        let observed = seen.current
        #expect(observed.problems.isEmpty, "\(observed.problems.count) bad responses, first: \(observed.problems.prefix(5))")
        #expect(observed.responses >= 20, "only \(observed.responses) responses while saving")
        #expect(!observed.intermediate.isEmpty, "no response showed a save between the first and the last")

        try expectServedSiteIsAFreshBuild(server: server, port: port, site: site)
        let page = try #require(FetchedResponse.get(port: port, Self.pages[0]))
        #expect(Counters(page.text) == Counters("STRESS-T-\(saved) STRESS-B-\(saved)"))

        server.stop()  // closes the event stream, which ends the listener
        #expect(listener.join(within: 10), "the event listener is stuck")
        let generations = reloads.current
        #expect(zip(generations, generations.dropFirst()).allSatisfy { $0 < $1 }, "reload generations out of order: \(generations)")
    }

    /// A response must be a whole HTML page (the last good one with the overlay, when a save was caught half
    /// written) whose counters agree and never go back.
    static func check(_ response: FetchedResponse?, path: String, fetcher: Int, into seen: inout Observations) {
        seen.responses += 1
        guard let response else { seen.problems.append("\(path): no HTTP answer"); return }
        let html = response.text
        let injected = html.components(separatedBy: "<script src=\"\(LiveReload.scriptPath)\" data-generation=\"").count - 1
        guard response.status == 200, response.complete, response.head.contains("Content-Type: text/html; charset=utf-8"),
              html.hasPrefix("<!DOCTYPE html>\n"), html.hasSuffix("</body>\n</html>\n"), injected == 1 else {
            seen.problems.append("\(path): not a whole page: status \(response.status), complete \(response.complete), " +
                                 "\(response.body.count) bytes, ends \(html.suffix(40).debugDescription)")
            return
        }
        if html.contains("id=\"talentsite-error-overlay\"") { seen.overlays += 1 }
        let counters = Counters(html)
        let isRecordPage = path == pages[0]
        guard let counter = counters.single, isRecordPage ? counters.title == counters.body : counters.body.isEmpty else {
            seen.problems.append("\(path): mixed counters, title \(counters.title.sorted()), body \(counters.body.sorted())")
            return
        }
        let key = "\(fetcher) \(path)"
        if let last = seen.lastCounter[key], counter < last {
            seen.problems.append("\(path): counter went back from \(last) to \(counter)")
        }
        seen.lastCounter[key] = counter
        if counter > 0 && counter < saves { seen.intermediate.insert(counter) }
    }

    /// Every file of a fresh `SiteBuilder` build of the folder, fetched over HTTP, is byte for byte what the
    /// build wrote (pages minus the live-reload script), and the server holds no other file.
    func expectServedSiteIsAFreshBuild(server: PreviewServer, port: UInt16, site: DiskSite) throws {
        let fresh = TestSite.build(DiskSourceTree(root: site.root), options: Self.options)
        #expect(!fresh.diagnostics.contains { $0.contains(": error: ") }, "\(fresh.diagnostics)")
        let expected = fresh.output.files
        let served = server.served
        #expect(served.errors == nil)
        #expect(Set(served.files.keys) == Set(expected.keys), "served \(served.files.count) files, a fresh build \(expected.count)")
        let script = Array("<script src=\"\(LiveReload.scriptPath)\" data-generation=\"\(served.generation)\"></script>".utf8)
        var different: [String] = []
        for (file, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            let target = "/" + (file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file)
            guard let response = FetchedResponse.get(port: port, target), response.status == 200, response.complete else {
                different.append("\(file) (not served)"); continue
            }
            var body = response.body
            if file.hasSuffix(".html"), let range = body.lastRange(of: script) { body.removeSubrange(range) }
            if body != bytes { different.append(file) }
        }
        #expect(different.isEmpty, "\(different.count) of \(expected.count) files differ from a fresh build: \(different.prefix(10))")
    }
}

extension Array where Element == UInt8 {
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        for start in stride(from: count - needle.count, through: 0, by: -1) where self[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }
}
