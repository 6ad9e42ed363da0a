/// Reads flat front matter — one `key: value` per line, each value plain, quoted (`"…"`, `'…'`) or a one-line
/// list or mapping of such (`[a, "b"]`, `{k: v}`), with blank and `#` comment lines — without Yams, whose tree
/// building, tag resolution and duplicate-key check were most of the load stage. It yields the very nodes Yams
/// would (same text, quoting and positions). Whatever it is not sure of — block scalars, indented or continued
/// lines, anchors, tags, tabs, unusual characters or escapes, duplicate keys, anything that is an error — makes
/// it return nil, and the caller asks Yams, so errors are Yams' own, reported exactly as before.
enum FlatYAMLReader {
    /// The root mapping of `text`, or nil when Yams must read it.
    static func read(_ text: Substring) -> FlatYAMLNode? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ bytes in
            var reader = FlatYAMLReader.Reader(bytes: bytes)
            return reader.document()
        }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { bytes in
            var reader = FlatYAMLReader.Reader(bytes: bytes)
            return reader.document()
        }
    }
}

private let space: UInt8 = 0x20, newline: UInt8 = 0x0A, hash: UInt8 = 0x23, colon: UInt8 = 0x3A, comma: UInt8 = 0x2C
private let doubleQuote: UInt8 = 0x22, singleQuote: UInt8 = 0x27, backslash: UInt8 = 0x5C, dash: UInt8 = 0x2D
private let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D, openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D

/// libyaml caps a simple key at 1024 characters; keys this reader takes are far shorter.
private let longestKey = 128

extension FlatYAMLReader {
    /// One pass over the bytes of the YAML text, line by line.
    struct Reader {
        typealias Pair = (key: String, keyNode: FlatYAMLNode, value: FlatYAMLNode)

        let bytes: UnsafeBufferPointer<UInt8>
        /// 1-based number of the current line, and the offset where it starts.
        var line = 1
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func document() -> FlatYAMLNode? {
            guard charactersAreSafe() else { return nil }
            var pairs: [Pair] = []
            var keys: Set<String> = []
            while lineStart < bytes.count {
                let end = lineEnd(from: lineStart)
                var first = lineStart
                while first < end, bytes[first] == space { first += 1 }
                if first < end && bytes[first] != hash {
                    // An indented line continues or nests under the line above: Yams' business.
                    guard first == lineStart, let pair = entry(end: end), keys.insert(pair.key).inserted else { return nil }
                    pairs.append(pair)
                }
                line += 1
                lineStart = end + 1
            }
            // No key at all: empty front matter, reported by the caller after Yams says so.
            guard let first = pairs.first else { return nil }
            return FlatYAMLNode(content: .mapping(pairs), line: first.keyNode.line, column: 1)
        }

