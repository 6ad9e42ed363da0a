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

    func location(of node: some YAMLNodeView) -> SourceLocation {
        guard let position = node.position else { return SourceLocation(file: file, line: lineOffset + 1) }
        return SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
    }

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
