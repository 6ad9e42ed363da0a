import Foundation

/// The one place where a source file's bytes become text. Every reader (front matter, YAML, CSV,
/// templates) gets the same thing whichever editor saved the file: UTF-8 without a byte-order mark,
/// lines ended by LF only. CRLF and CR-only line ends become one LF each, so line numbers do not move
/// and columns are unchanged.
enum SourceText {
    /// The text of `data` as readers want it, or an error at the first byte that is not UTF-8.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        validated(data, file: file).map { normalized($0) }
    }

    /// The text of `data` exactly as saved (byte-order mark and line ends kept), for tools that rewrite
    /// a file and must change nothing else in it.
    static func decodeVerbatim(_ data: Data, file: String) -> Result<String, Diagnostic> {
        validated(data, file: file)
    }

    private static func validated(_ data: Data, file: String) -> Result<String, Diagnostic> {
        // Fast path: valid UTF-8 without NUL bytes (a UTF-16 byte-order mark is never valid UTF-8).
        let hasNUL = data.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
        if !hasNUL, let text = String(validating: data, as: UTF8.self) { return .success(text) }
        let bytes = [UInt8](data)
        if let problem = EncodingProblem.find(in: bytes) {
            return .failure(.error(problem.location(in: bytes, file: file), problem.message))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The line end the file was saved with, judged by its first line: "\r\n", "\r" or "\n".
    static func lineEnd(of text: String) -> String {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 10 { return previous == 13 ? "\r\n" : "\n" }
            if previous == 13 { return "\r" }
            previous = byte
        }
        return previous == 13 ? "\r" : "\n"
    }

    /// Drops a leading byte-order mark and turns CRLF and lone CR into LF. Most text has neither, which one
    /// `memchr` over its bytes tells; only text with them is rewritten.
    static func normalized(_ text: String) -> String {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            return !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && memchr(base, 13, bytes.count) == nil
        }
        return clean == true ? text : LineEndings.unified(text)
    }
}

/// Why a file is not UTF-8: where the first bad byte is, and what encoding the bytes look like instead.
struct EncodingProblem {
    /// Offset of the first byte that is not (or starts something that is not) UTF-8.
    let offset: Int
    let message: String

    private static let fix = "re-save the file as UTF-8"

    /// Nil when `bytes` are UTF-8 text. NUL bytes are valid UTF-8, but many of them mean UTF-16.
    static func find(in bytes: [UInt8]) -> EncodingProblem? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let order = bytes[0] == 0xFF ? "FF FE, little-endian" : "FE FF, big-endian"
            return EncodingProblem(offset: 0, message: "file is UTF-16 (byte-order mark \(order)), not UTF-8; \(fix)")
        }
        let invalid = firstInvalidUTF8(bytes)
        let nuls = bytes.lazy.filter { $0 == 0 }.count
        if nuls > 0 && nuls * 4 >= bytes.count, let first = bytes.firstIndex(of: 0) {
            return EncodingProblem(offset: min(first, invalid ?? first),
                                   message: "file looks like UTF-16 (every other byte is NUL), not UTF-8; \(fix)")
        }
        guard let invalid else { return nil }
        let byte = String(bytes[invalid], radix: 16, uppercase: true)
        var message = "not valid UTF-8: byte 0x\(byte.count == 1 ? "0" + byte : byte) here"
        if looksLikeBig5(bytes) {
            message += "; the bytes look like Big5 (cp950), as Excel and Notepad save on a zh-TW Windows: \(fix)"
                + " (in Excel: Save As > \"CSV UTF-8\")"
        } else {
            message += "; \(fix)"
        }
        return EncodingProblem(offset: invalid, message: message)
    }

    /// Where the bad byte is: its line, and its column counted in characters of the valid text before it
    /// on that line (a leading byte-order mark does not count), as an editor shows it.
    func location(in bytes: [UInt8], file: String) -> SourceLocation {
        let prefix = SourceText.normalized(String(decoding: bytes[..<offset], as: UTF8.self))
        let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        return SourceLocation(file: file, line: lines.count, column: (lines.last?.count ?? 0) + 1)
    }

    /// Offset of the first byte that does not start a well-formed UTF-8 sequence, by the standard library's
    /// decoder (which rejects overlong forms, surrogates and values past U+10FFFF).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// Big5/cp950 writes each Chinese character as a lead byte 0x81–0xFE and a trail byte 0x40–0x7E or
    /// 0xA1–0xFE, and ASCII as itself: the bytes look like Big5 when every non-ASCII byte pairs up that way.
    static func looksLikeBig5(_ bytes: [UInt8]) -> Bool {
        var index = 0, pairs = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            guard (0x81...0xFE).contains(lead), index + 1 < bytes.count else { return false }
            let trail = bytes[index + 1]
            guard (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) else { return false }
            pairs += 1
            index += 2
        }
        return pairs > 0
    }
}
