/// Where a translation stands against its original.
public enum TranslationState: Sendable, Equatable {
    /// Made from the original as it is now.
    case fresh
    /// The original changed since; the fields that changed.
    case stale(changed: [String])
    /// A translation without `translated_from`: nobody recorded what it was made from.
    case untracked
    /// No file in that language.
    case missing

    public var name: String {
        switch self {
        case .fresh: return "fresh"
        case .stale: return "stale"
        case .untracked: return "untracked"
        case .missing: return "missing"
        }
    }

    /// The state of `translation` (nil when it does not exist) against `original`.
    public static func of(_ translation: Record?, original: Record, schema: SectionSchema) -> TranslationState {
        guard let translation else { return .missing }
        guard let recorded = translation.translatedFrom else { return .untracked }
        let changed = TranslationFingerprint.changedFields(recorded: recorded, current: TranslationFingerprint.of(original, schema: schema))
        return changed.isEmpty ? .fresh : .stale(changed: changed)
    }
}

/// Reports a stale translation during the build, at its `translated_from` line, naming what changed.
/// A warning, so `--strict` fails on it as it does on a missing translation.
struct StaleTranslationCheck {
    let schema: SectionSchema
    let log: DiagnosticLog

    func check(_ original: Record, _ translation: Record) {
        guard case .stale(let changed) = TranslationState.of(translation, original: original, schema: schema) else { return }
        log.warning(translation.location(of: TranslationFingerprint.key),
                    "\(translation.language) translation is stale: \(changed.joined(separator: ", ")) changed in \(original.file) since it was translated; update it, then run: talentsite translated \(translation.file)")
    }
}
