import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Open Server-Sent Events connections (`/_talentsite/events`), each told when the site was rebuilt
/// or failed to build. A browser that went away, or stopped reading for a few seconds, is dropped at the next event.
/// Thread safety: the connections are held in a Mutex, locked while sending so events reach every client in order.
final class EventStream: Sendable {
    private struct Clients {
        var connections: [Int32] = []
        var closed = false
    }
    private let clients = Mutex(Clients())

    static let headers = Array(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n" +
                                "X-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\n").utf8)

    var count: Int { clients.withLock { $0.connections.count } }

    /// Takes over `connection`: sends the stream's headers and a first `hello` event carrying the current
    /// generation, read under the stream's lock: an event sent after that read reaches this client too.
    func add(_ connection: Int32, generation: () -> Int) {
        Socket.setSendTimeout(connection, seconds: 2)
        clients.withLock { clients in
            guard !clients.closed, Socket.sendAll(connection, Self.headers + Self.event("hello", "\(generation())")) else {
                shutdown(connection, Int32(SHUT_RDWR)); close(connection); return
            }
            clients.connections.append(connection)
        }
    }

    func send(_ name: String, _ data: String) {
        let bytes = Self.event(name, data)
        clients.withLock { clients in
            clients.connections.removeAll { connection in
                if Socket.sendAll(connection, bytes) { return false }
                close(connection)
                return true
            }
        }
    }

    /// Closes every connection and refuses new ones (the server is stopping).
    func closeAll() {
        clients.withLock { clients in
            clients.closed = true
            for connection in clients.connections { shutdown(connection, Int32(SHUT_RDWR)); close(connection) }
            clients.connections.removeAll()
        }
    }

    /// One SSE event; `data` is split into `data:` lines so a newline cannot end the event early.
    static func event(_ name: String, _ data: String) -> [UInt8] {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        return Array("event: \(name)\n\(lines)\n\n".utf8)
    }
}
