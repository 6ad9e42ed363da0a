import Foundation
import Testing
@testable import TalentSite

/// The build's progress line: one line redrawn in place on a terminal, nothing when output is piped.
@Suite struct ProgressLineTests {
    final class Sink: @unchecked Sendable {
        var writes: [String] = []
        let lock = NSLock()
        func add(_ text: String) { lock.lock(); writes.append(text); lock.unlock() }
    }

    @Test func redrawsOneLineAtMostEveryIntervalAndErasesIt() {
        let sink = Sink()
        let line = ProgressLine(interval: 60_000) { sink.add($0) }
        line.update("rendering", done: 32, total: 100)
        line.update("rendering", done: 64, total: 100)  // within the interval: not drawn
        line.update("rendering", done: 100, total: 100)  // the end of a stage is always drawn
        line.finish()
        #expect(sink.writes == ["\r\u{1B}[2Krendering 32/100 32%", "\r\u{1B}[2Krendering 100/100 100%", "\r\u{1B}[2K"])
        #expect(!sink.writes.joined().contains("\n"))
    }

    @Test func buildReportsEveryStageToTheCallback() throws {
        let sink = Sink()
        var options = BuildOptions()
        options.progress = { stage, done, total in sink.add("\(stage) \(done)/\(total)") }
        let result = TestSite.build(TestSite.tree(), options: options)
        // Rendered files: all but the search index, which is written from them afterwards.
        let files = result.output.files.keys.filter { !$0.contains("search/index/") }.count
        #expect(sink.writes.first == "loading content 0/0")
        #expect(sink.writes.last { $0.hasPrefix("rendering") } == "rendering \(files)/\(files)")
        #expect(sink.writes.last == "indexing for search 0/0")
    }

    @Test func cliDrawsOnATerminalAndStaysQuietWhenPiped() throws {
        let site = try DiskSite(); defer { site.remove() }
        let out = site.root.appendingPathComponent("public").path
        let piped = try CommandLineTests.run(["build", "--source", site.root.path, "--output", out])
        #expect(piped.status == 0 && !piped.stderr.contains("\u{1B}[2K") && !piped.stderr.contains("\r"))
        let command = "\(CommandLineTests.binary.path) build --source \(site.root.path) --output \(out)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")  // a pseudo-terminal, as an editor's shell has
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        let pipe = Pipe()
        process.standardOutput = pipe; process.standardError = Pipe()
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("\r\u{1B}[2Kloading content"))
        #expect(text.contains(/rendering (\d+)\/\1 100%\r\u{1B}\[2K/))  // the last update, then the line erased
        #expect(text.contains("wrote "))
    }
}
