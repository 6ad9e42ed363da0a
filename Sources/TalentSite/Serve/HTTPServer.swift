import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server over POSIX sockets: one request per connection, each handled on a worker
/// queue. A handler either answers with a response or keeps the socket (Server-Sent Events).
/// Thread safety: `isStopped` is held in a Mutex; the rest is constant or itself thread-safe (queue, group, semaphore).
final class HTTPServer: Sendable {
    enum Reply {
        case response(HTTPResponse)
        /// The handler took the socket over and will close it.
        case keep
    }

    typealias Handler = @Sendable (HTTPRequest, Int32) -> Reply

    let port: UInt16
    private let listener: Int32
    private let handler: Handler
    private let isStopped = Mutex(false)
    private let acceptLoopDone = DispatchSemaphore(value: 0)
    private let workers = DispatchQueue(label: "talentsite.serve.workers", attributes: .concurrent)
    private let inFlight = DispatchGroup()

    init(address: String, port: UInt16, handler: @escaping Handler) throws {
        (listener, self.port) = try Socket.listen(address: address, port: port)
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "talentsite.serve.accept"
        thread.start()
    }

    private var shouldStop: Bool { isStopped.withLock { $0 } }

    private func acceptLoop() {
        while !shouldStop {
            guard Socket.waitReadable(listener, milliseconds: 100) else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            inFlight.enter()
            workers.async { [self] in
                defer { inFlight.leave() }
                handle(connection)
            }
        }
        acceptLoopDone.signal()
    }

    private func handle(_ connection: Int32) {
        Socket.setReceiveTimeout(connection, seconds: 5)
        guard let head = Socket.readHead(connection) else {
            Socket.sendAll(connection, HTTPResponse.text(400, "bad request").serialized(includeBody: true))
            close(connection); return
        }
        guard let request = HTTPRequest.parse(head) else {
            Socket.sendAll(connection, HTTPResponse.text(400, "bad request").serialized(includeBody: true))
            close(connection); return
        }
        switch handler(request, connection) {
        case .keep: return
        case .response(let response):
            Socket.sendAll(connection, response.serialized(includeBody: request.method != "HEAD"))
            shutdown(connection, Int32(SHUT_WR))
            close(connection)
        }
    }

    /// Stops accepting, waits for requests being answered, and closes the listening socket.
    func stop() {
        let already = isStopped.withLock { stopped in defer { stopped = true }; return stopped }
        guard !already else { return }
        acceptLoopDone.wait()
        _ = inFlight.wait(timeout: .now() + 5)
        close(listener)
    }
}
