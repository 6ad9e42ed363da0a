/// The fingerprint of an original's translatable text: one short hash per field (`title`, `summary`, each
/// `text` field the section declares, `body`). A translation stores it as `translated_from`; when the
/// original changes, comparing fingerprints names the fields that changed since the translation was made.
public enum TranslationFingerprint {
    /// The front-matter key holding the fingerprint in a translation.
    public static let key = "translated_from"
    static let bodyField = "body"

    /// Field name → 16 hex digits, for every translatable field of `record` that has a value.
    public static func of(_ record: Record, schema: SectionSchema) -> [String: String] {
        var texts: [String: String] = [bodyField: normalized(record.body)]
        for field in BuiltInField.allCases where field.isTranslatable {
            if let value = field.value(of: record) { texts[field.name] = value.description }
        }
        for spec in schema.fields where spec.type.isTranslatable {
            if let value = record.fields[spec.name] { texts[spec.name] = value.description }
        }
        return texts.mapValues(hash)
    }

    /// The fields whose hash differs, was added or was removed, in a stable order (sorted, body last).
    public static func changedFields(recorded: [String: String], current: [String: String]) -> [String] {
        Set(recorded.keys).union(current.keys).filter { recorded[$0] != current[$0] }
            .sorted { ($0 == bodyField ? 1 : 0, $0) < ($1 == bodyField ? 1 : 0, $1) }
    }

    /// `{body: …, title: …}` as written into front matter, keys sorted so rewriting is stable.
    public static func yaml(_ fingerprint: [String: String]) -> String {
        "{" + fingerprint.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }

    /// A byte-order mark, line endings (CRLF, CR) and trailing blank space do not change a text's meaning, so
    /// they do not make a translation stale. Text that has none of them hashes as it always did.
    static func normalized(_ text: String) -> String {
        LineEndings.unified(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// 64-bit FNV-1a over UTF-8: stable across runs and platforms (unlike `Hasher`), and enough to notice
    /// an edit; not meant to resist anyone forging a collision.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
