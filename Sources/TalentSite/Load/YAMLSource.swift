import Foundation
import Yams

/// YAML text that sits somewhere inside a file, so node positions map back to the file's own lines.
struct YAMLSource {
    let file: String
    /// Lines before the YAML text in its file (1 for front matter after the opening `---`).
    let lineOffset: Int

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    /// Parses `text`, turning libyaml's complaint into a diagnostic at the right line and column; full-width
    /// punctuation where a key ends is pointed at with its fix, and nesting too deep is refused before
    /// it can overflow the stack.
    func parse(_ text: String) -> Result<Node?, Diagnostic> {
        if let problem = YAMLPreCheck.depthProblem(in: text) { return .failure(diagnostic(problem)) }
        do {
            let node = try Yams.compose(yaml: SourceText.normalized(text))
            if let node, let found = YAMLPreCheck.fullWidthKey(in: node) {
                return .failure(.error(SourceLocation(file: file, line: found.mark.line + lineOffset, column: found.mark.column + found.offset),
                                       found.message))
            }
            if let node, node.scalarText != nil, let problem = YAMLPreCheck.fullWidthProblem(in: text, nearLine: nil) {
                return .failure(diagnostic(problem))  // `seats：30` alone reads as one text, not a mapping
            }
            return .success(node)
        } catch let error as YamlError {
            if let line = Self.line(of: error), let problem = YAMLPreCheck.fullWidthProblem(in: text, nearLine: line) {
                return .failure(diagnostic(problem))
            }
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error(SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)"))
        }
    }

    private func diagnostic(_ problem: YAMLPreCheck.Problem) -> Diagnostic {
        .error(SourceLocation(file: file, line: problem.line + lineOffset, column: problem.column), problem.message)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(location(mark), "invalid YAML: \(detail)")
        case .reader(let problem, let offset, let value, let yaml):
            // Yams gives the offset in Characters: turn it into the line and column an editor shows.
            let before = yaml.prefix(max(0, offset ?? 0))
            let line = before.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
            let lineStart = before.lastIndex { $0 == "\n" || $0 == "\r\n" }.map { before.index(after: $0) } ?? before.startIndex
            let column = before[lineStart...].unicodeScalars.count + 1
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return .error(SourceLocation(file: file, line: line + lineOffset, column: column), "invalid YAML: \(problem)\(character)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(location(context.mark), "duplicate key '\(duplicates.joined(separator: "', '"))'")
        default:
            return .error(SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)")
        }
    }
}

extension Node {
    /// The scalar text, or nil for mappings and sequences.
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// True for an unquoted scalar, which is how numbers and booleans must be written.
    var isPlainScalar: Bool {
        if case .scalar(let scalar) = self { return scalar.style == .plain || scalar.style == .any }
        return false
    }

    /// True for a literal (`|`) or folded (`>`) block scalar, whose text starts on the next line.
    var scalarIsBlock: Bool {
        if case .scalar(let scalar) = self { return scalar.style == .literal || scalar.style == .folded }
        return false
    }

    /// Key/value pairs of a mapping, in file order, with keys as text.
    var pairs: [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.map { (key: $0.key.scalarText ?? "", keyNode: $0.key, value: $0.value) }
    }

    var items: [Node]? {
        guard case .sequence(let sequence) = self else { return nil }
        return Array(sequence)
    }

    /// YAML's null (`~`, `null`, or nothing after the colon).
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
