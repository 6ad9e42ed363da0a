import CLibXML2

/// What libxml2's HTML parser (2.9) does differently by element name, for `VisibleTextScanner`, which must build the
/// same tree from the same bytes. Copied from libxml2's `HTMLparser.c` (`html40ElementTable`'s empty elements,
/// `htmlStartClose`, `htmlEndPriority`); `LibXML2HTMLRulesTests` checks every pair against the linked library.
enum LibXML2HTMLRules {
    /// libxml2 releases whose HTML parser the scanner was checked against (`xmlParserVersion`); with any other the
    /// scanner declines every page until `VisibleTextScannerTests` pass with it and it is added here.
    static let verifiedVersions: Set<String> = ["20914"]

    static let verifiedVersion: Bool = {
        guard let version = __xmlParserVersion()?.pointee else { return false }
        return verifiedVersions.contains(String(cString: version))
    }()

    /// What the scanner knows of one element name.
    struct Element: Sendable {
        /// The walk's view of it (block, heading, skipped, anchor or other).
        var kind: VisibleText.Collector.Kind = .other
        /// Closed right after its start tag (`html40ElementTable`'s `empty`); `wbr`, `source` and `track` are not.
        var void = false
        /// An end tag may close open elements above its own only if none has a higher priority.
        var priority = 100
        /// This name's bit if a start tag can close it (an `oldTag` of `htmlStartClose`); 0 otherwise.
        var closableBit: UInt64 = 0
        /// The bits of the names this start tag closes when one of them is the current element.
        var closes: UInt64 = 0
        /// Names the scanner leaves to libxml2: raw text (`script`, `style`), the document's own structure
        /// (`html`, `head`, `body`), `meta` (it can switch the encoding), and old elements with odd content models.
        var declined = false
    }

