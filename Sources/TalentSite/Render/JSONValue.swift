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
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes UTF-8 bytes: JSON-LD is built for every page, and byte appends cost far less than String ones.
    func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .number(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(member.0, into: &out)
                out.append(UInt8(ascii: ":"))
                member.1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `text` as a JSON string. Runs of bytes that need no escape are copied whole; an escape is needed for `"`, `\`,
    /// control characters, `<`, `>`, `&` (so `</script>` cannot close the element) and U+2028/U+2029 (E2 80 A8/A9),
    /// which end a line in older JavaScript.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let width: Int
                switch byte {
                case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    width = 1
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    width = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                case 0xE2: unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
                default: unicodeEscape(UInt32(byte), into: &out)
                }
                index += width
                run = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lowercase hex digits.
    private static func unicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
        out.append(contentsOf: #"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
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
