/// A template syntax error and where it is (1-based line, column in Unicode scalars).
struct TemplateSyntaxError: Error, Equatable {
    var message: String
    var line: Int
    var column: Int
}

/// Parses Mustache text into nodes: variables, sections, inverted sections, comments, partials, parents,
/// blocks and delimiter changes. Standalone tags (alone on their line) take their line with them; the
/// whitespace before a standalone partial indents every line it renders.
struct TemplateParser {
    private let bytes: [UInt8]
    private var index = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    /// How lines inside a parent's block overrides lose their common indentation.
    enum BlockIndent { case none, unset, set(Int) }

    /// Where a parse is: at the top of a parent tag, only block overrides count.
    private struct Scope {
        var closing: (name: String, offset: Int)?
        var inParentTopLevel = false
        var blockIndent = BlockIndent.none
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.nodes(Scope(), lineStart: true)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return TemplateSyntaxError(message: message, line: line, column: column)
    }

    private var atEnd: Bool { index >= bytes.count }

    private func isNewline(at position: Int) -> Bool {
        position < bytes.count && (bytes[position] == 10 || (bytes[position] == 13 && position + 1 < bytes.count && bytes[position + 1] == 10))
    }

    private func newlineLength(at position: Int) -> Int { bytes[position] == 13 ? 2 : 1 }

    private func starts(with delimiter: [UInt8], at position: Int) -> Bool {
        position + delimiter.count <= bytes.count && bytes[position ..< position + delimiter.count].elementsEqual(delimiter)
    }

    private mutating func skipSpaces(alsoNewlines: Bool = false) {
        while !atEnd, bytes[index] == 32 || bytes[index] == 9 || (alsoNewlines && (bytes[index] == 10 || bytes[index] == 13)) {
            index += 1
        }
    }

    /// After a tag: true (consuming the rest of the line) when only spaces and a line end (or the end) follow.
    private mutating func lineFinishes() -> Bool {
        if atEnd { return true }
        var cursor = index
        while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == 9 { cursor += 1 }
        if cursor == bytes.count { index = cursor; return true }
        guard isNewline(at: cursor) else { return false }
        index = cursor + newlineLength(at: cursor)
        return true
    }