    /// libxml2's `htmlStartClose`: (the current element, the start tag that closes it). 2.9.14 also closes a list
    /// at the start of the other kind of list directly inside it (`<ol><ul>`), which later tables dropped.
    static let startClose: [(old: String, new: String)] = {
        let rows: [(String, [String])] = [
            ("a", ["a", "fieldset", "table", "td", "th"]),
            ("address", ["dd", "dl", "dt", "form", "li", "ul"]),
            ("b", ["center", "p", "td", "th"]), ("big", ["p"]),
            ("caption", ["col", "colgroup", "tbody", "tfoot", "thead", "tr"]),
            ("col", ["col", "colgroup", "tbody", "tfoot", "thead", "tr"]),
            ("colgroup", ["colgroup", "tbody", "tfoot", "thead", "tr"]),
            ("dd", ["dt"]), ("dir", ["dd", "dl", "dt", "form", "ul"]), ("dl", ["form", "li"]), ("dt", ["dd", "dl"]),
            ("font", ["center", "td", "th"]), ("form", ["form"]),
            ("h1", ["fieldset", "form", "li", "p", "table"]), ("h2", ["fieldset", "form", "li", "p", "table"]),
            ("h3", ["fieldset", "form", "li", "p", "table"]), ("h4", ["fieldset", "form", "li", "p", "table"]),
            ("h5", ["fieldset", "form", "li", "p", "table"]), ("h6", ["fieldset", "form", "li", "p", "table"]),
            ("head", ["a", "abbr", "acronym", "address", "b", "bdo", "big", "blockquote", "body", "br", "center", "cite",
                      "code", "dd", "dfn", "dir", "div", "dl", "dt", "em", "fieldset", "font", "form", "frameset", "h1",
                      "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "kbd", "li", "listing", "map", "menu",
                      "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table",
                      "tt", "u", "ul", "var", "xmp"]),
            ("hr", ["form"]), ("i", ["center", "p", "td", "th"]), ("legend", ["fieldset"]), ("li", ["li"]),
            ("link", ["body", "frameset"]),
            ("listing", ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"]),
            ("menu", ["dd", "dl", "dt", "form", "ul"]), ("ol", ["form", "ul"]), ("option", ["optgroup", "option"]),
            ("p", ["address", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "dir", "div", "dl",
                   "dt", "fieldset", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "li",
                   "listing", "menu", "ol", "p", "pre", "table", "tbody", "td", "tfoot", "th", "title", "tr", "ul", "xmp"]),
            ("pre", ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"]),
            ("s", ["p"]), ("script", ["noscript"]), ("small", ["p"]), ("span", ["td", "th"]), ("strike", ["p"]),
            ("style", ["body", "frameset"]), ("tbody", ["tbody", "tfoot"]),
            ("td", ["tbody", "td", "tfoot", "th", "tr"]), ("tfoot", ["tbody"]),
            ("th", ["tbody", "td", "tfoot", "th", "tr"]), ("thead", ["tbody", "tfoot"]),
            ("title", ["body", "frameset"]), ("tr", ["tbody", "tfoot", "tr"]), ("tt", ["p"]), ("u", ["p", "td", "th"]),
            ("ul", ["address", "form", "menu", "ol", "pre"]),
            ("xmp", ["dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"]),
        ]
        return rows.flatMap { row in row.1.map { (old: row.0, new: $0) } }
    }()

    /// `html40ElementTable`'s empty elements.
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param",
    ]

    /// `htmlEndPriority`; every other name has 100.
    static let priorities: [String: Int] = [
        "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
        "head": 200, "body": 200, "html": 220,
    ]

    static let declinedElements: Set<String> = [
        "html", "head", "body", "meta", "link", "base", "title", "script", "style", "frame", "frameset", "noframes",
        "isindex", "basefont", "xmp", "listing", "plaintext", "textarea", "iframe", "noembed", "object", "applet",
        "select", "option", "optgroup", "svg", "math",
    ]

    /// Every name with anything but the defaults, by its bytes: open addressing over 256 slots (about 110 names),
    /// probed from the top byte of a multiplicative hash; looked up at every start tag, so no `Hasher`.
    private static let table: (keys: [ElementName], values: [Element]) = {
        let olds = Array(Set(startClose.map(\.old))).sorted()
        var bits: [String: UInt64] = [:]
        for (index, name) in olds.enumerated() { bits[name] = 1 << UInt64(index) }  // 48 names: fits
        var names = Set(startClose.map(\.old)).union(startClose.map(\.new)).union(voidElements).union(priorities.keys)
        names.formUnion(declinedElements)
        names.formUnion(VisibleText.blocks.union(VisibleText.skipped).union(["a"]))
        var keys = [ElementName](repeating: .empty, count: 256)
        var values = [Element](repeating: ordinary, count: 256)
        for name in names.sorted() {
            guard let key = ElementName(Array(name.utf8)[...]) else { continue }
            var element = Element()
            element.kind = VisibleText.Collector.kind(name)
            element.void = voidElements.contains(name)
            element.priority = priorities[name] ?? 100
            element.closableBit = bits[name] ?? 0
            element.closes = startClose.filter { $0.new == name }.reduce(0) { $0 | (bits[$1.old] ?? 0) }
            element.declined = declinedElements.contains(name)
            var slot = key.slot
            while keys[slot] != .empty { slot = (slot + 1) & 255 }
            keys[slot] = key
            values[slot] = element
        }
        return (keys, values)
    }()

    /// What a name the tables do not list is: an ordinary element (libxml2 only warns "Tag … invalid").
    static let ordinary = Element()

    static func element(_ name: ElementName) -> Element {
        let table = Self.table
        var slot = name.slot
        while true {
            let key = table.keys[slot]
            if key == name { return table.values[slot] }
            if key == .empty { return ordinary }
            slot = (slot + 1) & 255
        }
    }
}

/// An element name of 1 to 16 bytes packed into two words, for table look-ups without making a `String`.
struct ElementName: Equatable, Sendable {
    let low: UInt64
    let high: UInt64

    /// No name: the free slots of the table.
    static let empty = ElementName(low: 0, high: 0)
    static let dataSearch = ElementName(Array("data-search".utf8)[...]) ?? .empty
    static let href = ElementName(Array("href".utf8)[...]) ?? .empty

    private init(low: UInt64, high: UInt64) { self.low = low; self.high = high }

    /// The name's first probe in `LibXML2HTMLRules`' table.
    var slot: Int { Int(truncatingIfNeeded: ((low ^ high &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15) >> 56) }

    init?(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 { low |= UInt64(byte) << (8 * UInt64(offset)) } else { high |= UInt64(byte) << (8 * UInt64(offset - 8)) }
        }
        self.low = low; self.high = high
    }

    init?(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) {
        guard count > 0, count <= 16, start + count <= bytes.count else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for offset in 0..<count {
            let byte = UInt64(bytes[start + offset])
            if offset < 8 { low |= byte << (8 * UInt64(offset)) } else { high |= byte << (8 * UInt64(offset - 8)) }
        }
        self.low = low; self.high = high
    }
}
