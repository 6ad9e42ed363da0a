import Testing
@testable import TalentSite

/// `JSONValue.quote` copies unescaped runs of UTF-8 bytes whole; these check it against the escaping rules
/// scalar by scalar (as it was written before), on every kind of character it treats specially.
struct JSONQuoteTests {
    /// The reference: each scalar escaped or copied on its own.
    private func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test(arguments: [
        "", "plain ascii", "中文標題：智慧機械", "quote \" and backslash \\ end\\", "\n\r\t\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
        "</script><script>alert(1)</script>", "a & b > c < d", "line\u{2028}sep\u{2029}para", "\u{2028}", "\u{2029}end",
        "\u{2027}\u{202A}\u{2020}—…", "emoji 👩‍💻 and é (e\u{301})", "trailing \u{E2}", "\"", "\\", "<",
    ])
    func quoteAgreesWithTheScalarRules(_ text: String) {
        #expect(JSONValue.string(text).serialized == reference(text))
    }

    @Test func everyBMPPunctuationAndControlScalarAgrees() {
        var text = ""
        for value in UInt32(0)...0x2100 { if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) } }
        for value in UInt32(0x2000)...0x2FFF { if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) } }
        #expect(JSONValue.string(text).serialized == reference(text))
    }

    @Test func scriptCannotBeClosedAndKeysAreQuotedToo() {
        let value = JSONValue.object([("</script>", .array([.string("x</script>"), .number(-3), .bool(true), .null]))])
        #expect(value.serialized == #"{"\u003c/script\u003e":["x\u003c/script\u003e",-3,true,null]}"#)
    }
}
