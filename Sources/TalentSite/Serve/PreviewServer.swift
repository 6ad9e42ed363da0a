import Foundation
import Synchronization

/// `talentsite serve`: builds the site in memory, serves it over HTTP (loopback unless told otherwise),
/// watches `content/` and `templates/`, rebuilds what a change affects and tells open tabs to reload.
/// When a change breaks the build, the last good site keeps being served with an error overlay.
/// Only the built site, held in memory, is ever served: no request reads a file from disk.
/// Thread safety: what is served and the server's parts are held in `serving`; the builder in `building`, locked for a
/// whole rebuild so builds run one at a time, in order (read → publish). Both are Mutexes, so the compiler checks it.
public final class PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var source: URL
        public var options: BuildOptions
        /// IPv4 address to listen on; loopback by default so a preview is not exposed to the network.
        public var address: String
        /// 0 picks a free port.
        public var port: UInt16
        /// How the source folder is named in reported paths (the `--source` argument).
        public var displaySource: String

        public init(source: URL, options: BuildOptions = BuildOptions(), address: String = "127.0.0.1", port: UInt16 = 8080,
                    displaySource: String = ".") {
            self.source = source; self.options = options; self.address = address; self.port = port; self.displaySource = displaySource
        }
    }

    /// The served state: the last good site, and the errors of the latest build if it failed.
    struct State {
        var files: [String: [UInt8]] = [:]
        var errors: [Diagnostic]?
        var generation = 0
    }

    private enum Phase { case ready, starting, running, stopped }

    struct AlreadyStarted: Error, CustomStringConvertible {
        var description: String { "this preview server was already started" }
    }

    public let configuration: Configuration
    private let report: @Sendable (String) -> Void
    private let events = EventStream()
    private struct Serving {
        var state = State()
        var phase = Phase.ready
        var server: HTTPServer?
        var watcher: FileWatcher?
    }
    private let serving = Mutex(Serving())

    private struct Building {
        /// Made once the watcher runs, so that every save after its first read of the sources is seen.
        var builder: IncrementalBuilder?
        /// A failed build not shown yet because another change was already queued.
        var putOff: (outcome: IncrementalBuilder.Outcome, paths: Set<String>, started: DispatchTime)?
    }
    private let building = Mutex(Building())

    /// - Parameter report: where progress lines go (rebuild times, errors); the CLI prints them.
    public init(configuration: Configuration, report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration; self.report = report
    }

    /// The port listened on, once started.
    public var port: UInt16? { serving.withLock { $0.server?.port } }

    /// How many times the site has been (re)built or failed to build: each is one event to the tabs.
    public var generation: Int { serving.withLock { $0.state.generation } }

    /// What is being served now (tests compare it with a fresh build).
    var served: State { serving.withLock { $0.state } }

    /// Builds, starts listening and watching. A failing first build still starts the server (with the overlay).
    public func start() throws {
        let ready = serving.withLock { serving in
            guard serving.phase == .ready else { return false }
            serving.phase = .starting
            return true
        }
        guard ready else { throw AlreadyStarted() }
        do {
            let started = DispatchTime.now()
            // Watch first, then read: a save made while the first build runs is rebuilt right after it.
            let watcher = try FileWatcher(root: configuration.source, folders: ["content", "templates"]) { [weak self] paths in
                self?.rebuild(paths)
            }
            building.withLock { building in
                let builder = IncrementalBuilder(root: configuration.source, options: configuration.options)
                building.builder = builder
                apply(builder.buildAll(), changed: [], started: started)
            }
            let server: HTTPServer
            do {
                server = try HTTPServer(address: configuration.address, port: configuration.port) { [weak self] request, connection in
                    guard let self else { return .response(.text(500, "stopped")) }
                    return self.respond(to: request, connection: connection)
                }
            } catch { watcher.stop(); throw error }
            let stoppedMeanwhile = serving.withLock { serving in
                guard serving.phase != .stopped else { return true }
                serving.server = server; serving.watcher = watcher; serving.phase = .running
                return false
            }
            if stoppedMeanwhile { watcher.stop(); server.stop() }
        } catch {
            serving.withLock { $0.phase = .stopped }
            throw error
        }
    }

    /// Stops watching and serving; open event streams are closed. Stopping twice is harmless.
    public func stop() {
        let (watcher, server) = serving.withLock { serving in
            serving.phase = .stopped
            return (serving.watcher, serving.server)
        }
        watcher?.stop()  // waits for a rebuild in progress
        events.closeAll()
        server?.stop()
    }

    /// Waits until every save made before the call has been rebuilt and published; false after `seconds`.
    func waitUntilIdle(timeout seconds: Double) -> Bool {
        let watcher = serving.withLock { $0.watcher }
        return watcher?.waitUntilIdle(timeout: seconds) ?? true
    }

    /// Rebuilds after `paths` changed; called on the watcher's thread.
    func rebuild(_ paths: Set<String>) {
        building.withLock { building in
            guard let builder = building.builder else { return }  // the first build, still to come, reads the change
            let started = DispatchTime.now()
            var previewed: Double?
            let outcome = builder.rebuild(changed: paths) { files, pages in
                previewed = Self.milliseconds(since: started)
                self.publish(files, pages: pages)
            }
            // A failure while another change is already queued is most often a file read half written (an editor
            // truncates, then writes): it is shown only if the queued change turns out to change nothing.
            switch outcome {
            case .failed where pendingChanges():
                building.putOff = (outcome, paths, started)
            case .unchanged where building.putOff != nil:
                if let failure = building.putOff { apply(failure.outcome, changed: failure.paths, started: failure.started) }
                building.putOff = nil
            default:
                building.putOff = nil
                apply(outcome, changed: paths, started: started, previewed: previewed)
            }
        }
    }

    private func pendingChanges() -> Bool {
        let watcher = serving.withLock { $0.watcher }
        return watcher?.hasPendingChanges ?? false
    }

    private static func milliseconds(since started: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
    }

    /// Serves `files` (a good build: no overlay) from now on and tells open tabs to reload: all of them, or
    /// those showing one of `pages` (URL paths). When no page changed, the tabs are left alone.
    private func publish(_ files: [String: [UInt8]], pages: [String]?) {
        let generation = serving.withLock { serving -> Int? in
            serving.state.files = files; serving.state.errors = nil
            if pages?.isEmpty == true { return nil }
            serving.state.generation += 1
            return serving.state.generation
        }
        guard let generation else { return }
        events.send("reload", LiveReload.reloadData(generation: generation, pages: pages))
    }

    /// - Parameter previewed: when the edited pages were already published, how long after the change.
    private func apply(_ outcome: IncrementalBuilder.Outcome, changed: Set<String>, started: DispatchTime, previewed: Double? = nil) {
        let milliseconds = Self.milliseconds(since: started)
        let what = changed.isEmpty ? "" : " after \(changed.sorted().prefix(3).joined(separator: ", "))\(changed.count > 3 ? ", …" : "")"
        switch outcome {
        case .unchanged:
            return
        case .built(let files, let rendered, let warnings, let full, let changedPages):
            publish(files, pages: changedPages)
            for warning in warnings { report(warning.relative(to: configuration.displaySource).description) }
            let preview = previewed.map { String(format: " (edited pages shown after %.0f ms)", $0) } ?? ""
            report(String(format: "%@ %d of %d files in %.0f ms%@%@", full ? "built" : "rebuilt", rendered, files.count,
                          milliseconds, what, preview))
        case .failed(let diagnostics):
            let errors = serving.withLock { serving in
                let errors = diagnostics.filter { $0.severity == .error || configuration.options.strict }
                serving.state.errors = errors
                serving.state.generation += 1
                return errors
            }
            for diagnostic in diagnostics { report(diagnostic.relative(to: configuration.displaySource).description) }
            report("build failed\(what): \(errors.count) error\(errors.count == 1 ? "" : "s"); still serving the last good site")
            events.send("error", LiveReload.errorsJSON(errors))
        }
    }

    private func respond(to request: HTTPRequest, connection: Int32) -> HTTPServer.Reply {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .response(HTTPResponse(status: 405, headers: [("Allow", "GET, HEAD")], body: Array("method not allowed\n".utf8)))
        }
        let path: String
        switch RequestPath.parse(request.target) {
        case .badRequest(let reason): return .response(.text(400, "bad request: \(reason)"))
        case .path(let parsed): path = parsed
        }
        let current = serving.withLock { $0.state }
        if path == LiveReload.eventsPath {
            events.add(connection) { self.generation }
            return .keep
        }
        if path == LiveReload.scriptPath {
            return .response(HTTPResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8")], body: Array(LiveReload.script.utf8)))
        }
        guard let file = OutputPath(urlPath: path)?.relative else { return .response(.text(400, "bad request: not a file path")) }
        if let bytes = current.files[file] {
            return .response(page(bytes, file: file, status: 200, state: current))
        }
        if !path.hasSuffix("/"), current.files[file + "/index.html"] != nil {
            return .response(HTTPResponse(status: 301, headers: [("Location", (request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path) + "/")]))
        }
        let notFound = current.files["404.html"] ?? Array("<!DOCTYPE html><html><head><title>404</title></head><body><h1>404 Not Found</h1></body></html>".utf8)
        return .response(page(notFound, file: "404.html", status: 404, state: current))
    }

    /// A served file; HTML gets the live-reload script, and the error overlay while the build is broken.
    private func page(_ bytes: [UInt8], file: String, status: Int, state: State) -> HTTPResponse {
        let type = HTTPResponse.contentType(of: file)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: bytes, generation: state.generation, errors: state.errors) : bytes
        return HTTPResponse(status: status, headers: [("Content-Type", type)], body: body)
    }
}
