/// A JSON value with object keys kept in the order given, serialised deterministically and safe to
/// place inside an HTML `<script>` element (`<`, `>`, `&` and the JS line separators are escaped).
enum JSONValue: Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])
    case null

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized == b.serialized }

    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .number(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.quote(member.0, into: &out)
                out += ":"
                member.1.write(to: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension JSONValue {
    /// A field value as JSON, the one mapping JSON-LD and open data share: numbers and booleans as such,
    /// dates as ISO text, lists as arrays; a key or reference as `label` names it (its raw key or slug by default).
    init(_ value: FieldValue, label: ((FieldValue) -> String)? = nil) {
        switch value {
        case .int(let number): self = .number(number)
        case .bool(let flag): self = .bool(flag)
        case .date(let day): self = .string(day.iso)
        case .text(let text), .url(let text): self = .string(text)
        case .key(let raw), .ref(let raw): self = .string(label?(value) ?? raw)
        case .list(let items): self = .array(items.map { JSONValue($0, label: label) })
        }
    }
}