    /// The nodes up to the end of the text, or up to the tag closing `scope.closing`.
    private mutating func nodes(_ scope: Scope, lineStart startsLine: Bool) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var scope = scope
        var lineStart = startsLine
        var pending: [UInt8] = []  // whitespace at the start of the line, held until we know whether a tag stands alone
        while !atEnd {
            if lineStart {
                let start = index
                skipSpaces()
                let whitespace = Array(bytes[start ..< index])
                switch scope.blockIndent {
                case .none: pending = whitespace
                case .unset: scope.blockIndent = .set(whitespace.count); pending = []
                case .set(let indent): pending = Array(whitespace.dropFirst(indent))
                }
            }
            let textStart = index
            while !atEnd, !isNewline(at: index), !starts(with: open, at: index) { index += 1 }
            let text = bytes[textStart ..< index]
            if isNewline(at: index) {
                index += newlineLength(at: index)
                nodes.append(.text(pending + text + bytes[textStart + text.count ..< index]))
                pending = []
                lineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(pending + text))
                pending = []
                lineStart = false
            }
            if atEnd { break }
            let tagStart = index
            index += open.count
            guard !atEnd else { throw error("unclosed tag", at: tagStart) }
            var standalone = false
            let sigil = bytes[index]
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                index += 1
                let name = try readName(tagStart)
                standalone = lineStart && lineFinishes()
                if !standalone, !pending.isEmpty { nodes.append(.text(pending)); pending = [] }
                let content = try self.nodes(Scope(closing: (name, tagStart), blockIndent: scope.blockIndent), lineStart: standalone)
                nodes.append(.section(TemplateName(name), content, inverted: sigil == UInt8(ascii: "^")))
            case UInt8(ascii: "/"):
                index += 1
                let name = try readName(tagStart)
                guard let closing = scope.closing else {
                    throw error("'{{/\(name)}}' closes a section that was never opened", at: tagStart)
                }
                guard name == closing.name else {
                    let opened = error("", at: closing.offset)
                    throw error("'{{/\(name)}}' does not close '\(closing.name)' (opened at line \(opened.line), column \(opened.column))", at: tagStart)
                }
                if !(lineStart && lineFinishes()), !pending.isEmpty { nodes.append(.text(pending)) }
                return nodes
            case UInt8(ascii: "!"):
                guard let end = find(close, from: index) else { throw error("comment is never closed", at: tagStart) }
                index = end + close.count
                standalone = lineStart && lineFinishes()
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                if !pending.isEmpty { nodes.append(.text(pending)); pending = [] }
                index += 1
                let name = try readName(tagStart)
                if sigil == UInt8(ascii: "{") {
                    guard !atEnd, bytes[index] == UInt8(ascii: "}") else { throw error("'{{{\(name)' needs '}}}'", at: tagStart) }
                    index += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case UInt8(ascii: ">"):
                index += 1
                let name = try readName(tagStart, partial: true)
                if !pending.isEmpty { nodes.append(.text(pending)) }
                standalone = lineStart && lineFinishes()
                nodes.append(.partial(TemplatePartial(name: name, indentation: standalone ? pending : [], overrides: nil)))
                pending = []
            case UInt8(ascii: "<"):
                index += 1
                let name = try readName(tagStart, partial: true)
                if !pending.isEmpty { nodes.append(.text(pending)) }
                standalone = lineStart && lineFinishes()
                let content = try self.nodes(Scope(closing: (name, tagStart), inParentTopLevel: true), lineStart: true)
                var overrides: [String: [TemplateNode]] = [:]
                for node in content {
                    switch node {
                    case .block(let block, let defaults, _): overrides[block] = defaults
                    case .text: break
                    default: throw error("inside '{{<\(name)}}' only blocks ({{$name}}…{{/name}}) may appear", at: tagStart)
                    }
                }
                nodes.append(.partial(TemplatePartial(name: name, indentation: pending, overrides: overrides)))
                pending = []
            case UInt8(ascii: "$"):
                index += 1
                let name = try readName(tagStart)
                if scope.inParentTopLevel {
                    standalone = lineStart && lineFinishes()
                    let content = try self.nodes(Scope(closing: (name, tagStart), blockIndent: .unset), lineStart: standalone)
                    nodes.append(.block(name: name, defaults: content, indentation: []))
                } else {
                    if !pending.isEmpty { nodes.append(.text(pending)) }
                    standalone = lineStart && lineFinishes()
                    let content = try self.nodes(Scope(closing: (name, tagStart), blockIndent: scope.blockIndent), lineStart: standalone)
                    nodes.append(.block(name: name, defaults: content, indentation: pending))
                    pending = []
                }
            case UInt8(ascii: "="):
                index += 1
                try setDelimiters(tagStart)
                standalone = lineStart && lineFinishes()
            default:
                if !pending.isEmpty { nodes.append(.text(pending)); pending = [] }
                let name = try readName(tagStart)
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
            lineStart = standalone
        }
        if let closing = scope.closing {
            throw error("section '\(closing.name)' is never closed (add {{/\(closing.name)}})", at: closing.offset)
        }
        return nodes
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var cursor = start
        while cursor + needle.count <= bytes.count {
            if starts(with: needle, at: cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8, partial: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"): return true
        case UInt8(ascii: "/"): return partial
        default: return false
        }
    }

    /// The name of a tag and its closing delimiter.
    private mutating func readName(_ tagStart: Int, partial: Bool = false) throws(TemplateSyntaxError) -> String {
        skipSpaces(alsoNewlines: true)
        let start = index
        while !atEnd, Self.isNameByte(bytes[index], partial: partial) { index += 1 }
        let name = String(decoding: bytes[start ..< index], as: UTF8.self)
        skipSpaces(alsoNewlines: true)
        guard starts(with: close, at: index) else {
            throw error(atEnd ? "tag is never closed" : "unexpected '\(String(decoding: [bytes[index]], as: UTF8.self))' in a tag name", at: atEnd ? tagStart : index)
        }
        guard !name.isEmpty else { throw error("tag without a name", at: tagStart) }
        if partial && name.hasPrefix("*") { throw error("dynamic partial names ({{>*name}}) are not supported", at: tagStart) }
        index += close.count
        return name
    }

    /// `{{=<% %>=}}`: new opening and closing delimiters.
    private mutating func setDelimiters(_ tagStart: Int) throws(TemplateSyntaxError) {
        func word() -> [UInt8] {
            skipSpaces()
            let start = index
            while !atEnd, bytes[index] != 32, bytes[index] != 9, bytes[index] != UInt8(ascii: "=") || index == start { index += 1 }
            return Array(bytes[start ..< index])
        }
        let newOpen = word(), newClose = word()
        skipSpaces()
        guard !newOpen.isEmpty, !newClose.isEmpty, !atEnd, bytes[index] == UInt8(ascii: "="),
              starts(with: close, at: index + 1) else { throw error("bad delimiter change: write {{=<% %>=}}", at: tagStart) }
        index += 1 + close.count
        open = newOpen
        close = newClose
    }
}
