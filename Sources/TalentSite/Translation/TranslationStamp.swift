import Foundation

/// `talentsite translated <file>`: records in a translation the fingerprint of its original as it is now,
/// by writing (or replacing) its `translated_from` line. Only that line of the file changes.
public struct TranslationStamp: Sendable {
    public let tree: SourceTree

    public init(tree: SourceTree) { self.tree = tree }

    /// The new text of the translation at `path` (relative to the site folder), or why it cannot be stamped.
    public func stampedText(of path: String) -> Result<String, Diagnostic> {
        let log = DiagnosticLog()
        let here = SourceLocation(file: path)
        let pipeline = Pipeline(tree: tree)
        guard let settings = pipeline.settings(log: log) else {
            return .failure(log.all.first ?? .error(here, "cannot read site settings"))
        }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 3, parts[0] == "content",
              case .success(let name) = MarkdownRecordLoader.parseFileName(parts[2], languages: settings.languages.map(\.code)) else {
            return .failure(.error(here, "not a record file: expected content/<section>/<slug>.<language>.md"))
        }
        let defaultCode = settings.defaultLanguage.code
        guard name.language != defaultCode else {
            return .failure(.error(here, "this is the \(defaultCode) original; name its translation (\(name.slug).<language>.md)"))
        }
        guard let schema = pipeline.schema(section: parts[1], settings: settings, log: log) else {
            return .failure(log.all.first ?? .error(here, "section '\(parts[1])' has no readable \(SchemaLoader.fileName)"))
        }
        let originalPath = "content/\(parts[1])/\(name.slug).\(defaultCode).md"
        guard tree.fileExists(originalPath) else { return .failure(.error(here, "its original \(originalPath) does not exist")) }
        // An original with a field error would stamp a fingerprint of what did load: refuse until it is fixed.
        guard let record = pipeline.record(at: originalPath, schema: schema, settings: settings, log: log), !record.incomplete else {
            return .failure(log.all.first ?? .error(SourceLocation(file: originalPath), "cannot read the original"))
        }
        let text: String
        switch tree.verbatimText(of: path) {
        case .success(let read): text = read
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        let line = "\(TranslationFingerprint.key): \(TranslationFingerprint.yaml(TranslationFingerprint.of(record, schema: schema)))"
        return Self.replacingFingerprint(in: text, with: line).mapError { Diagnostic.error(here, $0.message) }
    }

    /// Puts `line` in place of the front matter's `translated_from` entry (with any indented lines under it),
    /// or before the closing `---` when there is none. The file keeps its byte-order mark and line ends.
    static func replacingFingerprint(in text: String, with line: String) -> Result<String, StampProblem> {
        let bom = text.unicodeScalars.first == "\u{FEFF}"
        let lineEnd = SourceText.lineEnd(of: text)
        // Work on LF lines: in Swift "\r\n" is one Character, so splitting a String at "\n" would miss it.
        var lines = SourceText.normalized(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---",
              let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            return .failure(StampProblem(message: "no front matter between '---' lines"))
        }
        let prefix = TranslationFingerprint.key + ":"
        var insertAt = close
        if let start = (1..<close).first(where: { lines[$0].hasPrefix(prefix) }) {
            var end = start + 1
            while end < close, lines[end].first == " " || lines[end].first == "\t" { end += 1 }
            lines.removeSubrange(start..<end)
            insertAt = start
        }
        lines.insert(line, at: insertAt)
        return .success((bom ? "\u{FEFF}" : "") + lines.joined(separator: lineEnd))
    }
}

/// Why a file's front matter could not be rewritten.
struct StampProblem: Error { let message: String }
