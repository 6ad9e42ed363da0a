import ArgumentParser
import Foundation
import TalentSite

struct TalentSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talentsite",
        abstract: "Builds the bilingual 5+2 industry talent website from content/ and templates/.",
        subcommands: [Build.self, Check.self, New.self, Serve.self, Translated.self, Translations.self],
        defaultSubcommand: Build.self)
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: SOURCE/public). Replaced only when the build succeeds.")
    var output: String?

    @Flag(name: .long, help: "Treat warnings (such as a missing translation) as errors.")
    var strict = false

    @Option(name: .long, help: "Absolute http(s) URL the site is published at; overrides base_url in content/site.yaml.")
    var baseURL: String?

    enum Format: String, ExpressibleByArgument { case text, github }

    @Option(name: .long, help: "How to print problems: text (path:line:col: error: …) or github (GitHub Actions annotations).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("After a successful build, write every output file's SHA-256, size and path to FILE (outside the output folder).", valueName: "file"))
    var manifest: String?

    @Flag(name: .long, help: "Also write NAME.gz and NAME.br beside every text file of 1 KB or more, for nginx's gzip_static and brotli_static.")
    var precompress = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(where: \.isWhitespace) {
            throw ValidationError("--base-url must be an absolute http:// or https:// URL, not '\(baseURL)'")
        }
    }

    func run() throws {
        let sourceURL = site.location.url
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? sourceURL.appendingPathComponent("public")
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        var options = site.buildOptions(strict: strict)
        options.sourceDateEpoch = epoch
        options.baseURL = baseURL
        let progress = terminalProgress()
        options.progress = progress?.callback
        options.precompress = precompress
        let started = Date()
        let interrupts = Self.discardStagingOnInterrupt()
        defer { interrupts.forEach { $0.cancel() } }
        let manifestURL = manifest.map { URL(fileURLWithPath: $0) }
        do {
            if let manifestURL { try BuildManifest.check(manifestURL, source: sourceURL, output: outputURL) }
            let report = try Pipeline.buildDirectory(source: sourceURL, output: outputURL, options: options)
            progress?.finish()
            show(report.warnings)
            for note in report.notes { print(note) }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            print("wrote \(report.filesWritten) files to \(outputURL.path) in \(seconds) s" +
                  (report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"))
            if let manifestURL { try writeManifest(manifestURL, output: outputURL, source: sourceURL) }
        } catch let refusal as ManifestRefusal {
            progress?.finish()
            printError(refusal.description)
            throw ExitCode(1)
        } catch let refusal as OutputRefusal {
            progress?.finish()
            printError(refusal.description)
            throw ExitCode(1)
        } catch let failure as BuildFailure {
            progress?.finish()
            show(failure.diagnostics)
            let errors = failure.diagnostics.filter { $0.severity == .error || strict }.count
            printError("build failed: \(errors) error\(errors == 1 ? "" : "s"); \(outputURL.path) was left as it was")
            throw ExitCode(1)
        }
    }
}

extension Build {
    /// The site is built by now; a manifest that cannot be written fails the command all the same.
    func writeManifest(_ file: URL, output: URL, source: URL) throws {
        do {
            let files = try BuildManifest.write(file, for: output, source: source)
            print("wrote the manifest of \(files) files to \(file.path)")
        } catch let refusal as ManifestRefusal {
            throw refusal
        } catch {
            printError("error: cannot write the manifest \(file.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    func show(_ diagnostics: [Diagnostic]) {
        switch format {
        case .text: for line in DiagnosticGroups.lines(diagnostics.map { $0.relative(to: site.source) }) { printError(line) }
        case .github: GitHubOutput.report(diagnostics, heading: "talentsite build", source: site.source)
        }
    }

    /// Ctrl-C or CI's SIGTERM mid-build: remove the staging folder (the output was never touched), then exit.
    static func discardStagingOnInterrupt() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                StagingRegistry.shared.discardAll()
                printError("build interrupted; the output was left as it was")
                _exit(128 + number)
            }
            source.resume()
            signal(number, SIG_IGN)
            return source
        }
    }
}

func printError(_ line: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((newline ? line + "\n" : line).utf8))
}

TalentSiteCommand.main()