        /// Only LF line ends and the characters libyaml reads as ordinary text: no tab (its rules in YAML are
        /// subtle), no control character (an error), no NEL, LS or PS (line breaks to libyaml), no U+FEFF, U+FFFE or
        /// U+FFFF. Input is valid UTF-8 (it comes from a String).
        private func charactersAreSafe() -> Bool {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte < 0x20 && byte != newline) || byte == 0x7F { return false }
                } else if byte == 0xC2 {
                    if index + 1 < count, bytes[index + 1] < 0xA0 { return false }  // U+0080–U+009F
                } else if byte == 0xE2 {
                    if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
                } else if byte == 0xEF {
                    if index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
                    if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
                }
                index += 1
            }
            return true
        }

        private func lineEnd(from start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] != newline { index += 1 }
            return index
        }

        /// Column (1-based, in Unicode scalars) of `offset` on the current line.
        private func column(of offset: Int) -> Int {
            var column = 1
            for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        func scalar(_ text: String, _ style: FlatYAMLNode.Style, at offset: Int) -> FlatYAMLNode {
            FlatYAMLNode(content: .scalar(text, style), line: line, column: column(of: offset))
        }

        private func skipSpaces(_ index: inout Int, _ end: Int) {
            while index < end, bytes[index] == space { index += 1 }
        }

        /// `key: value` filling the line from its first column.
        private func entry(end: Int) -> Pair? {
            guard let keyEnd = keyEnd(from: lineStart, end: end), keyEnd < end, bytes[keyEnd] == colon else { return nil }
            let key = text(lineStart..<keyEnd)
            let keyNode = scalar(key, .plain, at: lineStart)
            let afterColon = keyEnd + 1
            guard afterColon == end || bytes[afterColon] == space else { return nil }
            var index = afterColon
            skipSpaces(&index, end)
            if index == end || bytes[index] == hash {
                // Nothing after the colon: null, placed by libyaml right after the colon.
                return (key, keyNode, scalar("", .plain, at: afterColon))
            }
            let value: FlatYAMLNode
            switch bytes[index] {
            case doubleQuote, singleQuote, openBracket, openBrace:
                guard let (node, next) = flowNode(at: index, end: end, nested: false) else { return nil }
                var after = next
                skipSpaces(&after, end)
                guard after == end || (bytes[after] == hash && after > next) else { return nil }
                value = node
            default:
                guard let node = blockPlain(at: index, end: end) else { return nil }
                value = node
            }
            return (key, keyNode, value)
        }

        /// Where a plain key starting at `start` ends: letters, digits, `_`, `-`, `.` and non-ASCII text (not the
        /// full-width colon or space, which `YAMLPreCheck` explains), starting with a letter, digit, `_` or non-ASCII.
        private func keyEnd(from start: Int, end: Int) -> Int? {
            guard start < end, isKeyByte(bytes[start]), bytes[start] != dash, bytes[start] != 0x2E else { return nil }
            var index = start
            while index < end, isKeyByte(bytes[index]) {
                if bytes[index] == 0xE3, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return nil }  // U+3000
                if bytes[index] == 0xEF, index + 2 < end, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9A { return nil }  // U+FF1A
                index += 1
            }
            return index - start <= longestKey ? index : nil
        }

        private func isKeyByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == 0x5F || byte == dash || byte == 0x2E
        }

        /// A plain scalar running to the end of the line or a ` #` comment; nil if it holds `: ` (an error) or
        /// starts with an indicator.
        private func blockPlain(at start: Int, end: Int) -> FlatYAMLNode? {
            guard canStartPlain(at: start, end: end) else { return nil }
            var index = start, contentEnd = start
            while index < end {
                let byte = bytes[index]
                if byte == hash && bytes[index - 1] == space { break }
                if byte == colon && (index + 1 == end || bytes[index + 1] == space) { return nil }
                if byte != space { contentEnd = index + 1 }
                index += 1
            }
            return scalar(text(start..<contentEnd), .plain, at: start)
        }

        /// Not an indicator (`-?:,[]{}#&*!|>'"%@` and backquote), except `-` before a non-space.
        private func canStartPlain(at index: Int, end: Int) -> Bool {
            switch bytes[index] {
            case dash: return index + 1 < end && bytes[index + 1] != space && !isFlowIndicator(bytes[index + 1])
            case 0x3F, colon, comma, openBracket, closeBracket, openBrace, closeBrace, hash, 0x26, 0x2A, 0x21, 0x7C, 0x3E,
                 singleQuote, doubleQuote, 0x25, 0x40, 0x60: return false
            default: return true
            }
        }

        private func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == comma || byte == openBracket || byte == closeBracket || byte == openBrace || byte == closeBrace
        }

        /// A quoted scalar, or (outside brackets only) a one-line `[…]` or `{…}` of quoted and plain scalars;
        /// returns the node and the offset after it.
        private func flowNode(at start: Int, end: Int, nested: Bool) -> (FlatYAMLNode, Int)? {
            switch bytes[start] {
            case doubleQuote: return doubleQuoted(at: start, end: end)
            case singleQuote: return singleQuoted(at: start, end: end)
            case openBracket where !nested: return sequence(at: start, end: end)
            case openBrace where !nested: return mapping(at: start, end: end)
            case openBracket, openBrace: return nil
            default: return flowPlain(at: start, end: end)
            }
        }

        private func sequence(at start: Int, end: Int) -> (FlatYAMLNode, Int)? {
            var items: [FlatYAMLNode] = []
            var index = start + 1
            skipSpaces(&index, end)
            if index < end && bytes[index] == closeBracket {
                return (FlatYAMLNode(content: .sequence([]), line: line, column: column(of: start)), index + 1)
            }
            while index < end {
                guard let (item, next) = flowNode(at: index, end: end, nested: true) else { return nil }
                items.append(item)
                index = next
                skipSpaces(&index, end)
                guard index < end else { return nil }
                if bytes[index] == closeBracket {
                    return (FlatYAMLNode(content: .sequence(items), line: line, column: column(of: start)), index + 1)
                }
                guard bytes[index] == comma else { return nil }
                index += 1
                skipSpaces(&index, end)
            }
            return nil
        }

        private func mapping(at start: Int, end: Int) -> (FlatYAMLNode, Int)? {
            var pairs: [Pair] = []
            var keys: Set<String> = []
            var index = start + 1
            skipSpaces(&index, end)
            if index < end && bytes[index] == closeBrace {
                return (FlatYAMLNode(content: .mapping([]), line: line, column: column(of: start)), index + 1)
            }
            while index < end {
                guard let keyEnd = keyEnd(from: index, end: end), keyEnd + 1 < end, bytes[keyEnd] == colon,
                      bytes[keyEnd + 1] == space else { return nil }
                let key = text(index..<keyEnd)
                guard keys.insert(key).inserted else { return nil }
                let keyNode = scalar(key, .plain, at: index)
                index = keyEnd + 1
                skipSpaces(&index, end)
                guard index < end, let (value, next) = flowNode(at: index, end: end, nested: true) else { return nil }
                pairs.append((key, keyNode, value))
                index = next
                skipSpaces(&index, end)
                guard index < end else { return nil }
                if bytes[index] == closeBrace {
                    return (FlatYAMLNode(content: .mapping(pairs), line: line, column: column(of: start)), index + 1)
                }
                guard bytes[index] == comma else { return nil }
                index += 1
                skipSpaces(&index, end)
            }
            return nil
        }

        /// A plain scalar inside brackets: up to `,` `]` `}`, without `:` or `#` (which would need YAML's finer rules).
        private func flowPlain(at start: Int, end: Int) -> (FlatYAMLNode, Int)? {
            guard canStartPlain(at: start, end: end) else { return nil }
            var index = start, contentEnd = start
            while index < end, !isFlowIndicator(bytes[index]) {
                let byte = bytes[index]
                if byte == colon || byte == hash { return nil }
                if byte != space { contentEnd = index + 1 }
                index += 1
            }
            return (scalar(text(start..<contentEnd), .plain, at: start), index)
        }
    }
}
