import Foundation
import Testing
@testable import TalentSite

/// The built `talentsite` binary (swift test builds it): exit codes and output of the editors' commands.
@Suite struct CommandLineTests {
    static let binary = TestSite.root.appendingPathComponent(".build/debug/talentsite")

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the binary with `arguments`; `environment` replaces the inherited one when given.
    static func run(_ arguments: [String], environment: [String: String]? = nil, folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out; process.standardError = err
        try process.run()
        // Both pipes are drained at once: a command with more than a pipe's worth of warnings would otherwise block.
        let errors = FuzzRun.ErrorReader()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { errors.data = err.fileHandleForReading.readDataToEndOfFile(); drained.signal() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        let stderr = errors.data
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `SOURCE_DATE_EPOCH` is read as a day in Asia/Taipei: 2027-04-09T16:00Z is the start day (04-10) there.
    @Test func sourceDateEpochIsATaipeiDayForTheCommand() throws {
        let course = CourseLifecycleTests.course
        let site = try DiskSite(TestSite.tree(["content/courses/life.zh-TW.md": course])); defer { site.remove() }
        func badge(at epoch: Int) throws -> String? {
            let output = site.root.appendingPathComponent("out-\(epoch)")
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["build", "--source", site.root.path, "--output", output.path]
            process.environment = ["SOURCE_DATE_EPOCH": String(epoch), "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice; process.standardError = FileHandle.nullDevice
            try process.run(); process.waitUntilExit()
            let html = try String(contentsOf: output.appendingPathComponent("courses/life/index.html"), encoding: .utf8)
            return HTMLDocument(html: html)?.all("p").first { $0["class"]?.hasPrefix("status ") == true }?.text
        }
        #expect(try badge(at: CourseLifecycleTests.epoch("2027-04-09T15:59:59Z")) == "報名截止")
        #expect(try badge(at: CourseLifecycleTests.epoch("2027-04-09T16:00:00Z")) == "已開課")
    }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the package first: swift build")
    }

    @Test func checkExitsOneOnErrorsAndSpeaksJSON() throws {
        let site = try DiskSite(); defer { site.remove() }
        let clean = try Self.run(["check", "--source", site.root.path])
        #expect(clean.status == 0 && clean.stdout.contains(": 0 errors, 0 warnings"))
        try site.write("content/pages/strategies.zh-TW.md", "---\ntitle: 策略\ndate: 2026-01-05\n---\n\n[壞](/courses/cnc/#nope)\n")
        let broken = try Self.run(["check", "--source", site.root.path, "--format", "json"])
        #expect(broken.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == site.root.path + "/content/pages/strategies.zh-TW.md")
        #expect((first["message"] as? String)?.contains("has no element with id 'nope'") == true)
    }

    @Test func newTranslatedAndStrictCheck() throws {
        let site = try DiskSite(); defer { site.remove() }
        let created = try Self.run(["new", "news", "open-day", "--source", site.root.path])
        #expect(created.status == 0 && created.stdout.contains("content/news/open-day.zh-TW.md"))
        #expect(try Self.run(["new", "news", "open-day", "--source", site.root.path]).status == 1)
        try site.write("content/news/open-day.zh-TW.md", "---\ntitle: 開放日\ndate: 2026-05-01\n---\n\n歡迎。\n")
        try site.write("content/news/open-day.en.md", "---\ntitle: Open day\ndate: 2026-05-01\n---\n\nWelcome.\n")
        // Paths on the command line are relative to the working directory, as in every other tool.
        let fromParent = try Self.run(["translated", site.root.lastPathComponent + "/content/news/open-day.en.md",
                                       "--source", site.root.lastPathComponent], folder: site.root.deletingLastPathComponent())
        #expect(fromParent.status == 0, "\(fromParent.stderr)")
        let outside = try Self.run(["translated", "/etc/hostname", "--source", site.root.path])
        #expect(outside.status == 1 && outside.stderr.contains("/etc/hostname:1:1: error: not inside the site folder"))
        let stamped = try Self.run(["translated", "content/news/open-day.en.md", "--source", "."], folder: site.root)
        #expect(stamped.status == 0)
        #expect(try Self.run(["check", "--strict", "--source", site.root.path]).status == 0)
        try site.write("content/news/open-day.zh-TW.md", "---\ntitle: 開放日\ndate: 2026-05-01\n---\n\n歡迎大家。\n")
        let stale = try Self.run(["check", "--strict", "--source", site.root.path])
        #expect(stale.status == 1 && stale.stderr.contains("en translation is stale: body changed"))
        let report = try Self.run(["translations", "--format", "json", "--source", site.root.path])
        #expect(report.status == 0 && report.stdout.contains("\"state\" : \"stale\""))
        // An original that does not load is an error, not a translation quietly left out of the report.
        try site.write("content/news/open-day.zh-TW.md", "---\ntitle: \"開放日\"X\ndate: 2026-05-01\n---\n\n歡迎大家。\n")
        let broken = try Self.run(["translations", "--source", site.root.path])
        #expect(broken.status == 1 && broken.stderr.contains("content/news/open-day.zh-TW.md:2:"), "\(broken.stderr)")
    }

    @Test func serveStartsOnAFreePortAndStopsOnSIGTERM() throws {
        let site = try DiskSite(); defer { site.remove() }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--source", site.root.path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out; process.standardError = Pipe()
        try process.run()
        var banner = ""
        let deadline = Date().addingTimeInterval(20)
        while !banner.contains("\n") && Date() < deadline { banner += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self) }
        let port = try #require(banner.firstMatch(of: /serving http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { UInt16($0.1) })
        #expect(RawHTTP.request(port: port, target: "/en/")?.status == 200)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(RawHTTP.connect(port: port) == nil)
    }
}
