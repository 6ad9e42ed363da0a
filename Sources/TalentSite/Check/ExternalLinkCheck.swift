import Foundation
import Synchronization
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

    private enum Outcome: Sendable { case status(Int), failed(String) }

    private func request(_ url: URL, method: String, session: URLSession) -> Outcome {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("talentsite-check", forHTTPHeaderField: "User-Agent")
        let done = DispatchSemaphore(value: 0)
        let box = OutcomeBox()
        let task = session.dataTask(with: request) { _, response, error in
            let outcome: Outcome = (response as? HTTPURLResponse).map { .status($0.statusCode) }
                ?? .failed(error.map { Self.describe($0) } ?? "no HTTP answer")
            box.value.withLock { $0 = outcome }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            return .failed("no answer within \(Int(timeout)) s")
        }
        return box.value.withLock { $0 } ?? .failed("no HTTP answer")
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? URLError, error.code == .timedOut { return "timed out" }
        return error.localizedDescription
    }

    /// The answer to one request, set by the session's callback thread and read after the wait.
    private final class OutcomeBox: Sendable { let value = Mutex<Outcome?>(nil) }

    /// The next URL to check, taken by one worker at a time.
    private final class Counter: Sendable {
        private let value = Mutex(0)
        func take(below limit: Int) -> Int? {
            value.withLock { value in
                guard value < limit else { return nil }
                value += 1
                return value - 1
            }
        }
    }

    /// Each URL's result, in the order the URLs were given.
    private final class ResultBox: Sendable {
        private let storage: Mutex<[ExternalLinkFailure?]>
        init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }
        func set(_ index: Int, _ value: ExternalLinkFailure?) { storage.withLock { $0[index] = value } }
        var values: [ExternalLinkFailure?] { storage.withLock { $0 } }
    }
}
