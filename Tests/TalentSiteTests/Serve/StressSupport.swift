import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A value shared between the stress test's threads. Thread safety: `value` is guarded by `lock`.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func with<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock(); defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { with { $0 } }
}

/// Runs `body` on its own thread (not a pool thread: the test's clients block in `recv`); `join` waits for it.
final class TestThread: @unchecked Sendable {  // Thread safety: `done` is a semaphore, signalled once.
    private let done = DispatchSemaphore(value: 0)

    init(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [done] in body(); done.signal() }
        thread.name = name
        thread.start()
    }

    /// False when the thread is still running after `seconds`.
    func join(within seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }
}

/// One HTTP response read to the end as bytes, with whether it is as long as its `Content-Length` says.
struct FetchedResponse {
    var status: Int
    var head: String
    var body: [UInt8]
    var complete: Bool

    var text: String { String(decoding: body, as: UTF8.self) }

    /// `GET path` over a fresh loopback connection; nil when the server did not answer with an HTTP head.
    static func get(port: UInt16, _ path: String) -> FetchedResponse? {
        guard let descriptor = RawHTTP.connect(port: port) else { return nil }
        defer { close(descriptor) }
        RawHTTP.send(descriptor, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        guard let end = data.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        let body = Array(data[end.upperBound...])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
        return FetchedResponse(status: status, head: head, body: body, complete: length == body.count)
    }
}

/// Saves a file as editors do: into a hidden temporary file renamed over it (atomic), or truncated and
/// rewritten in place with one `write`.
enum EditorSave {
    static func atomically(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).swp")
        try inPlace(text, to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw failure("rename", url) }
    }

    static func inPlace(_ text: String, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open", url) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, bytes.count) }
        guard written == bytes.count else { throw failure("write", url) }
    }

    private static func failure(_ call: String, _ url: URL) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "\(call) failed: errno \(errno)"])
    }
}

/// The save counters a page shows: `STRESS-T-<n>` in the record's title, `STRESS-B-<n>` in its body.
struct Counters: Equatable {
    var title: Set<Int> = []
    var body: Set<Int> = []

    init(_ html: String) {
        var rest = html[...]
        while let marker = rest.range(of: "STRESS-") {
            rest = rest[marker.upperBound...]
            let kind = rest.first
            let digits = rest.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
            guard rest.dropFirst().first == "-", let value = Int(digits) else { continue }
            if kind == "T" { title.insert(value) } else if kind == "B" { body.insert(value) }
        }
    }

    /// The one counter the page shows; 0 for the page as it was before the first save, nil when mixed.
    var single: Int? {
        let all = title.union(body)
        return all.isEmpty ? 0 : (all.count == 1 ? all.first : nil)
    }
}
