/// One element's subtree as `VisibleTextScanner` read it: what the walk needs of libxml2's tree (elements with
/// their kind, `data-search` and a link's `href`; text with entities decoded), flat, in document order.
struct ScannedTree {
    struct Node {
        /// Nil for a text node.
        var kind: VisibleText.Collector.Kind?
        var marker: VisibleText.Collector.Marker?
        /// A text node's bytes in `text`, or a link's `href` value in `values` (`hasHref`).
        var start = 0
        var count = 0
        var hasHref = false
        /// An element's end: the index after the last node inside it.
        var end = 0
    }

    var nodes: [Node] = []
    var text: [UInt8] = []
    var values: [UInt8] = []

    /// The root's children (node 0 is the root) walked through the collector, as libxml2's tree would be.
    func read() -> (text: String, heading: String) {
        var collector = VisibleText.Collector()
        guard let root = nodes.first else { return collector.finish() }
        text.withUnsafeBufferPointer { text in
            walk(1..<root.end, text: text, into: &collector)
        }
        return collector.finish()
    }

    private func walk(_ range: Range<Int>, text: UnsafeBufferPointer<UInt8>, into collector: inout VisibleText.Collector) {
        var index = range.lowerBound
        while index < range.upperBound {
            let node = nodes[index]
            guard let kind = node.kind else {
                collector.append(UnsafeBufferPointer(rebasing: text[node.start..<node.start + node.count]))
                index += 1
                continue
            }
            if let visit = collector.open(kind, marker: node.marker, isBareAddress: { isBareAddress(index) }) {
                walk(index + 1..<node.end, text: text, into: &collector)
                collector.close(visit)
            }
            index = node.end
        }
    }

    /// libxml2's `xmlNodeGetContent`: every text node inside, left-out elements' too.
    private func isBareAddress(_ index: Int) -> Bool {
        let node = nodes[index]
        var content: [UInt8] = []
        for inner in nodes[index + 1..<node.end] where inner.kind == nil {
            content += text[inner.start..<inner.start + inner.count]
        }
        let href = node.hasHref ? values[node.start..<node.start + node.count] : nil
        if let answer = Self.bareAddressFromBytes(content: content, href: href) { return answer }
        return VisibleText.Collector.isBareAddress(content: String(decoding: content, as: UTF8.self),
                                                   href: href.map { String(decoding: $0, as: UTF8.self) })
    }

    private static let addressPrefixes = ["http://", "https://", "mailto:"].map { Array($0.utf8) }

    /// `Collector.isBareAddress` from the bytes when they settle it, nil when only `String` can: its `hasPrefix`
    /// and `==` compare characters under canonical equivalence. No other scalar is equivalent to one of the
    /// prefixes' letters, so a byte prefix decides if an ASCII byte follows it; ASCII equals ASCII only byte for
    /// byte; a CJK ideograph (U+4000–U+9FFF, no decomposition) can never equal an ASCII address.
    static func bareAddressFromBytes(content: [UInt8], href: ArraySlice<UInt8>?) -> Bool? {
        var squeezed: [UInt8] = []
        guard content.withUnsafeBufferPointer({ VisibleText.Collector.squeeze($0, into: &squeezed) }) else { return nil }
        for prefix in addressPrefixes where squeezed.starts(with: prefix) {
            guard squeezed.count == prefix.count || squeezed[prefix.count] < 0x80 else { return nil }
            return true
        }
        guard let href else { return false }
        if squeezed.elementsEqual(href) { return true }
        let asciiHref = href.allSatisfy { $0 < 0x80 }
        if asciiHref && squeezed.allSatisfy({ $0 < 0x80 }) { return false }
        if asciiHref && squeezed.contains(where: { $0 >= 0xE4 && $0 <= 0xE9 }) { return false }
        return nil
    }
}
