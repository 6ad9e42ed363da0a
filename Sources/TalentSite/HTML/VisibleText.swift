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

    /// Nil when the page cannot be parsed or has no element named `root`. Only the bytes from the root's start
    /// tag to the last matching end tag are parsed (a record page's `<main>` is a third of it); `wholePage`
    /// parses everything, which the tests use to show both read the same text.
    public init?(html: [UInt8], root: String = "main", wholePage: Bool = false) {
        let range = wholePage ? nil : ElementRange.find(root, in: html)
        let source = range.map { Array(html[$0]) } ?? html
        guard let collector = HTMLParser.withDocument(source, { document -> Collector? in
            guard let element = Self.find(root, in: xmlDocGetRootElement(document)) else { return nil }
            var collector = Collector()
            collector.walk(element.pointee.children)
            collector.breakLine()
            return collector
        }) else { return nil }
        var bytes = collector.text
        if !bytes.isEmpty && !collector.laterText.isEmpty { bytes.append(0x0A) }
        bytes += collector.laterText
        text = String(decoding: bytes, as: UTF8.self)
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

    struct Collector {
        /// The lines so far, UTF-8, joined by line breaks.
        var text: [UInt8] = []
        /// Lines of `data-search="after"` elements, appended after the rest.
        var laterText: [UInt8] = []
        var later = false
        /// The current line's UTF-8 as the text nodes give it, and the line squeezed (one buffer, reused).
        var line: [UInt8] = []
        var squeezedLine: [UInt8] = []
        var heading: String?
        var headingText: String?

        mutating func walk(_ node: xmlNodePtr?) {
            var current = node
            while let node = current {
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content {
                        let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                        if Self.isValidUTF8(bytes) {
                            line.append(contentsOf: bytes)
                        } else {
                            line.append(contentsOf: String(cString: content).utf8)  // repaired, as before
                        }
                        if headingText != nil { headingText? += String(cString: content) }
                    }
                case XML_ELEMENT_NODE:
                    let kind = Self.kind(node.pointee.name) ?? Self.kind(String(cString: node.pointee.name))
                    let marker = Self.hasAttribute("data-search", node) ? Self.attribute("data-search", of: node) : nil
                    if kind == .skipped || marker == "ignore" || (kind == .anchor && Self.isBareAddress(node)) { break }
                    let block = kind == .block || kind == .heading
                    if block { breakLine() }
                    let wasLater = later
                    if marker == "after" { later = true }
                    if kind == .heading && heading == nil { headingText = "" }
                    walk(node.pointee.children)
                    if kind == .heading, let text = headingText { heading = Self.squeezed(text); headingText = nil }
                    if block { breakLine() }
                    later = wasLater
                default:
                    break
                }
                current = node.pointee.next
            }
        }

        /// What an element is to the walk; `heading` is `h1`, a block whose text is also the heading.
        enum Kind { case other, block, heading, skipped, anchor }

        static func kind(_ name: String) -> Kind {
            if VisibleText.skipped.contains(name) { return .skipped }
            if name == "a" { return .anchor }
            if name == "h1" { return .heading }
            return VisibleText.blocks.contains(name) ? .block : .other
        }

        /// Every named kind by its name's bytes packed into a number (names of at most 8 bytes).
        static let packedKinds: [UInt64: Kind] = {
            var kinds: [UInt64: Kind] = [:]
            for name in VisibleText.blocks.union(VisibleText.skipped).union(["a"]) where name.utf8.count <= 8 {
                let packed = name.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                kinds[packed] = kind(name)
            }
            return kinds
        }()

        /// `kind(_:)` from libxml2's name without making a `String`; nil for a name longer than 8 bytes.
        @inline(__always)
        static func kind(_ name: UnsafePointer<xmlChar>) -> Kind? {
            var packed: UInt64 = 0
            var index = 0
            while name[index] != 0 {
                if index == 8 { return nil }
                packed |= UInt64(name[index]) << (8 * UInt64(index))
                index += 1
            }
            return packedKinds[packed] ?? .other
        }

        /// Whether the element has the attribute at all: most have none, and `xmlGetProp` copies the value.
        static func hasAttribute(_ name: StaticString, _ node: xmlNodePtr) -> Bool {
            var attribute = node.pointee.properties
            while let current = attribute {
                if xmlStrEqual(current.pointee.name, name.utf8Start) != 0 { return true }
                attribute = current.pointee.next
            }
            return false
        }

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
            guard !line.isEmpty else { return }
            squeezedLine.removeAll(keepingCapacity: true)
            let fast = line.withUnsafeBufferPointer { Self.squeeze($0, into: &squeezedLine) }
            if !fast { squeezedLine = Array(Self.squeezed(String(decoding: line, as: UTF8.self)).utf8) }
            if !squeezedLine.isEmpty {
                if later { Self.add(squeezedLine, to: &laterText) } else { Self.add(squeezedLine, to: &text) }
            }
            line.removeAll(keepingCapacity: true)
        }

        private static func add(_ line: [UInt8], to text: inout [UInt8]) {
            if !text.isEmpty { text.append(0x0A) }
            text += line
        }

        /// Runs of white space become one space; ends trimmed. White space is judged per `Character` (a space
        /// with a combining mark is one white-space character); `squeeze` gives the same result faster
        /// when every white-space scalar stands alone as a character, as in nearly all text.
        static func squeezed(_ text: String) -> String {
            var out: [UInt8] = []
            var copy = text
            if copy.withUTF8({ squeeze($0, into: &out) }) { return String(decoding: out, as: UTF8.self) }
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }

        /// The squeeze over valid UTF-8, scalar by scalar, appended to `out`; false (and `out` unfinished) when a
        /// white-space scalar has a neighbour that could join it into a larger character (a combining mark after
        /// it, a prepended mark before it).
        static func squeeze(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
            let start = out.count
            var pendingSpace = false
            var previousSafe = true
            var afterSpace = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                var value = UInt32(lead)
                var length = 1
                if lead >= 0x80 {
                    if lead < 0xE0 {
                        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        length = 2
                    } else if lead < 0xF0 {
                        value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        length = 3
                    } else {
                        value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        length = 4
                    }
                }
                if isWhitespace(value) {
                    guard previousSafe else { return false }
                    if out.count > start { pendingSpace = true }
                    afterSpace = true
                    previousSafe = true
                } else {
                    let safe = value < 0x300 || standsAlone(value)
                    if afterSpace && !safe { return false }
                    afterSpace = false
                    previousSafe = safe
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    if length == 1 { out.append(lead) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length])) }
                }
                index += length
            }
            return true
        }

        /// `Unicode.Scalar.Properties.isWhitespace` (the White_Space property), as a switch.
        @inline(__always)
        static func isWhitespace(_ value: UInt32) -> Bool {
            switch value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }

        /// Whether UTF-8 is valid (no overlong form, surrogate or value past U+10FFFF), as `String` would take it.
        static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 { index += 1; continue }
                func continues(_ offset: Int) -> Bool { index + offset < count && bytes[index + offset] & 0xC0 == 0x80 }
                if lead < 0xC2 { return false }
                if lead < 0xE0 {
                    guard continues(1) else { return false }
                    index += 2
                } else if lead < 0xF0 {
                    guard continues(1), continues(2) else { return false }
                    if (lead == 0xE0 && bytes[index + 1] < 0xA0) || (lead == 0xED && bytes[index + 1] > 0x9F) { return false }
                    index += 3
                } else if lead < 0xF5 {
                    guard continues(1), continues(2), continues(3) else { return false }
                    if (lead == 0xF0 && bytes[index + 1] < 0x90) || (lead == 0xF4 && bytes[index + 1] > 0x8F) { return false }
                    index += 4
                } else {
                    return false
                }
            }
            return true
        }

        /// Scalars that never join a neighbouring white-space scalar into one character: below the combining
        /// marks (U+0300), CJK ideographs and full-width forms.
        static func standsAlone(_ value: UInt32) -> Bool {
            switch value {
            case 0..<0x300, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
            default: return false
            }
        }
    }
}
