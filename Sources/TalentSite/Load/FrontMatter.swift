/// A Markdown file split into its YAML front matter and its body, remembering where each starts.
struct FrontMatterFile {
    var yaml: String
    /// Lines before the YAML text (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// 1-based line of the body's first line, so Markdown positions map back to the file.
    var bodyFirstLine: Int

    /// Splits `text`; front matter is required and must be closed by a `---` line.
    static func split(_ text: String, file: String) -> Result<FrontMatterFile, Diagnostic> {
        // Normally done by `SourceTree.text(of:)` already; without it a CRLF file is one long line, since
        // "\r\n" is a single Character that splitting at "\n" does not see.
        let lines = SourceText.normalized(text).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.error(SourceLocation(file: file),
                                   "missing front matter: the file must start with a '---' line, then YAML, then '---'"))
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" }) else {
            return .failure(.error(SourceLocation(file: file),
                                   "front matter is not closed: add a '---' line after the last field"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterFile(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: close + 2))
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
