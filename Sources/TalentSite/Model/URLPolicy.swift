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

    /// The host of `url` when it is reserved for examples and documentation (RFC 2606, RFC 6761):
    /// `example.com|net|org` and their subdomains, and the `.example`, `.test`, `.invalid`, `.localhost`
    /// top-level domains. A published page must not send citizens there (an apply button to example.org).
    public static func reservedExampleHost(of url: String) -> String? {
        guard let scheme = scheme(of: url) else { return nil }
        var host: String
        if scheme == "mailto" {
            guard let at = url.lastIndex(of: "@") else { return nil }
            host = String(url[url.index(after: at)...].prefix { $0 != "?" && $0 != ">" })
        } else {
            guard let parsed = URL(string: url), let name = parsed.host else { return nil }
            host = name
        }
        host = host.lowercased()
        while host.hasSuffix(".") { host.removeLast() }
        for domain in ["example.com", "example.net", "example.org"] where host == domain || host.hasSuffix("." + domain) {
            return host
        }
        for tld in ["example", "test", "invalid", "localhost"] where host == tld || host.hasSuffix("." + tld) {
            return host
        }
        return nil
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
