import Foundation

/// Runs a program the tests need beside Swift (`node`, `python3`, found on PATH; the Makefile installs
/// them), returning its exit status and everything it printed, so a failing check explains itself.
enum ExternalTool {
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// A file of the repository, by path from its root.
    static func repositoryFile(_ path: String) -> String { TestSite.root.appendingPathComponent(path).path }
}
