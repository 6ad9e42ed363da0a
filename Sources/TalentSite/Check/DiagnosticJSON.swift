import Foundation

/// Diagnostics as JSON for CI annotations: one object per problem with file, line, column, severity
/// and message, plus totals. Keys sorted so the output is stable.
public enum DiagnosticJSON {
    struct Item: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    struct Document: Encodable {
        var diagnostics: [Item]
        var errors: Int
        var warnings: Int
        var ok: Bool
    }

    public static func encode(_ diagnostics: [Diagnostic], ok: Bool) -> String {
        let items = diagnostics.map {
            Item(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                 severity: $0.severity.rawValue, message: $0.message)
        }
        let document = Document(diagnostics: items, errors: diagnostics.filter { $0.severity == .error }.count,
                                 warnings: diagnostics.filter { $0.severity == .warning }.count, ok: ok)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
