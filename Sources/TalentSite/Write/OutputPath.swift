/// A file path inside the output folder, derived from a URL path and proven not to escape it.
public struct OutputPath: Hashable, Sendable, CustomStringConvertible {
    /// Relative path such as `courses/cnc/index.html`.
    public let relative: String

    /// `/courses/cnc/` → `courses/cnc/index.html`; `/style.css` → `style.css`. Nil for anything that could
    /// leave the output folder or is not a plain path (`..`, `.`, backslashes, NUL, empty segments).
    public init?(urlPath: String) {
        guard urlPath.hasPrefix("/") else { return nil }
        var segments = urlPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if urlPath.hasSuffix("/") { segments[segments.count - 1] = "index.html" }
        for segment in segments {
            if segment.isEmpty || segment == "." || segment == ".." || segment.contains("\\") || segment.contains("\0") {
                return nil
            }
        }
        relative = segments.joined(separator: "/")
    }

    /// A file as an output's file list names it (`courses/cnc/index.html`), checked the same way.
    public init?(file: String) {
        guard !file.isEmpty, !file.hasPrefix("/"), !file.hasSuffix("/") else { return nil }
        self.init(urlPath: "/" + file)
    }

    /// The URL the file is served at: `courses/cnc/index.html` → `/courses/cnc/`, `style.css` → `/style.css`.
    public var urlPath: String {
        if relative == "index.html" { return "/" }
        return relative.hasSuffix("/index.html") ? "/" + relative.dropLast("index.html".count) : "/" + relative
    }

    public var description: String { relative }
}

/// Where rendered files go. Injectable so tests can capture output in memory.
public protocol OutputTarget: Sendable {
    func write(_ bytes: [UInt8], to path: OutputPath) throws
}
