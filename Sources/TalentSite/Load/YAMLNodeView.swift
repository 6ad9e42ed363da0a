import Yams

/// What the loaders read from a YAML node. Yams' `Node` has it, and so has `FlatYAMLNode`, which the fast
/// reader of flat front matter builds without Yams: the same decoding code serves both, so a record reads
/// the same (values, positions, messages) whichever parser read its front matter.
protocol YAMLNodeView {
    /// The scalar text, or nil for mappings and sequences.
    var scalarText: String? { get }
    /// True for an unquoted scalar, which is how numbers and booleans must be written.
    var isPlainScalar: Bool { get }
    /// True for a literal (`|`) or folded (`>`) block scalar, whose text starts on the next line.
    var scalarIsBlock: Bool { get }
    /// Key/value pairs of a mapping, in file order, with keys as text.
    var pairs: [(key: String, keyNode: Self, value: Self)]? { get }
    var items: [Self]? { get }
    /// Where the node starts in its YAML text: 1-based line and Unicode-scalar column, as libyaml counts.
    var position: (line: Int, column: Int)? { get }
}

extension YAMLNodeView {
    /// YAML's null (`~`, `null`, or nothing after the colon).
    var isNull: Bool {
        guard isPlainScalar, let text = scalarText else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}

extension Node: YAMLNodeView {
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    var isPlainScalar: Bool {
        if case .scalar(let scalar) = self { return scalar.style == .plain || scalar.style == .any }
        return false
    }

    var scalarIsBlock: Bool {
        if case .scalar(let scalar) = self { return scalar.style == .literal || scalar.style == .folded }
        return false
    }

    var pairs: [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.map { (key: $0.key.scalarText ?? "", keyNode: $0.key, value: $0.value) }
    }

    var items: [Node]? {
        guard case .sequence(let sequence) = self else { return nil }
        return Array(sequence)
    }

    var position: (line: Int, column: Int)? { mark.map { ($0.line, $0.column) } }
}
