import Testing
@testable import TalentSite

/// `FrontMatterFile.split` scans bytes; it must split exactly as splitting the text into lines did.
@Suite struct FrontMatterSplitTests {
    /// The line-by-line split the byte scan replaced, kept here as the reference.
    static func referenceSplit(_ text: String, file: String) -> Result<(yaml: String, body: String, bodyFirstLine: Int), Diagnostic> {
        func trimmed(_ line: Substring) -> Substring {
            var line = line
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return line
        }
        let lines = SourceText.normalized(text).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, trimmed(first) == "---" else {
            return .failure(.error(SourceLocation(file: file),
                                   "missing front matter: the file must start with a '---' line, then YAML, then '---'"))
        }
        guard let close = lines.dropFirst().firstIndex(where: { trimmed($0) == "---" }) else {
            return .failure(.error(SourceLocation(file: file), "front matter is not closed: add a '---' line after the last field"))
        }
        return .success((lines[1..<close].joined(separator: "\n"), lines[(close + 1)...].joined(separator: "\n"), close + 2))
    }

    static let cases = [
        "", "-", "---", "---\n", "---\n---", "---\n---\n", "---\n---\n\n", "--- \t\nx: 1\n---  \nbody", "---x\n---\n", " ---\n---\n",
        "---\na\n--- x\nb\n---\nc", "---\n\n---\n\n", "\u{FEFF}---\r\na: 1\r\n---\r\nbody\r\n", "---\r\na: 1\r---\rbody",
        "---\na: 1\n---", "---\na: 1\n---\n", "---\na: 1\nb: 2\n---\n\nPara one.\n\nPara two.\n", "---\u{301}\n---\n",
        "--- \u{301}\n---\n", "---\na: 1\n---\u{301}\n---\nbody", "---\n雲: 端\n---\n正文\n", "---\na: 1\n----\n---\n",
        "---\na: 1\n\t---\n---\n", "---\na: 1\n---\t \t\nbody\n---\nmore", "----\n---\n", "---\na\n", "\n---\n---\n",
    ]

    @Test(arguments: cases) func splitsAsLinesDid(_ text: String) {
        let split = FrontMatterFile.split(text, file: "f.md")
        switch (split, Self.referenceSplit(text, file: "f.md")) {
        case (.success(let file), .success(let expected)):
            #expect(Array(String(file.yaml).utf8) == Array(expected.yaml.utf8))
            #expect(Array(file.body.utf8) == Array(expected.body.utf8))
            #expect(file.bodyFirstLine == expected.bodyFirstLine)
            #expect(file.yamlLineOffset == 1)
        case (.failure(let diagnostic), .failure(let expected)):
            #expect(diagnostic == expected)
        default:
            Issue.record("\(text.debugDescription): \(split) but expected \(Self.referenceSplit(text, file: "f.md"))")
        }
    }
}
