import CLibXML2

/// A small Swift face over libxml2's `xmlTextWriter`, writing into memory: the library does the escaping
/// and the encoding, not string concatenation. Text that XML 1.0 cannot carry at all (most C0 control
/// characters, U+FFFE/U+FFFF) is dropped first, so hostile content still yields a well-formed file.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed = false

    init?() {
        guard let buffer = xmlBufferCreate() else { return nil }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { xmlBufferFree(buffer); return nil }
        self.buffer = buffer
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    private func check(_ result: Int32) { if result < 0 { failed = true } }

    /// Opens `name`; `namespaces` are `(prefix or nil, uri)` declarations to put on it.
    func start(_ name: String, namespaces: [(String?, String)] = [], attributes: [(String, String)] = []) {
        check(xmlTextWriterStartElement(writer, name))
        for (prefix, uri) in namespaces {
            check(xmlTextWriterWriteAttribute(writer, prefix.map { "xmlns:\($0)" } ?? "xmlns", uri))
        }
        for (key, value) in attributes { check(xmlTextWriterWriteAttribute(writer, key, Self.clean(value))) }
    }

    func end() { check(xmlTextWriterEndElement(writer)) }

    /// `<name attributes>text</name>`; an empty element when `text` is nil.
    func element(_ name: String, _ text: String? = nil, attributes: [(String, String)] = []) {
        start(name, attributes: attributes)
        if let text { check(xmlTextWriterWriteString(writer, Self.clean(text))) }
        end()
    }

    /// The finished document, or nil when libxml2 reported an error.
    func finish() -> [UInt8]? {
        check(xmlTextWriterEndDocument(writer))
        xmlTextWriterFlush(writer)
        guard !failed, let content = xmlBufferContent(buffer) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    /// Removes characters XML 1.0 forbids (all C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF).
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(out)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
