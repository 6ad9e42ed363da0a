@testable import TalentSite

/// Everything the loaders can read from a YAML node (text, quoting, structure, positions) as one string, so a
/// flat-reader node and a Yams node compare whole. Compared as UTF-8 bytes, not with String's `==`.
enum YAMLNodeDescription {
    static func of<Node: YAMLNodeView>(_ node: Node?) -> [UInt8] { Array(describe(node).utf8) }

    static func describe<Node: YAMLNodeView>(_ node: Node?) -> String {
        guard let node else { return "none" }
        let at = node.position.map { "@\($0.line):\($0.column)" } ?? "@?"
        if let text = node.scalarText {
            let style = node.isPlainScalar ? "plain" : node.scalarIsBlock ? "block" : "quoted"
            return "\(style)\(text.debugDescription)\(node.isNull ? "(null)" : "")\(at)"
        }
        if let items = node.items { return "[" + items.map { describe($0) }.joined(separator: ", ") + "]\(at)" }
        if let pairs = node.pairs {
            return "{" + pairs.map { "\($0.key.debugDescription) \(describe($0.keyNode)): \(describe($0.value))" }
                .joined(separator: ", ") + "}\(at)"
        }
        return "?\(at)"
    }
}
