import CLibXML2

/// The text a reader sees in one element of a rendered page (`<main>`), read with libxml2.
/// Block elements end in a line break so words of adjacent blocks never run together
/// (`<li>智慧</li><li>機械</li>` must not index 慧機), and navigation, scripts and styles are left out.
/// Templates mark page furniture `data-search="ignore"` (status badges, field labels, the apply button)
/// and the facts box `data-search="after"`, so the text reads title, summary and body first, then the
/// field values; a link whose text is its own address (a bare URL) is left out too.
///
/// The element's bytes are first given to `VisibleTextScanner`, which reads the markup our templates write
/// (well nested, known entities) into the same tree libxml2 would build, about ten times faster; on anything
/// else it declines and libxml2 reads the page, so the text never depends on which reader was used.
public struct VisibleText: Sendable {
    /// The text, one line per block.
    public let text: String
    /// The text of the first `<h1>` inside, the page's title as readers see it.
    public let heading: String
    /// Which reader built the tree the text was taken from.
    public let reader: Reader

    public enum Reader: Sendable { case scanner, libxml2 }

    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    static let skipped: Set<String> = ["nav", "script", "style", "template", "noscript", "button", "form"]

    /// Nil when the page cannot be parsed or has no element named `root`. Only the bytes from the root's start
    /// tag to the last matching end tag are read (a record page's `<main>` is a third of it); `wholePage`
    /// parses everything with libxml2, which the tests use to show both read the same text.
    public init?(html: [UInt8], root: String = "main", wholePage: Bool = false) {
        self.init(html: html, root: root, wholePage: wholePage, scanner: true)
    }

    /// `scanner: false` always reads with libxml2, for the tests that compare the two readers.
    init?(html: [UInt8], root: String = "main", wholePage: Bool = false, scanner: Bool) {
        let range = wholePage ? nil : ElementRange.find(root, in: html)
        if scanner, let range, let read = html.withUnsafeBufferPointer({
            VisibleTextScanner.read(UnsafeBufferPointer(rebasing: $0[range]), root: root)
        }) {
            (text, heading, reader) = (read.text, read.heading, .scanner)
            return
        }
        let source = range.map { Array(html[$0]) } ?? html
        guard let read = HTMLParser.withDocument(source, { document -> (text: String, heading: String)? in
            guard let element = Self.find(root, in: xmlDocGetRootElement(document)) else { return nil }
            var collector = Collector()
            Self.walk(element.pointee.children, into: &collector)
            return collector.finish()
        }) else { return nil }
        (text, heading, reader) = (read.text, read.heading, .libxml2)
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

    /// libxml2's nodes, in document order, through the collector.
    private static func walk(_ node: xmlNodePtr?, into collector: inout Collector) {
        var current = node
        while let node = current {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                    if HTMLCharacters.isValidUTF8(bytes) {
                        collector.append(bytes)
                    } else {
                        var repaired = String(cString: content)  // as before: invalid bytes become U+FFFD
                        repaired.withUTF8 { collector.append($0) }
                    }
                }
            case XML_ELEMENT_NODE:
                let kind = Collector.kind(node.pointee.name) ?? Collector.kind(String(cString: node.pointee.name))
                let marker = hasAttribute("data-search", node) ? Collector.marker(attribute("data-search", of: node)) : nil
                if let visit = collector.open(kind, marker: marker, isBareAddress: { isBareAddress(node) }) {
                    walk(node.pointee.children, into: &collector)
                    collector.close(visit)
                }
            default:
                break
            }
            current = node.pointee.next
        }
    }

    /// Whether the element has the attribute at all: most have none, and `xmlGetProp` copies the value.
    private static func hasAttribute(_ name: StaticString, _ node: xmlNodePtr) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            if xmlStrEqual(current.pointee.name, name.utf8Start) != 0 { return true }
            attribute = current.pointee.next
        }
        return false
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { talentsite_xml_free(value) }
        return String(cString: value)
    }

    private static func isBareAddress(_ node: xmlNodePtr) -> Bool {
        guard let content = xmlNodeGetContent(node) else { return false }
        defer { talentsite_xml_free(content) }
        return Collector.isBareAddress(content: String(cString: content), href: attribute("href", of: node))
    }
}
