import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately raw HTTP client over POSIX sockets: sends the request target byte for byte (no
/// normalising of `..` or percent escapes, unlike URLSession), so traversal attempts reach the server as written.
enum RawHTTP {
    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    static func connect(port: UInt16) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 { close(descriptor); return nil }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    static func send(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress!, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// `GET target` (or another method), read to the end.
    static func request(port: UInt16, target: String, method: String = "GET") -> Response? {
        guard let descriptor = connect(port: port) else { return nil }
        defer { close(descriptor) }
        send(descriptor, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<split.lowerBound])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, head: head, body: String(text[split.upperBound...]))
    }
}

/// An open `/_talentsite/events` stream, read event by event.
final class EventClient {
    let descriptor: Int32
    private var pending = ""

    init?(port: UInt16) {
        guard let descriptor = RawHTTP.connect(port: port) else { return nil }
        self.descriptor = descriptor
        RawHTTP.send(descriptor, "GET /_talentsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    deinit { close(descriptor) }

    /// The next event as (name, data), or nil at end of stream or after `seconds`.
    func next(within seconds: Double) -> (name: String, data: String)? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let end = pending.range(of: "\n\n") {
                let block = String(pending[..<end.lowerBound])
                pending = String(pending[end.upperBound...])
                let lines = block.split(separator: "\n").map(String.init)
                guard let name = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7) else { continue }
                let data = lines.filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }.joined(separator: "\n")
                return (String(name), data)
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, Int32(remaining * 1000)) > 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            pending += String(decoding: buffer[0..<count], as: UTF8.self)
            if let headEnd = pending.range(of: "\r\n\r\n"), pending.hasPrefix("HTTP/") { pending = String(pending[headEnd.upperBound...]) }
        }
    }

    /// Skips events until one named `name` arrives.
    func wait(for name: String, within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while let event = next(within: max(0, deadline.timeIntervalSinceNow)) {
            if event.name == name { return event.data }
        }
        return nil
    }
}
