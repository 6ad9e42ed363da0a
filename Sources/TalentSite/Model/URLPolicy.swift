import Foundation

/// Which link targets content may use. Anything else (javascript:, data:, file:…) is refused.
public enum URLPolicy {
    public static let externalSchemes: Set<String> = ["https", "http", "mailto", "tel"]

    /// The lower-cased scheme of `url`, or nil for a relative or root-relative link.
    public static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    /// An absolute link we allow in a field: https, http, mailto with something after the colon.
    public static func isAllowedExternal(_ url: String) -> Bool {
        guard let scheme = scheme(of: url), externalSchemes.contains(scheme),
              !url.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return false }
        if scheme == "http" || scheme == "https" {
            guard let parsed = URL(string: url), let host = parsed.host, !host.isEmpty else { return false }
        }
        return url.count > scheme.count + 1
    }
}
