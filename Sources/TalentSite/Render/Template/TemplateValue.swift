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
            let (fields, others) = (a.fields, b.fields)
            return fields.count == others.count && fields.allSatisfy { field in
                b[TemplateKey(field.key)].map { field.value.isSame(as: $0) } ?? false
            }
        default: return false
        }
    }
}

extension TemplateValue {
    /// Converts a context built from dictionaries, arrays and scalars. Values that are already converted
    /// (cached card items) are taken as they are.
    init(_ any: Any) {
        // The common exact types first, each checked by its type's identity: a chain of failed casts costs more.
        let type = type(of: any)
        if type == String.self, let text = any as? String { self = .text(text); return }
        if type == TemplateValue.self, let value = any as? TemplateValue { self = value; return }
        if type == [String: Any].self, let dictionary = any as? [String: Any] {
            self = .object(TemplateObject(converting: dictionary)); return
        }
        if type == Bool.self, let flag = any as? Bool { self = .bool(flag); return }
        if type == Int.self, let number = any as? Int { self = .int(number); return }
        if type == [[String: Any]].self, let objects = any as? [[String: Any]] {
            self = .list(objects.map { .object(TemplateObject(converting: $0)) }); return
        }
        // Element by element, which is what the chain's casts of a whole `[Any]` (to `[[String: Any]]`, `[String]`,
        // `[TemplateValue]`) amount to: each succeeds only where every element converts the same way on its own.
        if type == [Any].self, let items = any as? [Any] { self = .list(items.map { TemplateValue($0) }); return }
        if type == [TemplateValue].self, let values = any as? [TemplateValue] { self = .list(values); return }
        if type == [String].self, let texts = any as? [String] { self = .list(texts.map(TemplateValue.text)); return }
        // What the chain makes of these after a bridging cast or a reflection: a dictionary of texts (a link written
        // as a literal) is an object of texts; an optional text is its text, or null.
        if type == [String: String].self, let texts = any as? [String: String] {
            self = .object(TemplateObject(fields: texts.map { (key: $0.key, value: .text($0.value)) })); return
        }
        if type == String?.self, let text = any as? String? { self = text.map(TemplateValue.text) ?? .null; return }
        self.init(casting: any)
    }

    /// Any other value, by the first cast that fits.
    private init(casting any: Any) {
        switch any {
        case let value as TemplateValue: self = value
        case let text as String: self = .text(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let dictionary as [String: Any]: self = .object(TemplateObject(converting: dictionary))
        case let objects as [[String: Any]]: self = .list(objects.map { .object(TemplateObject(converting: $0)) })
        case let texts as [String]: self = .list(texts.map(TemplateValue.text))
        case let values as [TemplateValue]: self = .list(values)
        case let items as [Any]: self = .list(items.map { TemplateValue($0) })
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
