/// Diagnostics as the command line prints them: one line each, except that a kind that comes more than
/// `limit` times (a link to example.org on every sample course) is one line with its count and first positions,
/// so a large site's output stays readable.
public enum DiagnosticGroups {
    public static func lines(_ diagnostics: [Diagnostic], limit: Int = 3) -> [String] {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics {
            if let kind = diagnostic.kind { counts["\(diagnostic.severity.rawValue) \(kind)", default: 0] += 1 }
        }
        var lines: [String] = []
        var printed: Set<String> = []
        for diagnostic in diagnostics {
            guard let kind = diagnostic.kind else { lines.append(diagnostic.description); continue }
            let key = "\(diagnostic.severity.rawValue) \(kind)"
            let total = counts[key] ?? 0
            guard total > limit else { lines.append(diagnostic.description); continue }
            guard printed.insert(key).inserted else { continue }
            let same = diagnostics.filter { $0.kind == kind && $0.severity == diagnostic.severity }
            let positions = same.prefix(limit).map(\.location.description).joined(separator: ", ")
            lines.append("\(diagnostic.description)\n    (\(total) \(diagnostic.severity.rawValue)s of this kind [\(kind)], "
                         + "first at \(positions) and \(total - limit) more)")
        }
        return lines
    }
}
