/// A rule between two fields of one record, declared in `_section.yaml` (`rules:`), such as a course's
/// `end` not before its `start`. Checked on every record, Markdown or CSV, with both positions named.
public struct FieldRule: Sendable {
    public enum Comparison: String, Sendable, CaseIterable {
        /// Dates: `field` on or after `other`.
        case notBefore = "not_before"
        /// Dates: `field` on or before `other`.
        case notAfter = "not_after"
        /// Integers: `field` ≥ `other`.
        case atLeast = "at_least"
        /// Integers: `field` ≤ `other`.
        case atMost = "at_most"

        /// What a broken rule is: "is before", "is less than".
        var violation: String {
            switch self {
            case .notBefore: return "is before"
            case .notAfter: return "is after"
            case .atLeast: return "is less than"
            case .atMost: return "is more than"
            }
        }

        /// What the rule asks: "must not be before".
        var requirement: String {
            switch self {
            case .notBefore: return "must not be before"
            case .notAfter: return "must not be after"
            case .atLeast: return "must be at least"
            case .atMost: return "must be at most"
            }
        }

        var comparesDates: Bool { self == .notBefore || self == .notAfter }
    }

    public var field: String
    public var comparison: Comparison
    public var other: String
    /// Where the rule is declared, so an editor who thinks it wrong finds it.
    public var location: SourceLocation

    public init(field: String, comparison: Comparison, other: String, location: SourceLocation) {
        self.field = field; self.comparison = comparison; self.other = other; self.location = location
    }

    /// Whether `value` and `otherValue` keep the rule; true when either is not of the compared kind.
    func holds(_ value: FieldValue, _ otherValue: FieldValue) -> Bool {
        switch (comparison, value, otherValue) {
        case (.notBefore, .date(let a), .date(let b)): return !(a < b)
        case (.notAfter, .date(let a), .date(let b)): return !(b < a)
        case (.atLeast, .int(let a), .int(let b)): return a >= b
        case (.atMost, .int(let a), .int(let b)): return a <= b
        default: return true
        }
    }

    /// Checks one record's values, looked up by name with `value` and `location`; `prefix` goes before the
    /// message (a CSV row's "row 3, column ").
    static func check(_ rules: [FieldRule], value: (String) -> FieldValue?, location: (String) -> SourceLocation?,
                      prefix: String = "", log: DiagnosticLog) -> Bool {
        var ok = true
        for rule in rules {
            guard let fieldValue = value(rule.field), let otherValue = value(rule.other), !rule.holds(fieldValue, otherValue),
                  let here = location(rule.field) else { continue }
            let there = location(rule.other).map { $0.file == here.file ? "line \($0.line):\($0.column)" : $0.description } ?? "?"
            log.error(here, "\(prefix)'\(rule.field)' \(fieldValue) \(rule.comparison.violation) '\(rule.other)' \(otherValue) (\(there)); "
                      + "'\(rule.field)' \(rule.comparison.requirement) '\(rule.other)' (rule at \(rule.location))")
            ok = false
        }
        return ok
    }
}
