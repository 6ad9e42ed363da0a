import CLibXML2

/// libxml2's HTML parser over rendered bytes: the one place that calls it, for `HTMLDocument` and
/// `VisibleText`. Empty input (no buffer to hand over) and input too long for libxml2's length type are no
/// document rather than a trap.
enum HTMLParser {
    /// `read` applied to the parsed document, which is freed afterwards; nil when the bytes do not parse.
    static func withDocument<T>(_ html: [UInt8], _ read: (htmlDocPtr) -> T?) -> T? {
        guard !html.isEmpty, html.count <= Int(Int32.max) else { return nil }
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let parsed = html.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "page.html", "UTF-8", options)
            }
        }
        guard let document = parsed else { return nil }
        defer { xmlFreeDoc(document) }
        return read(document)
    }
}
