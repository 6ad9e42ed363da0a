import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An external link that did not answer with a success.
public struct ExternalLinkFailure: Sendable, Hashable {
    public var url: String
    public var reason: String
}

/// Checks external links over the network: at most `concurrency` requests at once, each given up after
/// `timeout` seconds, so a check of thousands of links neither floods a server nor hangs on a dead one.
/// HEAD first; servers that refuse HEAD (405, 501) get a GET.
public struct ExternalLinkCheck: Sendable {
    public var concurrency: Int
    public var timeout: TimeInterval

    public init(concurrency: Int = 8, timeout: TimeInterval = 10) {
        self.concurrency = max(1, concurrency); self.timeout = max(0.1, timeout)
    }

    public func run(_ urls: [String]) -> [ExternalLinkFailure] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = concurrency
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let results = ResultBox(count: urls.count)
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<min(concurrency, urls.count) {
            group.enter()
            Thread.detachNewThread {
                while let index = next.take(below: urls.count) {
                    results.set(index, check(urls[index], session: session))
                }
                group.leave()
            }
        }
        group.wait()
        return results.values.compactMap { $0 }
    }

    private func check(_ url: String, session: URLSession) -> ExternalLinkFailure? {
        guard let parsed = URL(string: url) else { return ExternalLinkFailure(url: url, reason: "not a valid URL") }
        var outcome = request(parsed, method: "HEAD", session: session)
        if case .status(let code) = outcome, code == 405 || code == 501 {
            outcome = request(parsed, method: "GET", session: session)
        }
        switch outcome {
        case .status(let code) where (200..<400).contains(code): return nil
        case .status(let code): return ExternalLinkFailure(url: url, reason: "the server answered HTTP \(code)")
        case .failed(let reason): return ExternalLinkFailure(url: url, reason: reason)
        }
    }

    private enum Outcome { case status(Int), failed(String) }

    private func request(_ url: URL, method: String, session: URLSession) -> Outcome {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("talentsite-check", forHTTPHeaderField: "User-Agent")
        let done = DispatchSemaphore(value: 0)
        let box = OutcomeBox()
        let task = session.dataTask(with: request) { _, response, error in
            if let http = response as? HTTPURLResponse { box.value = .status(http.statusCode) }
            else { box.value = .failed(error.map { Self.describe($0) } ?? "no HTTP answer") }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            return .failed("no answer within \(Int(timeout)) s")
        }
        return box.value ?? .failed("no HTTP answer")
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? URLError, error.code == .timedOut { return "timed out" }
        return error.localizedDescription
    }

    private final class OutcomeBox: @unchecked Sendable { var value: Outcome? }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(below limit: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    private final class ResultBox: @unchecked Sendable {
        private var storage: [ExternalLinkFailure?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: ExternalLinkFailure?) { lock.lock(); storage[index] = value; lock.unlock() }
        var values: [ExternalLinkFailure?] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
