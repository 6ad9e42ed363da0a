import Foundation
import Testing
@testable import TalentSite

/// A deterministic fuzzer over whole builds: the bilingual fixture site (with the project's schemas and
/// templates) is mutated case by case, and the real binary must always end with 0 or 1, report problems as
/// `path:line:col`, leave no staging folder, write nothing beside its output, and keep the previous output on failure.
@Suite(.serialized) struct BuildFuzzTests {
    static let seed: UInt64 = 0x7a1e_5172_2026_1127
    static let cases = 240

    /// Two workers (the machine has two cores), each with its own copy of the site and its own output, take
    /// every other case; the mutations still come from one generator, so every run fuzzes the same cases.
    static let workers = 2

    @Test(.timeLimit(.minutes(3)))
    func mutatedSitesFailCleanly() throws {
        let pristine = FixtureSiteTests.fixtureTree("bilingual").files
        let paths = pristine.keys.sorted()
        var random = SplitMix64(seed: Self.seed)
        let mutations = (0..<Self.cases).map { _ in FuzzMutation.random(paths: paths, files: pristine, using: &random) }
        let outcomes = FuzzOutcomes()
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            do {
                let cases = Array(stride(from: worker, to: Self.cases, by: Self.workers))
                try Self.run(cases: cases, mutations: mutations, pristine: pristine, outcomes: outcomes)
            } catch {
                Issue.record("worker \(worker): \(error)")
            }
        }
        // The fuzzer must reach both outcomes, or it is not testing anything.
        let counts = outcomes.counts
        #expect((counts[0] ?? 0) > 10 && (counts[1] ?? 0) > 50, "outcomes \(counts)")
    }

    /// Builds `cases` one after another in a site and output of their own, checking each build.
    static func run(cases: [Int], mutations: [FuzzMutation], pristine: [String: Data], outcomes: FuzzOutcomes) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("talentsite-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let site = try DiskSite(MemorySourceTree(data: pristine), at: work.appendingPathComponent("site"))
        let output = work.appendingPathComponent("out")
        var previous: [String: String] = [:]
        var dirty: Set<String> = []

        for number in cases {
            for path in dirty { try site.write(path, pristine[path]!) }  // back to the fixture
            let mutation = mutations[number]
            let changed = mutation.apply(to: pristine)
            for (path, data) in changed { try site.write(path, data) }
            dirty = Set(changed.keys)
            let label = "case \(number): \(mutation)"

            let run = try FuzzRun.build(site: site.root, output: output, timeout: 30)
            #expect(!run.timedOut, "\(label): hung")
            guard run.reason == .exit && (run.status == 0 || run.status == 1) else {
                Issue.record("\(label): ended by \(run.reason) \(run.status)\n\(run.stderr.prefix(1_500))")
                continue
            }
            outcomes.add(run.status)
            if let line = run.stderr.split(separator: "\n").first(where: { !FuzzRun.isWellFormed($0) }) {
                Issue.record("\(label): not a path:line:col diagnostic: \(line)")
            }
            if run.status == 1 {
                #expect(run.stderr.contains(": error: "), "\(label): failed without naming an error")
                #expect(OutputGuardTests.snapshot(output) == previous, "\(label): a failed build changed the previous output")
            } else {
                previous = OutputGuardTests.snapshot(output)
            }
            // The output a successful build replaced is deleted in the background: wait for it, briefly.
            _ = OutputGuardTests.leftoversVanish(beside: output)
            let beside = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
            #expect(beside == ["out", "site"] || (beside == ["site"] && previous.isEmpty), "\(label): left \(beside)")
            let unexpected = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { !["content", "templates"].contains($0) }
            #expect(unexpected.isEmpty, "\(label): wrote \(unexpected) into the site folder")
        }
    }
}

/// How many builds ended with each status, counted from both workers.
final class FuzzOutcomes: @unchecked Sendable {
    /// Guards `byStatus`.
    private let lock = NSLock()
    private var byStatus: [Int32: Int] = [:]
    func add(_ status: Int32) { lock.withLock { byStatus[status, default: 0] += 1 } }
    var counts: [Int32: Int] { lock.withLock { byStatus } }
}

/// One change to the site: the kinds of damage editors, tools and disks do to files.
enum FuzzMutation: CustomStringConvertible {
    case truncate(String, at: Int)
    case insertBytes(String, at: Int, [UInt8])
    case duplicateLine(String, line: Int)
    case deleteLine(String, line: Int)
    case swapFiles(String, String)
    case replaceLine(String, line: Int, with: String)

