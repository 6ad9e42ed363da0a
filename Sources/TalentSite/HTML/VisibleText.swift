import CLibXML2

/// The text a reader sees in one element of a rendered page (`<main>`), read with libxml2.
/// Block elements end in a line break so words of adjacent blocks never run together
/// (`<li>智慧</li><li>機械</li>` must not index 慧機), and navigation, scripts and styles are left out.
/// Templates mark page furniture `data-search="ignore"` (status badges, field labels, the apply button)
/// and the facts box `data-search="after"`, so the text reads title, summary and body first, then the
/// field values; a link whose text is its own address (a bare URL) is left out too.
public struct VisibleText: Sendable {
    /// The text, one line per block.
    public let text: String
    /// The text of the first `<h1>` inside, the page's title as readers see it.
    public let heading: String

    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    static let skipped: Set<String> = ["nav", "script", "style", "template", "noscript", "button", "form"]

    /// Nil when the page cannot be parsed or has no element named `root`.
    public init?(html: [UInt8], root: String = "main") {
        guard let collector = HTMLParser.withDocument(html, { document -> Collector? in
            guard let element = Self.find(root, in: xmlDocGetRootElement(document)) else { return nil }
            var collector = Collector()
            collector.walk(element.pointee.children)
            collector.breakLine()
            return collector
        }) else { return nil }
        text = (collector.lines + collector.laterLines).joined(separator: "\n")
        heading = collector.heading ?? ""
    }

    private static func find(_ name: String, in node: xmlNodePtr?) -> xmlNodePtr? {
        var current = node
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE {
                if String(cString: node.pointee.name) == name { return node }
                if let found = find(name, in: node.pointee.children) { return found }
            }
            current = node.pointee.next
        }
        return nil
    }

    private struct Collector {
        var lines: [String] = []
        /// Lines of `data-search="after"` elements, appended after the rest.
        var laterLines: [String] = []
        var later = false
        var line = ""
        var heading: String?
        var headingText: String?

        mutating func walk(_ node: xmlNodePtr?) {
            var current = node
            while let node = current {
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content {
                        let text = String(cString: content)
                        line += text
                        headingText? += text
                    }
                case XML_ELEMENT_NODE:
                    let name = String(cString: node.pointee.name)
                    let marker = Self.attribute("data-search", of: node)
                    if Self.skip(name) || marker == "ignore" || (name == "a" && Self.isBareAddress(node)) { break }
                    let block = VisibleText.blocks.contains(name)
                    if block { breakLine() }
                    let wasLater = later
                    if marker == "after" { later = true }
                    if name == "h1" && heading == nil { headingText = "" }
                    walk(node.pointee.children)
                    if name == "h1", let text = headingText { heading = Self.squeezed(text); headingText = nil }
                    if block { breakLine() }
                    later = wasLater
                default:
                    break
                }
                current = node.pointee.next
            }
        }

        static func skip(_ name: String) -> Bool { VisibleText.skipped.contains(name) }

        static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { talentsite_xml_free(value) }
            return String(cString: value)
        }

        /// A link showing its own address (`<a href="https://…">https://…</a>`): an address, not words.
        static func isBareAddress(_ node: xmlNodePtr) -> Bool {
            guard let content = xmlNodeGetContent(node) else { return false }
            defer { talentsite_xml_free(content) }
            let text = squeezed(String(cString: content))
            return text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("mailto:") || text == attribute("href", of: node)
        }

        mutating func breakLine() {
            let text = Self.squeezed(line)
            if !text.isEmpty {
                if later { laterLines.append(text) } else { lines.append(text) }
            }
            line = ""
        }

        /// Runs of white space become one space; ends trimmed. White space is judged per `Character` (a space
        /// with a combining mark is one white-space character); `squeezedScalars` gives the same result faster
        /// when every white-space scalar stands alone as a character, as in nearly all text.
        static func squeezed(_ text: String) -> String {
            if let fast = squeezedScalars(text) { return fast }
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }

        /// The squeeze by Unicode scalars, or nil when a white-space scalar has a neighbour that could join it into
        /// a larger character (a combining mark after it, a prepended mark before it).
        static func squeezedScalars(_ text: String) -> String? {
            var out = String.UnicodeScalarView()
            var pendingSpace = false
            var previousSafe = true
            var afterSpace = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    guard previousSafe else { return nil }
                    if !out.isEmpty { pendingSpace = true }
                    afterSpace = true
                    previousSafe = true
                    continue
                }
                let safe = standsAlone(scalar)
                if afterSpace && !safe { return nil }
                afterSpace = false
                previousSafe = safe
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
            return String(out)
        }

        /// Scalars that never join a neighbouring white-space scalar into one character: below the combining
        /// marks (U+0300), CJK ideographs and full-width forms.
        static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0..<0x300, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
            default: return false
            }
        }
    }
}
