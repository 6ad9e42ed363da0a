import CLibXML2

/// An element read from rendered HTML: name, attributes and visible text.
public struct HTMLElement: Sendable, Hashable {
    public var name: String
    public var attributes: [String: String]
    public var text: String

    public subscript(attribute: String) -> String? { attributes[attribute] }
}

/// Rendered HTML parsed with libxml2's HTML parser, for reading pages back: links, languages, text.
/// Used to check output (tests, `check`) and later to index page text for search.
public struct HTMLDocument: Sendable {
    /// All elements in document order.
    public let elements: [HTMLElement]

    /// Nil when the text is empty or libxml2 cannot read it.
    public init?(html: String) {
        guard let collected = HTMLParser.withDocument(Array(html.utf8), { document -> [HTMLElement]? in
            var collected: [HTMLElement] = []
            Self.collect(xmlDocGetRootElement(document), into: &collected)
            return collected
        }) else { return nil }
        elements = collected
    }

    private static func collect(_ node: xmlNodePtr?, into elements: inout [HTMLElement]) {
        var current = node
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE {
                var attributes: [String: String] = [:]
                var attribute = node.pointee.properties
                while let property = attribute {
                    let name = String(cString: property.pointee.name)
                    if let value = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(property))) {
                        attributes[name] = String(cString: value)
                        talentsite_xml_free(value)
                    }
                    attribute = property.pointee.next
                }
                var text = ""
                if let content = xmlNodeGetContent(node) {
                    text = String(cString: content)
                    talentsite_xml_free(content)
                }
                elements.append(HTMLElement(name: String(cString: node.pointee.name), attributes: attributes, text: text))
                collect(node.pointee.children, into: &elements)
            }
            current = node.pointee.next
        }
    }

    public func all(_ name: String) -> [HTMLElement] { elements.filter { $0.name == name } }

    public func first(_ name: String) -> HTMLElement? { elements.first { $0.name == name } }

    /// `href` and `src` targets of links, images, scripts and stylesheets, in document order.
    public var linkTargets: [String] {
        elements.compactMap { element in
            switch element.name {
            case "a", "link": return element["href"]
            case "img", "script": return element["src"]
            default: return nil
            }
        }
    }
}
