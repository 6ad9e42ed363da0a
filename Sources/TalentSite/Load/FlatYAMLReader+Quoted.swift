private let doubleQuote: UInt8 = 0x22, singleQuote: UInt8 = 0x27, backslash: UInt8 = 0x5C

/// Quoted scalars on one line, as libyaml reads them. A line break inside the quotes, an escape Yams would
/// turn into something else (a NUL ends Yams' text early) or an escape that is an error leaves the text to Yams.
extension FlatYAMLReader.Reader {
    /// `"…"`: returns the node and the offset after the closing quote.
    func doubleQuoted(at start: Int, end: Int) -> (FlatYAMLNode, Int)? {
        var buffer: [UInt8] = [], escaped = false  // the buffer only once there is an escape
        var index = start + 1
        var runStart = index
        while index < end {
            let byte = bytes[index]
            if byte == doubleQuote {
                guard escaped else { return (scalar(text(start + 1..<index), .doubleQuoted, at: start), index + 1) }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                return (scalar(String(decoding: buffer, as: UTF8.self), .doubleQuoted, at: start), index + 1)
            }
            guard byte == backslash else { index += 1; continue }
            guard index + 1 < end, let (character, length) = escape(at: index + 1, end: end) else { return nil }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            buffer.append(contentsOf: String(Character(character)).utf8)
            escaped = true
            index += 1 + length
            runStart = index
        }
        return nil
    }

    /// The character an escape stands for, and how many bytes after the backslash it takes.
    private func escape(at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        let simple: Unicode.Scalar?
        switch bytes[index] {
        case 0x61: simple = "\u{07}"  // a
        case 0x62: simple = "\u{08}"  // b
        case 0x74: simple = "\t"  // t
        case 0x6E: simple = "\n"  // n
        case 0x76: simple = "\u{0B}"  // v
        case 0x66: simple = "\u{0C}"  // f
        case 0x72: simple = "\r"  // r
        case 0x65: simple = "\u{1B}"  // e
        case 0x20: simple = " "
        case doubleQuote: simple = "\""
        case 0x2F: simple = "/"
        case backslash: simple = "\\"
        case 0x4E: simple = "\u{85}"  // N
        case 0x5F: simple = "\u{A0}"  // _
        case 0x4C: simple = "\u{2028}"  // L
        case 0x50: simple = "\u{2029}"  // P
        default: simple = nil
        }
        if let simple { return (simple, 1) }
        let digits: Int
        switch bytes[index] {
        case 0x78: digits = 2  // x
        case 0x75: digits = 4  // u
        case 0x55: digits = 8  // U
        default: return nil  // \0 (a NUL) and unknown escapes
        }
        guard index + digits < end else { return nil }
        var value: UInt32 = 0
        for offset in 1...digits {
            guard let digit = hexValue(bytes[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, 1 + digits)
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// `'…'`, where `''` is one quote: returns the node and the offset after the closing quote.
    func singleQuoted(at start: Int, end: Int) -> (FlatYAMLNode, Int)? {
        var buffer: [UInt8] = [], escaped = false  // the buffer only once there is a `''`
        var index = start + 1
        var runStart = index
        while index < end {
            guard bytes[index] == singleQuote else { index += 1; continue }
            if index + 1 < end, bytes[index + 1] == singleQuote {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
                escaped = true
                index += 2
                runStart = index
                continue
            }
            guard escaped else { return (scalar(text(start + 1..<index), .singleQuoted, at: start), index + 1) }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            return (scalar(String(decoding: buffer, as: UTF8.self), .singleQuoted, at: start), index + 1)
        }
        return nil
    }
}
