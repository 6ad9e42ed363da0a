import Foundation
import Synchronization

/// One problem found in the content, reported the way compilers do so editors and CI annotate it.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What the diagnostic says (a message kept in parts is joined when read).
    public var message: String {
        get { text.joined }
        set { text = .whole(newValue) }
    }
    private var text: MessageText
    /// Names a kind of diagnostic that may come by the hundred on a large site (`example-domain`),
    /// so the command line can group them; nil for the rest.
    public var kind: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, kind: String? = nil) {
        self.severity = severity
        self.location = location
        self.text = .whole(message)
        self.kind = kind
    }

    /// A message that is `frame`'s words around `value` in double quotes (`Diagnostic.quoted`), kept as the value
    /// and the shared frame: a warning that comes by the ten thousand on a large site (a link to example.org on
    /// every sample course) then holds no text of its own until it is printed.
    public init(_ severity: Severity, _ location: SourceLocation, quoting value: String, in frame: MessageFrame,
                kind: String? = nil) {
        self.severity = severity
        self.location = location
        self.text = .quoting(value, frame)
        self.kind = kind
    }

    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.location == rhs.location && lhs.kind == rhs.kind && lhs.text.same(as: rhs.text)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(message)
        hasher.combine(kind)
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    /// `path:line:col: error: message`, always one line: a message quoting file text (a parser's complaint)
    /// has its line breaks and other control characters shown escaped, so tools reading line by line see one
    /// diagnostic per line.
    public var description: String { "\(location): \(severity.rawValue): \(Self.oneLine(message))" }

    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += " "
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The same diagnostic with its file path shown under `folder` (the `--source` argument).
    public func relative(to folder: String) -> Diagnostic {
        guard !folder.isEmpty, folder != "." else { return self }
        var copy = self
        copy.location.file = (folder.hasSuffix("/") ? folder : folder + "/") + location.file
        return copy
    }

    /// By location, then severity, then message; a message is joined only when the two before it tie.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}

/// The words of a message around one quoted value (`before "value" after`), made once and shared by every
/// diagnostic that says it about another value.
public final class MessageFrame: Sendable {
    public let before: String
    public let after: String

    public init(before: String, after: String) { self.before = before; self.after = after }
}

/// A diagnostic's message as kept: whole, or a value in a shared frame.
private enum MessageText: Sendable {
    case whole(String)
    case quoting(String, MessageFrame)

    var joined: String {
        switch self {
        case .whole(let text): text
        case .quoting(let value, let frame): frame.before + Diagnostic.quoted(value) + frame.after
        }
    }

    /// Whether both say the same, without joining two values in one frame.
    func same(as other: MessageText) -> Bool {
        if case .quoting(let value, let frame) = self, case .quoting(let otherValue, let otherFrame) = other, frame === otherFrame {
            return value == otherValue
        }
        return joined == other.joined
    }
}

/// Thrown when a build found errors: carries all of them, not just the first.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics from every stage (and from parallel render workers) so a build reports them all at once.
public final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    public init() {}

    public func add(_ diagnostic: Diagnostic) { items.withLock { $0.append(diagnostic) } }

    public func add(contentsOf diagnostics: [Diagnostic]) { items.withLock { $0.append(contentsOf: diagnostics) } }

    public func error(_ location: SourceLocation, _ message: String) { add(.error(location, message)) }
    public func warning(_ location: SourceLocation, _ message: String) { add(.warning(location, message)) }

    /// Sorted and de-duplicated, so output is stable whatever order workers finished in.
    public var all: [Diagnostic] { Array(Set(items.withLock { $0 })).sorted() }

    /// Warnings count as errors under `--strict`.
    public func hasErrors(strict: Bool) -> Bool {
        items.withLock { $0.contains { $0.severity == .error || strict } }
    }
}

extension Diagnostic {
    /// A value as messages show it: in double quotes, inner quotes escaped, so spaces and empty text stay visible.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
