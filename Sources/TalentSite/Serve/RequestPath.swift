import Foundation

/// The file a request target names inside the served site, decided without touching the disk.
/// Anything that could climb out of the output — `..` raw or percent-encoded, encoded slashes or
/// backslashes, NUL, invalid percent escapes or UTF-8 — is refused with 400, before any lookup.
public enum RequestPath: Equatable, Sendable {
    /// A root-relative URL path with every segment plain (`/courses/cnc/`).
    case path(String)
    case badRequest(String)

    public static func parse(_ target: String) -> RequestPath {
        guard target.hasPrefix("/"), !target.hasPrefix("//") else { return .badRequest("the target must be a path starting with one '/'") }
        let raw = target.prefix { $0 != "?" && $0 != "#" }
        guard !raw.contains("\0"), !raw.contains("\\") else { return .badRequest("NUL or backslash in the path") }
        var bytes: [UInt8] = []
        var iterator = Array(raw.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return .badRequest("invalid percent escape")
            }
            let decoded = high << 4 | low
            // An encoded '/' or '\' would let one segment hide a path separator; an encoded NUL truncates C strings.
            guard decoded != 0, decoded != UInt8(ascii: "/"), decoded != UInt8(ascii: "\\") else {
                return .badRequest("encoded '/', '\\' or NUL in the path")
            }
            bytes.append(decoded)
        }
        guard let path = String(validating: bytes, as: UTF8.self) else { return .badRequest("the path is not UTF-8") }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest("'.' or '..' in the path") }
        if segments.dropLast().contains(where: \.isEmpty) { return .badRequest("empty segment in the path") }
        return .path(path)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
