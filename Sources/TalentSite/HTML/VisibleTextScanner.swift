/// Reads one element's bytes (`<main …>…</main>`, as `ElementRange` finds them) into the tree libxml2's HTML
/// parser would build from them, without libxml2, or declines (nil) so that libxml2 reads them.
///
/// It takes only what it can build exactly as libxml2 2.9 does: valid UTF-8 without control characters other
/// than tab and line feed; lower-case tag and attribute names; quoted or plain attribute values; the entities
/// `&amp; &lt; &gt; &quot; &apos; &nbsp;` and numeric references; comments; void elements; elements left open
/// that libxml2 closes at an ancestor's end tag (`<wbr>`). It declines a start tag that would close the current
/// element (`<p>` in `<p>`), an end tag that matches no open element or that libxml2 would ignore, raw-text and
/// document elements (`LibXML2HTMLRules.declinedElements`), and anything else. White space is kept in every
/// text node: libxml2 keeps blank text (`keepBlanks`, as no `HTML_PARSE_NOBLANKS` is given), whatever `areBlanks`
/// says of it.
struct VisibleTextScanner {
    /// The text and heading of the root's children, or nil when the scanner declines.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, root: String) -> (text: String, heading: String)? {
        guard LibXML2HTMLRules.verifiedVersion, bytes.count <= 1 << 22, HTMLCharacters.isPlainText(bytes),
              let rootName = ElementName(Array(root.utf8)[...]) else { return nil }
        var scanner = VisibleTextScanner(bytes: bytes, root: rootName)
        guard scanner.scan() else { return nil }
        return scanner.tree.read()
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let root: ElementName
    private var index = 0
    private(set) var tree = ScannedTree()
    /// Open elements below libxml2's implied `<html><body>`: node, name and what libxml2 does with the name.
    private var open: [(node: Int, name: ElementName, element: LibXML2HTMLRules.Element)] = []
    /// The text node that text read now extends (nil after any tag or comment).
    private var textNode: Int?

    init(bytes: UnsafeBufferPointer<UInt8>, root: ElementName) {
        self.bytes = bytes
        self.root = root
        tree.nodes.reserveCapacity(bytes.count / 16)
        tree.text.reserveCapacity(bytes.count / 2)
    }

    /// True when the root's end tag was read and everything up to it was taken.
    mutating func scan() -> Bool {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                guard index + 1 < count else { return false }
                let next = bytes[index + 1]
                if Self.isLetter(next) {
                    guard startTag() else { return false }
                    if open.isEmpty { return true }  // `<main/>`
                } else if next == UInt8(ascii: "/") {
                    guard endTag() else { return false }
                    if open.isEmpty { return true }
                } else if next == UInt8(ascii: "!") {
                    guard comment() else { return false }
                } else {
                    return false
                }
            } else if open.isEmpty {
                return false
            } else if byte == UInt8(ascii: "&") {
                guard reference() else { return false }
            } else {
                let start = index
                while index < count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") { index += 1 }
                appendText(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
        }
        return false  // the root never ended: libxml2 closes it at the end, but that is not our markup
    }

    // MARK: Tags

    private mutating func startTag() -> Bool {
        let count = bytes.count
        var cursor = index + 1
        let nameStart = cursor
        while cursor < count, Self.isLetterOrDigit(bytes[cursor]) { cursor += 1 }
        guard cursor < count, Self.endsName(bytes[cursor]),
              let name = ElementName(bytes, from: nameStart, count: cursor - nameStart) else { return false }
        let element = LibXML2HTMLRules.element(name)
        guard !element.declined, open.count < 200, tree.nodes.isEmpty ? name == root : !open.isEmpty else { return false }
        if let top = open.last, element.closes & top.element.closableBit != 0 { return false }
        var node = ScannedTree.Node(kind: element.kind)
        var sawMarker = false, sawHref = false
        var selfClosing = false
        while true {
            cursor = skipBlanks(cursor)
            guard cursor < count else { return false }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") { cursor += 1; break }
            if byte == UInt8(ascii: "/") {
                guard cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: ">") else { return false }
                cursor += 2
                selfClosing = true
                break
            }
            guard Self.isLetter(byte) else { return false }
            let attributeStart = cursor
            while cursor < count, Self.isLetterOrDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
            guard cursor < count, Self.endsName(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "=") else { return false }
            let attribute = ElementName(bytes, from: attributeStart, count: cursor - attributeStart)
            cursor = skipBlanks(cursor)
            var value: Range<Int>?
            if cursor < count, bytes[cursor] == UInt8(ascii: "=") {
                cursor = skipBlanks(cursor + 1)
                guard cursor < count else { return false }
                let quote = bytes[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    var close = cursor + 1
                    while close < count, bytes[close] != quote { close += 1 }
                    guard close < count else { return false }
                    value = cursor + 1..<close
                    cursor = close + 1
                } else {
                    let start = cursor
                    while cursor < count, !Self.isBlank(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    value = start..<cursor
                }
            }
            // libxml2 keeps the first of repeated attributes.
            if !sawMarker, attribute == .dataSearch {
                sawMarker = true
                guard let decoded = decoded(value) else { return false }
                node.marker = decoded.elementsEqual("ignore".utf8) ? .ignore : decoded.elementsEqual("after".utf8) ? .after : .other
            } else if !sawHref, element.kind == .anchor, attribute == .href {
                sawHref = true
                guard let decoded = decoded(value) else { return false }
                node.hasHref = true
                node.start = tree.values.count
                node.count = decoded.count
                tree.values += decoded
            }
        }
        index = cursor
        textNode = nil
        open.append((tree.nodes.count, name, element))
        tree.nodes.append(node)
        if element.void || selfClosing { closeTop() }
        return true
    }