    /// Snippets that stress parsers: YAML and Mustache syntax, full-width punctuation, invalid UTF-8.
    static let snippets: [String] = [
        "---", "{{", "}}", "{{> layout}}", "{{#x}}", ":", "：", "　", "- ", "[", "]", "{", "\"", "'", "\t", "\0",
        "title:", "date: 2027-02-30", "industries: [nope]", "<script>", "](/courses/nope/)", "[[x]]", "&", "\r", "\r\n",
        "certification: missing", "draft: true", "hours: -1", "year: 99999999999999999999", "%", "|", ">", "*", "!",
    ]

    static func random(paths: [String], files: [String: Data], using random: inout SplitMix64) -> FuzzMutation {
        let path = paths[random.next(below: paths.count)]
        let bytes = files[path]!.count
        let lines = max(1, files[path]!.split(separator: 0x0A, omittingEmptySubsequences: false).count)
        switch random.next(below: 6) {
        case 0: return .truncate(path, at: random.next(below: bytes + 1))
        case 1:
            let junk: [UInt8] = random.next(below: 2) == 0
                ? (0..<(1 + random.next(below: 8))).map { _ in UInt8(random.next(below: 256)) }
                : Array(snippets[random.next(below: snippets.count)].utf8)
            return .insertBytes(path, at: random.next(below: bytes + 1), junk)
        case 2: return .duplicateLine(path, line: random.next(below: lines))
        case 3: return .deleteLine(path, line: random.next(below: lines))
        case 4: return .swapFiles(path, paths[random.next(below: paths.count)])
        default: return .replaceLine(path, line: random.next(below: lines), with: snippets[random.next(below: snippets.count)])
        }
    }

    /// The files this mutation changes, with their new contents.
    func apply(to files: [String: Data]) -> [String: Data] {
        func lines(_ path: String) -> [Data] { files[path]!.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) } }
        func joined(_ lines: [Data]) -> Data { Data(lines.joined(separator: [0x0A])) }
        switch self {
        case .truncate(let path, let at): return [path: files[path]!.prefix(at)]
        case .insertBytes(let path, let at, let bytes):
            var data = files[path]!; data.insert(contentsOf: bytes, at: data.startIndex + at); return [path: data]
        case .duplicateLine(let path, let line):
            var all = lines(path); all.insert(all[line], at: line); return [path: joined(all)]
        case .deleteLine(let path, let line):
            var all = lines(path); all.remove(at: line); return [path: joined(all)]
        case .swapFiles(let first, let second):
            return first == second ? [:] : [first: files[second]!, second: files[first]!]
        case .replaceLine(let path, let line, let text):
            var all = lines(path); all[line] = Data(text.utf8); return [path: joined(all)]
        }
    }

    var description: String {
        switch self {
        case .truncate(let path, let at): "truncate \(path) at byte \(at)"
        case .insertBytes(let path, let at, let bytes): "insert \(bytes) into \(path) at byte \(at)"
        case .duplicateLine(let path, let line): "duplicate line \(line + 1) of \(path)"
        case .deleteLine(let path, let line): "delete line \(line + 1) of \(path)"
        case .swapFiles(let first, let second): "swap \(first) and \(second)"
        case .replaceLine(let path, let line, let text): "replace line \(line + 1) of \(path) with \(text.debugDescription)"
        }
    }
}

/// One `talentsite build` process with a time limit.
struct FuzzRun {
    var status: Int32
    var reason: Process.TerminationReason
    var stderr: String
    var timedOut: Bool

    static func build(site: URL, output: URL, timeout: TimeInterval) throws -> FuzzRun {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["build", "--source", site.path, "--output", output.path]
        process.environment = ["SOURCE_DATE_EPOCH": "1780000000", "HOME": site.path + "/nonexistent-home"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        // Read while it runs: a full pipe would stall the build and look like a hang.
        let reader = ErrorReader()
        let finishedReading = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            reader.data = errors.fileHandleForReading.readDataToEndOfFile()
            finishedReading.signal()
        }
        let timedOut = done.wait(timeout: .now() + timeout) == .timedOut
        if timedOut { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        finishedReading.wait()
        return FuzzRun(status: process.terminationStatus, reason: process.terminationReason,
                       stderr: String(decoding: reader.data, as: UTF8.self), timedOut: timedOut)
    }

    /// Written by the reading thread before it signals, read after the signal.
    final class ErrorReader: @unchecked Sendable { var data = Data() }

    /// A compiler-style diagnostic, or one of the summary lines the command ends with.
    static func isWellFormed(_ line: Substring) -> Bool {
        line.wholeMatch(of: /[^:\s][^:]*:\d+:\d+: (error|warning): .+/) != nil
            || line.hasPrefix("build failed: ")
    }
}
