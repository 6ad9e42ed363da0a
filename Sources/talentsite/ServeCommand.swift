import ArgumentParser
import Foundation
import TalentSite
#if canImport(Glibc)
import Glibc
#endif

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build in memory, serve it, rebuild on every save and reload open tabs.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "TCP port (0 picks a free one).")
    var port: UInt16 = 8080

    @Option(name: .long, help: "IPv4 address to listen on. The default keeps the preview on this machine; 0.0.0.0 exposes it to the network.")
    var bind: String = "127.0.0.1"

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        // Handlers first: a SIGTERM sent as soon as the banner appears must not be lost.
        let stop = DispatchSemaphore(value: 0)
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            signal(number, SIG_IGN)
            return source
        }
        let server = PreviewServer(configuration: .init(source: site.location.url, options: site.buildOptions(), address: bind, port: port,
                                                        displaySource: site.source),
                                   report: { line in printError(line) })
        do { try server.start() } catch {
            printError("error: cannot serve: \(error)")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data("serving http://\(bind):\(server.port ?? port)/ — watching content/ and templates/; Ctrl-C stops\n".utf8))
        stop.wait()
        server.stop()
        signals.forEach { $0.cancel() }
        print("stopped")
    }
}