    /// `</name>`: closes the innermost open element of that name and, as libxml2 does, every element left open
    /// inside it, unless one of those has a higher end priority (then libxml2 ignores the end tag: declined).
    private mutating func endTag() -> Bool {
        let count = bytes.count
        var cursor = index + 2
        let nameStart = cursor
        guard cursor < count, Self.isLetter(bytes[cursor]) else { return false }
        while cursor < count, Self.isLetterOrDigit(bytes[cursor]) { cursor += 1 }
        guard let name = ElementName(bytes, from: nameStart, count: cursor - nameStart) else { return false }
        cursor = skipBlanks(cursor)
        guard cursor < count, bytes[cursor] == UInt8(ascii: ">"),
              let position = open.lastIndex(where: { $0.name == name }) else { return false }
        let priority = open[position].element.priority
        for inner in open[(position + 1)...] where inner.element.priority > priority { return false }
        while open.count > position { closeTop() }
        index = cursor + 1
        textNode = nil
        return true
    }

    private mutating func closeTop() {
        guard let top = open.popLast() else { return }
        tree.nodes[top.node].end = tree.nodes.count
    }

    /// `<!-- … -->`, ended by the first `-->` after the opening. Comments that HTML5 parsers end differently
    /// (`<!-->`, `<!--->`, `--!>` or `--` inside) are declined, in case libxml2's reading of them changes.
    private mutating func comment() -> Bool {
        let count = bytes.count
        guard index + 5 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-"),
              bytes[index + 4] != UInt8(ascii: ">"),
              !(bytes[index + 4] == UInt8(ascii: "-") && bytes[index + 5] == UInt8(ascii: ">")) else { return false }
        var cursor = index + 4
        while cursor + 1 < count {
            if bytes[cursor] == UInt8(ascii: "-") && bytes[cursor + 1] == UInt8(ascii: "-") {
                guard cursor + 2 < count, bytes[cursor + 2] == UInt8(ascii: ">"), cursor > index + 4 else { return false }
                index = cursor + 3
                textNode = nil
                return true
            }
            cursor += 1
        }
        return false
    }

    // MARK: Text

    private mutating func reference() -> Bool {
        guard let reference = HTMLCharacters.decode(bytes, at: index) else { return false }
        index += reference.length
        let node = currentTextNode()
        let before = tree.text.count
        HTMLCharacters.appendUTF8(reference.scalar, to: &tree.text)
        tree.nodes[node].count += tree.text.count - before
        return true
    }

    private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        let node = currentTextNode()
        tree.nodes[node].count += text.count
        tree.text.append(contentsOf: text)
    }

    /// The text node that text read now goes into: adjacent text is one node, as in libxml2's tree.
    private mutating func currentTextNode() -> Int {
        if let textNode { return textNode }
        let node = tree.nodes.count
        tree.nodes.append(ScannedTree.Node(kind: nil, start: tree.text.count))
        textNode = node
        return node
    }

    /// An attribute's value with references decoded (empty without a value, as `xmlGetProp` gives it).
    private func decoded(_ value: Range<Int>?) -> [UInt8]? {
        guard let value else { return [] }
        var out: [UInt8] = []
        var cursor = value.lowerBound
        while cursor < value.upperBound {
            if bytes[cursor] == UInt8(ascii: "&") {
                guard let reference = HTMLCharacters.decode(bytes, at: cursor),
                      cursor + reference.length <= value.upperBound else { return nil }
                HTMLCharacters.appendUTF8(reference.scalar, to: &out)
                cursor += reference.length
            } else {
                out.append(bytes[cursor])
                cursor += 1
            }
        }
        return out
    }

    // MARK: Bytes

    private func skipBlanks(_ start: Int) -> Int {
        var cursor = start
        while cursor < bytes.count, Self.isBlank(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    /// libxml2's `IS_BLANK_CH` less the carriage return, which `HTMLCharacters.isPlainText` already refused.
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// What may follow a name the scanner takes whole: libxml2's names go on through `:` `-` `_` `.` and
    /// upper-case letters, which the scanner leaves to it.
    private static func endsName(_ byte: UInt8) -> Bool { isBlank(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") }
}
