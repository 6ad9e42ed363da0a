/// The dates that move a record through its life (a course: applications, start, end), declared in
/// `_section.yaml` as `lifecycle: {apply_until: apply_until, start: start, end: end}`, so the build can tell
/// a citizen on any day whether a course still takes applications, has started, or is over.
public struct Lifecycle: Sendable, Equatable {
    /// The date field of the last day applications are taken; when absent or unset, the day before `start`.
    public var applyUntil: String?
    /// The date field of the first day.
    public var start: String
    /// The date field of the last day; without it a started record stays in progress.
    public var end: String?

    public init(applyUntil: String? = nil, start: String, end: String? = nil) {
        self.applyUntil = applyUntil; self.start = start; self.end = end
    }

    /// Where a record stands on a day, in the order lists show them.
    public enum Status: Int, Sendable, Comparable, CaseIterable {
        /// Taking applications (招生中): through `apply_until`, or until the day before `start`.
        case open
        /// Applications closed, not started yet (報名截止).
        case closed
        /// Started, not yet over (已開課): from `start` through `end`.
        case inProgress
        /// Over (已結訓): after `end`.
        case ended

        /// The stable name used in class names, search filters, feeds and open data.
        public var key: String {
            switch self {
            case .open: return "open"
            case .closed: return "closed"
            case .inProgress: return "in-progress"
            case .ended: return "ended"
            }
        }

        /// The UI string naming the status (`templates/i18n/*.yaml`).
        public var stringKey: String { "status_" + key.replacingOccurrences(of: "-", with: "_") }

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The status of `record` on `day`. A record without a start date, or a build without a day, counts as open.
    public func status(of record: Record, on day: Day?) -> Status {
        guard let day, let start = record.fields[start]?.day else { return .open }
        let lastApplicationDay = applyUntil.flatMap { record.fields[$0]?.day } ?? start.previous
        if day <= lastApplicationDay { return .open }
        if day < start { return .closed }
        if let end = end.flatMap({ record.fields[$0]?.day }), end < day { return .ended }
        return .inProgress
    }
}
