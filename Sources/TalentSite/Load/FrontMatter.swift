/// A Markdown file split into its YAML front matter and its body, remembering where each starts.
struct FrontMatterFile {
    /// The lines between the two `---` lines, without the line end before the closing one.
    var yaml: Substring
    /// Lines before the YAML text (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// 1-based line of the body's first line, so Markdown positions map back to the file.
    var bodyFirstLine: Int

    /// Splits `text`; front matter is required and must be closed by a `---` line (a `---` followed by nothing
    /// but spaces and tabs). Scans bytes for the two lines and copies only the body.
    static func split(_ text: String, file: String) -> Result<FrontMatterFile, Diagnostic> {
        // Normally done by `SourceTree.text(of:)` already; without it a CRLF file would not split at its lines.
        let text = SourceText.normalized(text)
        let utf8 = text.utf8
        let firstEnd = utf8.firstIndex(of: 10) ?? utf8.endIndex
        guard isFence(utf8[utf8.startIndex..<firstEnd]) else {
            return .failure(.error(SourceLocation(file: file),
                                   "missing front matter: the file must start with a '---' line, then YAML, then '---'"))
        }
        let notClosed = Diagnostic.error(SourceLocation(file: file), "front matter is not closed: add a '---' line after the last field")
        guard firstEnd < utf8.endIndex else { return .failure(notClosed) }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 2
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd]) {
                let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                let body = lineEnd == utf8.endIndex ? "" : String(text[utf8.index(after: lineEnd)...])
                return .success(FrontMatterFile(yaml: text[yamlStart..<yamlEnd], yamlLineOffset: 1, body: body,
                                                bodyFirstLine: lineNumber + 1))
            }
            guard lineEnd < utf8.endIndex else { return .failure(notClosed) }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
    }

    /// `---` followed by nothing but spaces and tabs.
    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        var bytes = line.makeIterator()
        guard bytes.next() == 45, bytes.next() == 45, bytes.next() == 45 else { return false }
        while let byte = bytes.next() { if byte != 32 && byte != 9 { return false } }
        return true
    }
}
