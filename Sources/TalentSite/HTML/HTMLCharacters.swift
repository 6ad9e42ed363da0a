/// Character rules `VisibleTextScanner` shares with libxml2's HTML parser: which bytes it takes as text at all,
/// and the character references it decodes; everything else it leaves to libxml2.
enum HTMLCharacters {
    /// Named references libxml2 decodes (`html40EntitiesTable`), of those our templates and Markdown write.
    private static let named: [(name: [UInt8], scalar: UInt32)] = [
        (Array("amp;".utf8), 0x26), (Array("lt;".utf8), 0x3C), (Array("gt;".utf8), 0x3E),
        (Array("quot;".utf8), 0x22), (Array("apos;".utf8), 0x27), (Array("nbsp;".utf8), 0xA0),
    ]

    /// The character the reference at `index` (its `&`) stands for, and the reference's length. Nil for an unknown
    /// name, a missing `;`, more than eight digits, or a value that libxml2 drops (`IS_CHAR`) or that would be a
    /// carriage return.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int)? {
        let count = bytes.count
        guard index + 2 < count else { return nil }
        guard bytes[index + 1] == UInt8(ascii: "#") else {
            for entry in named where index + 1 + entry.name.count <= count {
                if UnsafeBufferPointer(rebasing: bytes[index + 1..<index + 1 + entry.name.count]).elementsEqual(entry.name) {
                    return (entry.scalar, 1 + entry.name.count)
                }
            }
            return nil
        }
        var cursor = index + 2
        let hex = bytes[cursor] | 0x20 == UInt8(ascii: "x")
        if hex { cursor += 1 }
        let digits = cursor
        var value: UInt32 = 0
        while cursor < count, cursor - digits < 8 {
            let byte = bytes[cursor]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                value = value * (hex ? 16 : 10) + UInt32(byte - UInt8(ascii: "0"))
            } else if hex, byte | 0x20 >= UInt8(ascii: "a"), byte | 0x20 <= UInt8(ascii: "f") {
                value = value * 16 + UInt32(byte | 0x20 - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            cursor += 1
        }
        guard cursor > digits, cursor < count, bytes[cursor] == UInt8(ascii: ";"), value != 0x0D, isChar(value) else { return nil }
        return (value, cursor + 1 - index)
    }

    /// libxml2's `IS_CHAR`: the characters XML allows.
    static func isChar(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6)); out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12)); out.append(UInt8(0x80 | value >> 6 & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18)); out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Valid UTF-8 whose every character libxml2 takes as it is (`IS_CHAR`), with no control character but tab and
    /// line feed: a carriage return is refused too, so no question of line endings arises.
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight ASCII bytes at a time while none is below 0x20 (the test may see one that is not there).
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0, (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20 && lead != 0x09 && lead != 0x0A { return false }
                index += 1
                continue
            }
            guard let length = multibyteLength(bytes, at: index) else { return false }
            if length == 3 && lead == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return false }  // U+FFFE, U+FFFF
            index += length
        }
        return true
    }

    /// Whether UTF-8 is valid (no overlong form, surrogate or value past U+10FFFF), as `String` would take it.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 { index += 1; continue }
            guard let length = multibyteLength(bytes, at: index) else { return false }
            index += length
        }
        return true
    }

    /// The length of the valid multi-byte sequence starting at `index` (its lead byte is not ASCII): 2, 3 or 4;
    /// nil for an overlong form, a surrogate, a value past U+10FFFF or a sequence cut short.
    @inline(__always)
    static func multibyteLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        func continues(_ offset: Int) -> Bool { index + offset < bytes.count && bytes[index + offset] & 0xC0 == 0x80 }
        if lead < 0xC2 { return nil }
        if lead < 0xE0 { return continues(1) ? 2 : nil }
        if lead < 0xF0 {
            guard continues(1), continues(2) else { return nil }
            if (lead == 0xE0 && bytes[index + 1] < 0xA0) || (lead == 0xED && bytes[index + 1] > 0x9F) { return nil }
            return 3
        }
        if lead < 0xF5 {
            guard continues(1), continues(2), continues(3) else { return nil }
            if (lead == 0xF0 && bytes[index + 1] < 0x90) || (lead == 0xF4 && bytes[index + 1] > 0x8F) { return nil }
            return 4
        }
        return nil
    }
}
