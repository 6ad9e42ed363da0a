import Foundation
import Synchronization

/// A value as templates see it. Page contexts are built as `[String: Any]` and converted once per page,
/// so a lookup while rendering is a dictionary read, not a chain of dynamic casts.
enum TemplateValue: Sendable {
    /// A key present with no value (an `Optional.none`): found, so lookups stop here, but false and empty.
    case null
    case bool(Bool)
    case int(Int)
    /// Text, and any other scalar as its description (a `Double`, a date).
    case text(String)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Mustache truthiness: false, null and the empty list are false; everything else (even "" and 0) is true.
    var isFalsey: Bool {
        switch self {
        case .null: return true
        case .bool(let flag): return !flag
        case .list(let items): return items.isEmpty
        default: return false
        }
    }

    /// What `{{x}}` prints, before escaping.
    var renderedText: String {
        switch self {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return text
        case .list, .object: return ""
        }
    }

    /// The same value for memoisation: scalars by value, objects by identity (then by fields), lists element by element.
    func isSame(as other: TemplateValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.text(let a), .text(let b)): return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSame(as: $1) }
        case (.object(let a), .object(let b)):
            if a === b { return true }
            return a.fields.count == b.fields.count
                && a.fields.allSatisfy { field in b[field.key].map { field.value.isSame(as: $0) } ?? false }
        default: return false
        }
    }
}

/// A mapping in a template context (a page, a card, a fact), kept as a list of pairs: smaller than a
/// dictionary and as fast to search at the sizes templates use.
///
/// An object with a `memoKey` (a record's card item in one language) may be made lazily: its fields are
/// built on first read, so a page whose cards all come from the memo never builds them. A lazy object keeps
/// its builder and then its fields in a Mutex; an eager one holds constant fields and reads them without a lock.
final class TemplateObject: Sendable {
    typealias Fields = [(key: String, value: TemplateValue)]

    /// Names an object whose partials render the same on every page (same key, same fields within a build):
    /// the renderer reuses a rendering after checking that every value it read outside the object is the same.
    let memoKey: String?
    /// The fields of an eager object; nil for a lazy one.
    private let eager: Fields?
    /// A lazy object's builder until the first read, then its fields; unused by an eager object.
    private let lazy: Mutex<Lazy>

    private enum Lazy {
        case unused
        case pending(@Sendable () -> [String: Any])
        case built(Fields)
    }

    init(_ fields: [String: TemplateValue], memoKey: String? = nil) {
        self.eager = fields.map { ($0.key, $0.value) }
        self.lazy = Mutex(.unused)
        self.memoKey = memoKey
    }

    /// Converts each value of a context dictionary.
    init(converting dictionary: [String: Any]) {
        self.eager = dictionary.map { ($0.key, TemplateValue($0.value)) }
        self.lazy = Mutex(.unused)
        self.memoKey = nil
    }

    /// An object whose fields `make` builds when first read.
    init(memoKey: String, lazily make: @escaping @Sendable () -> [String: Any]) {
        self.eager = nil
        self.lazy = Mutex(.pending(make))
        self.memoKey = memoKey
    }

    var fields: Fields {
        if let eager { return eager }
        return lazy.withLock { state in
            switch state {
            case .built(let fields): return fields
            case .pending(let make):
                let made: Fields = make().map { ($0.key, TemplateValue($0.value)) }
                state = .built(made)
                return made
            case .unused: return []
            }
        }
    }

    subscript(name: String) -> TemplateValue? {
        for field in fields where field.key == name { return field.value }
        return nil
    }
}

extension TemplateValue {
    /// Converts a context built from dictionaries, arrays and scalars. Values that are already converted
    /// (cached card items) are taken as they are.
    init(_ any: Any) {
        switch any {
        case let value as TemplateValue: self = value
        case let text as String: self = .text(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let dictionary as [String: Any]: self = .object(TemplateObject(converting: dictionary))
        case let objects as [[String: Any]]: self = .list(objects.map { .object(TemplateObject(converting: $0)) })
        case let texts as [String]: self = .list(texts.map(TemplateValue.text))
        case let values as [TemplateValue]: self = .list(values)
        case let items as [Any]: self = .list(items.map(TemplateValue.init))
        case let object as TemplateObject: self = .object(object)
        default: self = Self.reflecting(any)
        }
    }

    /// Optionals unwrapped, structs by their stored properties, anything else by its description.
    private static func reflecting(_ any: Any) -> TemplateValue {
        let mirror = Mirror(reflecting: any)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return .null }
            return TemplateValue(wrapped)
        case .struct, .class:
            var fields: [String: TemplateValue] = [:]
            for child in mirror.children { if let label = child.label { fields[label] = TemplateValue(child.value) } }
            return .object(TemplateObject(fields))
        case .collection, .set:
            return .list(mirror.children.map { TemplateValue($0.value) })
        default:
            return .text(String(describing: any))
        }
    }
}
