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
        let href = node.hasHref ? String(decoding: values[node.start..<node.start + node.count], as: UTF8.self) : nil
        return VisibleText.Collector.isBareAddress(content: String(decoding: content, as: UTF8.self), href: href)
    }
}
