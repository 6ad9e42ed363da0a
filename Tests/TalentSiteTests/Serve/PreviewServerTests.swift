import Foundation
import Testing
@testable import TalentSite

/// `serve` for real: a server on a free loopback port, a site on disk watched with inotify, raw HTTP clients.
@Suite struct PreviewServerTests {
    static let zhCourse = "content/courses/cnc.zh-TW.md"

    /// Starts a server on a fresh copy of the test site; the caller stops it and removes the site.
    static func start() throws -> (DiskSite, PreviewServer, UInt16) {
        let site = try DiskSite()
        let server = PreviewServer(configuration: .init(source: site.root, options: BuildOptions(), port: 0))
        try server.start()
        return (site, server, try #require(server.port))
    }

    @Test func servesPagesWithTheReloadScriptThatBuildOutputLacks() throws {
        let (site, server, port) = try Self.start()
        defer { server.stop(); site.remove() }
        let home = try #require(RawHTTP.request(port: port, target: "/"))
        #expect(home.status == 200 && home.head.contains("Content-Type: text/html; charset=utf-8"))
        #expect(home.body.contains("<html lang=\"zh-Hant-TW\">"))
        #expect(home.body.contains("<script src=\"/_talentsite/live.js\" data-generation=\"1\"></script></body>"))
        let course = try #require(RawHTTP.request(port: port, target: "/en/courses/cnc/"))
        #expect(course.status == 200 && course.body.contains("Smart Machinery Bootcamp"))
        #expect(RawHTTP.request(port: port, target: "/style.css")?.head.contains("text/css") == true)
        #expect(RawHTTP.request(port: port, target: "/courses")?.head.contains("Location: /courses/") == true)
        #expect(RawHTTP.request(port: port, target: "/nope/")?.status == 404)
        #expect(RawHTTP.request(port: port, target: "/", method: "POST")?.status == 405)
        let script = try #require(RawHTTP.request(port: port, target: "/_talentsite/live.js"))
        #expect(script.status == 200 && script.body.contains("new EventSource(\"/_talentsite/events\")"))
        #expect(!site.fullBuild().values.contains { String(decoding: $0, as: UTF8.self).contains("_talentsite") })
    }

    @Test func anEditIsRebuiltAndAReloadEventSent() throws {
        let (site, server, port) = try Self.start()
        defer { server.stop(); site.remove() }
        let events = try #require(EventClient(port: port))
        #expect(events.next(within: 5)?.name == "hello")
        try site.write(Self.zhCourse, TestSite.course(title: "智慧機械養成班（更新）", provider: "精密機械研究發展中心"))
        // First the edited page alone, then the lists that show its new title (not the page again).
        #expect(events.wait(for: "reload", within: 10) == "2\n/courses/cnc/")
        let page = try #require(RawHTTP.request(port: port, target: "/courses/cnc/"))
        #expect(page.body.contains("智慧機械養成班（更新）"))
        // Generation 2 (the previewed page), or 3 when the full rebuild was already published by the time a busy
        // machine ran this line: either way the page shows the edit.
        #expect(page.body.contains("data-generation=\"2\"") || page.body.contains("data-generation=\"3\""))
        let lists = try #require(events.wait(for: "reload", within: 10)).split(separator: "\n").map(String.init)
        #expect(lists.first == "3" && lists.contains("/courses/") && !lists.contains("/courses/cnc/"))
        let list = try #require(RawHTTP.request(port: port, target: "/courses/"))
        #expect(list.body.contains("智慧機械養成班（更新）"))
    }

    @Test func tabsReloadOnlyForTheirOwnPageOrForEverything() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString).js")
        try Data(LiveReload.script.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let (status, output) = try ExternalTool.run("node", [ExternalTool.repositoryFile("Tests/Serve/live-reload.js"), script.path])
        #expect(status == 0, "\(output)")
        // The tab shows /courses/cnc/ at generation 1.
        #expect(output.split(separator: "\n").map(String.init) == [
            #"hello "1" -> stay"#, #"reload "2\n/en/courses/cnc/" -> stay"#, #"reload "3\n/courses/\n/courses/cnc/" -> reload"#,
            #"reload "4" -> reload"#, #"hello "4" -> stay"#, #"hello "5" -> reload"#,
        ])
    }

    @Test func aBrokenFileShowsTheOverlayWhileTheLastGoodPageStays() throws {
        let (site, server, port) = try Self.start()
        defer { server.stop(); site.remove() }
        let events = try #require(EventClient(port: port))
        _ = events.next(within: 5)
        try site.write(Self.zhCourse, TestSite.course(title: "<b>壞</b>", provider: "單位", hours: "many"))
        let errorData = try #require(events.wait(for: "error", within: 10))
        let errors = try #require(try JSONSerialization.jsonObject(with: Data(errorData.utf8)) as? [[String: String]])
        #expect(errors.contains { $0["location"] == "\(Self.zhCourse):10:8" && $0["message"]?.contains("'hours' must be an integer") == true })
        let page = try #require(RawHTTP.request(port: port, target: "/courses/cnc/"))
        #expect(page.status == 200)
        #expect(page.body.contains("智慧機械養成班"))  // the last good page
        #expect(page.body.contains("<div id=\"talentsite-error-overlay\""))
        #expect(page.body.contains("<code>\(Self.zhCourse):10:8</code> <b>error</b>: 'hours' must be an integer"))
        #expect(!page.body.contains("<b>壞</b>"))
        try site.write(Self.zhCourse, TestSite.course(title: "修好了", provider: "單位"))
        #expect(events.wait(for: "reload", within: 10) != nil)
        let fixed = try #require(RawHTTP.request(port: port, target: "/courses/cnc/"))
        #expect(fixed.body.contains("修好了") && !fixed.body.contains("talentsite-error-overlay"))
    }

    /// A failure is put off while another change is queued (it may be a file read half written), but not lost
    /// when that change is only an editor's hidden swap file.
    @Test func aBrokenSaveIsReportedAlthoughHiddenFilesKeepChanging() throws {
        let (site, server, port) = try Self.start()
        defer { server.stop(); site.remove() }
        let events = try #require(EventClient(port: port))
        _ = events.next(within: 5)
        try site.write(Self.zhCourse, TestSite.course(title: "班", provider: "單位", hours: "many"))
        let until = Date().addingTimeInterval(0.5)
        var round = 0
        while Date() < until {
            round += 1
            try site.write("content/courses/.cnc.zh-TW.md.swp", "swap \(round)")
            Thread.sleep(forTimeInterval: 0.002)
        }
        let errorData = try #require(events.wait(for: "error", within: 10))
        #expect(errorData.contains("'hours' must be an integer"))
        #expect(server.waitUntilIdle(timeout: 10))
        #expect(server.served.errors?.isEmpty == false)
    }

    @Test func traversalAttemptsNeverReadOutsideTheSite() throws {
        let (site, server, port) = try Self.start()
        defer { server.stop(); site.remove() }
        let secret = "TOP-SECRET-\(UUID().uuidString)"
        try site.write("secret.txt", secret)
        try secret.write(to: site.root.deletingLastPathComponent().appendingPathComponent("talentsite-secret-\(port).txt"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: site.root.deletingLastPathComponent().appendingPathComponent("talentsite-secret-\(port).txt")) }
        let attempts = [
            "/../secret.txt", "/courses/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/talentsite-secret-\(port).txt",
            "/courses/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/courses%2F..%2F..%2Fsecret.txt", "/..%5csecret.txt",
            "/.%2e/secret.txt", "/secret.txt%00.html", "/%00", "/..", "/./secret.txt", "/%zz", "//etc/passwd",
            "/secret.txt", "/content/site.yaml", "/templates/layout.mustache", "/etc/passwd", "http://127.0.0.1/../secret.txt",
        ]
        for target in attempts {
            let response = try #require(RawHTTP.request(port: port, target: target), "no answer to \(target)")
            #expect(response.status == 400 || response.status == 404, "\(target) → \(response.status)")
            #expect(!response.body.contains(secret) && !response.body.contains("root:x:0"), "\(target) leaked a file")
        }
        #expect(RawHTTP.request(port: port, target: "/")?.status == 200)  // still serving
    }

    @Test func stopsCleanly() throws {
        let (site, server, port) = try Self.start()
        defer { site.remove() }
        let events = try #require(EventClient(port: port))
        #expect(events.next(within: 5)?.name == "hello")
        server.stop()
        #expect(events.next(within: 5) == nil)  // the stream was closed, not left hanging
        #expect(RawHTTP.connect(port: port) == nil)  // nothing listens any more
        try site.write(Self.zhCourse, TestSite.course(title: "停了", provider: "單位"))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.generation == 1)  // the watcher stopped too
        server.stop()  // stopping twice is harmless
        #expect(throws: PreviewServer.AlreadyStarted.self) { try server.start() }  // a stopped server does not start again
    }
}
