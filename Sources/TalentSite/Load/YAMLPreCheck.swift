import Yams

/// Checks on YAML text that libyaml and Yams do not make well: full-width punctuation typed by a Chinese
/// input method where YAML needs `: ` or spaces (libyaml then blames the wrong line), and nesting deep
/// enough to overflow Yams' recursive composer. Positions are 1-based lines and Unicode-scalar columns,
/// as libyaml counts them.
enum YAMLPreCheck {
    /// Deeper than any content needs; far below what overflows the stack.
    static let maximumDepth = 100

    static let fullWidthColon: Unicode.Scalar = "\u{FF1A}"
    static let fullWidthSpace: Unicode.Scalar = "\u{3000}"
    static let fix = "use a half-width ':' followed by a space"

    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    /// A full-width `：` or `　` where a key ends, or `　` used as indentation, on `line` or one of the two
    /// lines above it (libyaml reports the line after the one at fault); `line: nil` looks at every line.
    static func fullWidthProblem(in text: String, nearLine line: Int?) -> Problem? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return nil }
        let last = min(max(line ?? lines.count, 1), lines.count) - 1
        let first = line == nil ? 0 : max(0, last - 2)
        for index in stride(from: last, through: first, by: -1) {
            if let problem = fullWidthProblem(onLine: lines[index], number: index + 1) { return problem }
        }
        return nil
    }

    /// The problem in one line, if it has one in key position.
    static func fullWidthProblem<S: StringProtocol>(onLine text: S, number: Int) -> Problem? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        while index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] == " " { index += 2 }  // "- key: value"
        guard index < scalars.count else { return nil }
        if scalars[index] == fullWidthSpace {
            return Problem(line: number, column: index + 1,
                           message: "full-width space (U+3000) used as indentation; indent with half-width spaces")
        }
        let keyStart = index
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ":" || scalar == " " || scalar == "#" || scalar == "\"" || scalar == "'"
                || scalar == "[" || scalar == "{" || scalar == "," { return nil }
            if scalar == fullWidthColon || scalar == fullWidthSpace {
                guard index > keyStart else { return nil }
                let key = String(String.UnicodeScalarView(scalars[keyStart..<index]))
                let what = scalar == fullWidthColon ? "full-width colon '：'" : "full-width space (U+3000)"
                return Problem(line: number, column: index + 1, message: "\(what) after '\(key)'; \(fix)")
            }
            index += 1
        }
        return nil
    }

    /// A mapping key holding `：` or `　` parsed, but is never meant: point at the character. Looks at no
    /// more than `budget` nodes, since aliases (`*a`) can make a small text a huge tree.
    static func fullWidthKey(in node: Node) -> (mark: Mark, offset: Int, message: String)? {
        var budget = 10_000
        return fullWidthKey(in: node, depth: 0, budget: &budget)
    }

    private static func fullWidthKey(in node: Node, depth: Int, budget: inout Int) -> (mark: Mark, offset: Int, message: String)? {
        budget -= 1
        guard depth <= maximumDepth, budget > 0 else { return nil }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let text = key.scalarText, let mark = key.mark {
                    let scalars = Array(text.unicodeScalars)
                    if scalars.first == fullWidthSpace {
                        return (mark, 0, "full-width space (U+3000) used as indentation; indent with half-width spaces")
                    }
                    if let index = scalars.firstIndex(where: { $0 == fullWidthColon || $0 == fullWidthSpace }), index > 0 {
                        let key = String(String.UnicodeScalarView(scalars[..<index]))
                        let what = scalars[index] == fullWidthColon ? "full-width colon '：'" : "full-width space (U+3000)"
                        return (mark, index, "\(what) after '\(key)'; \(fix)")
                    }
                }
                if let found = fullWidthKey(in: value, depth: depth + 1, budget: &budget) { return found }
            }
        case .sequence(let sequence):
            for item in sequence { if let found = fullWidthKey(in: item, depth: depth + 1, budget: &budget) { return found } }
        default: break
        }
        return nil
    }

    /// Where the text first nests deeper than `maximumDepth` (flow brackets and block indentation together).
    static func depthProblem(in text: String) -> Problem? {
        var flow = 0
        var indents: [Int] = []
        var quote: Unicode.Scalar?
        var blockScalarIndent: Int?
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index < scalars.count, scalars[index] == " " { index += 1 }
            let indent = index
            if let block = blockScalarIndent {
                if index == scalars.count || indent > block { continue }
                blockScalarIndent = nil
            }
            guard index < scalars.count, scalars[index] != "#" || quote != nil else { continue }
            var depth = indents.count
            if flow == 0 && quote == nil {
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
                depth = indents.count
                if depth > maximumDepth {
                    return Problem(line: lineIndex + 1, column: index + 1, message: tooDeep)
                }
                while index + 1 < scalars.count, scalars[index] == "-" || scalars[index] == "?", scalars[index + 1] == " " {
                    depth += 1
                    if depth > maximumDepth {
                        return Problem(line: lineIndex + 1, column: index + 1, message: tooDeep)
                    }
                    index += 2
                    indents.append(index)
                    while index < scalars.count, scalars[index] == " " { index += 1 }
                }
            }
            var previous: Unicode.Scalar = " "
            var lastContent: Unicode.Scalar?
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == "\\" && open == "\"" { index += 2; previous = "x"; continue }
                    if scalar == open {
                        if open == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                        quote = nil
                    }
                } else if scalar == "#" && (previous == " " || previous == "\t") {
                    break
                } else if (scalar == "\"" || scalar == "'") && " \t[{,:".unicodeScalars.contains(previous) {
                    quote = scalar
                } else if scalar == "[" || scalar == "{" {
                    flow += 1
                    if flow + depth > maximumDepth {
                        return Problem(line: lineIndex + 1, column: index + 1, message: tooDeep)
                    }
                } else if scalar == "]" || scalar == "}" {
                    flow = max(0, flow - 1)
                }
                if scalar != " " && scalar != "\t" { lastContent = scalar }
                previous = scalar
                index += 1
            }
            if flow == 0, quote == nil, let last = lastContent, last == "|" || last == ">" || last == "-" || last == "+" || last.properties.numericType != nil {
                if Self.endsWithBlockScalarHeader(scalars) { blockScalarIndent = indent }
            }
        }
        return nil
    }

    static let tooDeep = "YAML nested more than \(maximumDepth) levels deep; no content needs this, flatten it"

    /// `key: |`, `key: >-`, `- |2` and the like: the lines below are text, not structure.
    private static func endsWithBlockScalarHeader(_ scalars: [Unicode.Scalar]) -> Bool {
        var text = String(String.UnicodeScalarView(scalars))
        if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
        let words = text.split(separator: " ")
        guard let last = words.last, let first = last.unicodeScalars.first, first == "|" || first == ">" else { return false }
        return last.dropFirst().allSatisfy { "+-123456789".contains($0) }
    }
}
