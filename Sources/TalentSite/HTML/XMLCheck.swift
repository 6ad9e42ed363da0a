import CLibXML2

/// Whether bytes are a well-formed XML document, as libxml2's parser sees it: for tests of feeds and
/// sitemaps, and for `check`.
public enum XMLCheck {
    /// The root element's name, or nil when the document is not well-formed.
    public static func rootElement(of bytes: [UInt8]) -> String? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard !bytes.isEmpty, let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "document.xml", nil, options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return String(cString: root.pointee.name)
    }
}
