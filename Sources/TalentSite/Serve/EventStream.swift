import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Open Server-Sent Events connections (`/_talentsite/events`), each told when the site was rebuilt
/// or failed to build. A browser that went away, or stopped reading for a few seconds, is dropped at the next event.
/// Thread safety: `clients` and `closed` are guarded by `lock`, held while sending so events reach every client in order.
final class EventStream: @unchecked Sendable {  // unchecked: `clients`, `closed` only under `lock`
    private let lock = NSLock()
    private var clients: [Int32] = []
    private var closed = false

    static let headers = Array(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n" +
                                "X-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\n").utf8)

    var count: Int { lock.lock(); defer { lock.unlock() }; return clients.count }

    /// Takes over `connection`: sends the stream's headers and a first `hello` event carrying the current
    /// generation, read under the stream's lock: an event sent after that read reaches this client too.
    func add(_ connection: Int32, generation: () -> Int) {
        Socket.setSendTimeout(connection, seconds: 2)
        lock.lock(); defer { lock.unlock() }
        guard !closed, Socket.sendAll(connection, Self.headers + Self.event("hello", "\(generation())")) else {
            shutdown(connection, Int32(SHUT_RDWR)); close(connection); return
        }
        clients.append(connection)
    }

    func send(_ name: String, _ data: String) {
        lock.lock(); defer { lock.unlock() }
        let bytes = Self.event(name, data)
        clients.removeAll { connection in
            if Socket.sendAll(connection, bytes) { return false }
            close(connection)
            return true
        }
    }

    /// Closes every connection and refuses new ones (the server is stopping).
    func closeAll() {
        lock.lock(); defer { lock.unlock() }
        closed = true
        for connection in clients { shutdown(connection, Int32(SHUT_RDWR)); close(connection) }
        clients.removeAll()
    }

    /// One SSE event; `data` is split into `data:` lines so a newline cannot end the event early.
    static func event(_ name: String, _ data: String) -> [UInt8] {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        return Array("event: \(name)\n\(lines)\n\n".utf8)
    }
}
