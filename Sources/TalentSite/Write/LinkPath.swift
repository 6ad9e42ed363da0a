import Foundation
/// Resolves links found in pages to root-relative paths, the way a browser would, so a link can be
/// compared with the files a build writes (which file serves a path is `OutputPath`'s to say).
public enum LinkPath {
    /// The root-relative path a link points to, without query or fragment, with `.`/`..` resolved.
    /// `pagePath` is the URL path of the page holding the link (`/courses/cnc/`).
    public static func resolve(_ url: String, from pagePath: String) -> String {
        var path = String(url.prefix { $0 != "#" && $0 != "?" })
        path = decodingPercents(path)
        if !path.hasPrefix("/") {
            let directory = pagePath.hasSuffix("/") ? pagePath : String(pagePath[...(pagePath.lastIndex(of: "/") ?? pagePath.startIndex)])
            path = directory + path
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        let joined = "/" + parts.joined(separator: "/")
        return (path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")) && joined != "/" ? joined + "/" : joined
    }

    /// The fragment of a link (`#faq` → `faq`), percent-decoded; nil when there is none or it is empty.
    public static func fragment(of url: String) -> String? {
        guard let hash = url.firstIndex(of: "#") else { return nil }
        let raw = String(url[url.index(after: hash)...])
        guard !raw.isEmpty else { return nil }
        return decodingPercents(raw)
    }

    /// `text.removingPercentEncoding ?? text`, without Foundation for text with no `%` (most links), which it
    /// gives back unchanged.
    static func decodingPercents(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }
}
