/// HTML escaping: for the few places we write HTML ourselves, and for every `{{x}}` of the templates.
enum HTMLEscape {
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    static func attribute(_ text: String) -> String {
        self.text(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// Appends `text` with `& < > " '` escaped (safe in text and in quoted attributes), byte by byte: the five
    /// are ASCII, so no UTF-8 sequence holds them, and a combining mark after a quote cannot hide it. Runs of
    /// other bytes are copied whole; one test of a bit mask tells whether a byte is one of the five.
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for offset in 0 ..< bytes.count {
                let byte = bytes[offset]
                guard byte < 64, specials & (1 << UInt64(byte)) != 0 else { continue }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                default: replacement = "&#39;"
                }
                if offset > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< offset])) }
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = offset + 1
            }
            if bytes.count > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }

    /// Bit n set for each byte n that `append` escapes: `"` 0x22, `&` 0x26, `'` 0x27, `<` 0x3C, `>` 0x3E.
    private static var specials: UInt64 { 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E }
}
