/// A YAML node read by `FlatYAMLReader`: a scalar with its quoting, or a list or mapping of them, with the
/// position libyaml would give it. It answers `YAMLNodeView` exactly as the Yams node of the same text does.
struct FlatYAMLNode: YAMLNodeView, Sendable {
    enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted
    }

    enum Content: Sendable {
        case scalar(String, Style)
        case sequence([FlatYAMLNode])
        case mapping([(key: String, keyNode: FlatYAMLNode, value: FlatYAMLNode)])
    }

    let content: Content
    /// 1-based line and Unicode-scalar column in the YAML text.
    let line: Int
    let column: Int

    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var isPlainScalar: Bool {
        if case .scalar(_, .plain) = content { return true }
        return false
    }

    /// The reader leaves block scalars (`|`, `>`) to Yams.
    var scalarIsBlock: Bool { false }

    var pairs: [(key: String, keyNode: FlatYAMLNode, value: FlatYAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var items: [FlatYAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var position: (line: Int, column: Int)? { (line, column) }
}
