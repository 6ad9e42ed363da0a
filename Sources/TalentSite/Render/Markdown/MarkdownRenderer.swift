import CCmarkGFM
import Foundation

/// A link or image target found in a Markdown body, with its position for error messages.
public struct MarkdownLink: Sendable, Hashable {
    public var url: String
    public var isImage: Bool
    /// 1-based line and column within the Markdown text.
    public var line: Int
    public var column: Int
    /// Whether cmark counted `column` from the first non-blank character of the line (set while parsing).
    var afterIndent = false
}

/// Converts cmark's byte columns into the Unicode-scalar columns every other diagnostic uses.
struct SourceColumns {
    private let utf8: [UInt8]
    /// The byte offset where each line starts. Line feeds are found as bytes: a line feed is always a character
    /// of its own, except after a carriage return, and text with one keeps the character-by-character split.
    private let lineStarts: [Int]
    private let lines: [Substring.UTF8View]?

    init(_ text: String) {
        utf8 = Array(text.utf8)
        if utf8.contains(0x0D) {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.utf8)
            lineStarts = []
        } else {
            var starts = [0]
            for (offset, byte) in utf8.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            lineStarts = starts
            lines = nil
        }
    }

    private var lineCount: Int { lines?.count ?? lineStarts.count }

    private func line(_ number: Int) -> [UInt8] {
        if let lines { return Array(lines[number - 1]) }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        return Array(utf8[start..<end])
    }

    func convert(_ links: [MarkdownLink]) -> [MarkdownLink] {
        links.map { link in
            guard link.line >= 1, link.line <= lineCount else { return link }
            let bytes = line(link.line)
            let indent = link.afterIndent ? bytes.prefix { $0 == 32 || $0 == 9 }.count : 0
            let prefix = bytes.prefix(max(0, indent + link.column - 1))
            var converted = link
            converted.column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
            converted.afterIndent = false
            return converted
        }
    }
}

/// What rendering a Markdown body yields: the HTML plus facts later stages need.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// Plain text of the first top-level paragraph: the fallback summary.
    public var firstParagraph: String?
    public var links: [MarkdownLink]
    /// Heading anchors in document order, so links to `#anchor` can be checked.
    public var headingIDs: [String]
}

/// GitHub-flavoured Markdown through cmark-gfm, with raw HTML left off (it is omitted, never passed through).
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Registering the extensions once is required before any parser can find them.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Plain text of the first top-level paragraph, without rendering HTML.
    public static func firstParagraph(of markdown: String) -> String? {
        withDocument(markdown) { document, _ in DocumentFacts(document).firstParagraph } ?? nil
    }

    public static func render(_ markdown: String) -> RenderedMarkdown {
        let empty = RenderedMarkdown(html: "", firstParagraph: nil, links: [], headingIDs: [])
        return withDocument(markdown) { document, parser in
            var facts = DocumentFacts(document)
            if !facts.links.isEmpty { facts.links = SourceColumns(markdown).convert(facts.links) }
            guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
                return empty
            }
            defer { free(rendered) }
            let html = HeadingAnchors.insert(ids: facts.headingIDs, into: String(cString: rendered))
            return RenderedMarkdown(html: html, firstParagraph: facts.firstParagraph, links: facts.links, headingIDs: facts.headingIDs)
        } ?? empty
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when it starts and ends with a
    /// letter, digit, punctuation mark or symbol (none of which that set holds), as a paragraph's text nearly always does.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if isVisible(first) && isVisible(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value > 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Parses `markdown` with the GFM extensions attached and hands the document to `body`.
    private static func withDocument<T>(_ markdown: String, _ body: (OpaquePointer, OpaquePointer) -> T) -> T? {
        _ = registered
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var utf8 = Array(markdown.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }  // an empty body feeds nothing
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(document, parser)
    }
}

/// One walk over the parsed document collecting links, heading anchors and the first paragraph.
private struct DocumentFacts {
    var links: [MarkdownLink] = []
    var headingIDs: [String] = []
    var firstParagraph: String?

    init(_ document: OpaquePointer) {
        var anchors = AnchorNamer()
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var blockLine = 1, blockColumn = 1
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            if line > 0 && (Int32(type.rawValue) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK { blockLine = line; blockColumn = column }
            // On a paragraph's later lines cmark counts an inline's column from the line's first non-blank character.
            let continuation = line > blockLine
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(MarkdownLink(url: url, isImage: type == CMARK_NODE_IMAGE,
                                          line: line > 0 ? line : blockLine, column: line > 0 ? column : blockColumn,
                                          afterIndent: continuation))
            case CMARK_NODE_HEADING:
                headingIDs.append(anchors.name(for: Self.plainText(of: node)))
            case CMARK_NODE_PARAGRAPH where firstParagraph == nil && cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT:
                let text = MarkdownRenderer.trimmed(Self.plainText(of: node))
                if !text.isEmpty { firstParagraph = text }
            default:
                break
            }
        }
    }

    /// The visible text under `node` (text, code spans, line breaks as spaces).
    static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
