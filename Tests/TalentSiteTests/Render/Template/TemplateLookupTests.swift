import Foundation
import Testing
@testable import TalentSite

/// Lookups compare precomputed key hashes and large objects use a hash index: both must find exactly what a
/// plain search with String `==` finds, and conversion by exact type must give what the cast chain gives.
@Suite struct TemplateLookupTests {
    private func render(_ template: String, _ data: [String: Any], partials: [String: String] = [:]) throws -> String {
        try TemplateSpecTests.render(template, data, partials: partials)
    }

    /// What `TemplateObject` lookups replaced: the first field whose key is `==`.
    private func plainSearch(_ fields: [(key: String, value: TemplateValue)], _ name: String) -> TemplateValue? {
        fields.first { $0.key == name }?.value
    }

    @Test(arguments: [0, 1, 5, 12, 13, 40, 117, 300])
    func indexedAndLinearTablesAgreeWithAPlainSearch(size: Int) {
        let pairs = (0..<size).map { (key: "key_\($0 * 7)", value: TemplateValue.int($0)) }
        let table = TemplateTable(pairs: pairs)
        let names = (0..<(size * 8 + 10)).map { "key_\($0)" } + ["", "key", "KEY_0", "key_0 ", "鍵"]
        for name in names {
            let found = table[TemplateKey(name)], expected = plainSearch(pairs, name)
            #expect(found.isSame(as: expected), "\(name) in \(size) fields")
        }
    }

    @Test func theFirstOfTwoEqualKeysIsFoundInBothKindsOfTable() {
        for size in [4, 30] {
            var pairs = (0..<size).map { (key: "k\($0)", value: TemplateValue.int($0)) }
            pairs.append((key: "k1", value: .text("second")))
            pairs.append((key: "K\u{301}", value: .text("decomposed")))
            pairs.append((key: "\u{1E30}", value: .text("precomposed")))
            let table = TemplateTable(pairs: pairs)
            #expect(table[TemplateKey("k1")].isSame(as: .int(1)))
            // "K" + combining acute is `==` to U+1E30: the first of the two is found, whichever form is asked.
            #expect(table[TemplateKey("\u{1E30}")].isSame(as: .text("decomposed")))
            #expect(table[TemplateKey("K\u{301}")].isSame(as: .text("decomposed")))
        }
    }

    @Test func canonicallyEquivalentNamesHashAlike() {
        #expect(TemplateKey("\u{212A}") == TemplateKey("K"))  // the Kelvin sign is `==` to K
        #expect(TemplateKey("caf\u{E9}").hash == TemplateKey("cafe\u{301}").hash)
        #expect(TemplateKey("職業") != TemplateKey("職訓"))
        let object = TemplateObject(["\u{212A}": .text("kelvin"), "名稱": .text("名")])
        #expect(object["K"]?.renderedText == "kelvin")
        #expect(object["名稱"]?.renderedText == "名")
    }

    @Test func dottedNamesThroughLargeAndSmallObjects() throws {
        var strings: [String: Any] = [:]
        for index in 0..<117 { strings["s\(index)"] = "text \(index)" }
        let data: [String: Any] = ["t": strings, "a": ["b": ["c": "deep"]], "items": [["x": "1"], ["x": "2", "t": ["s5": "inner"]]]]
        #expect(try render("{{t.s0}}|{{t.s116}}|{{t.s117}}|{{a.b.c}}|{{a.b.d}}|{{a.x.c}}", data) == "text 0|text 116||deep||")
        #expect(try render("{{#items}}[{{x}}:{{t.s5}}]{{/items}}", data) == "[1:text 5][2:inner]")
        #expect(try render("{{#a}}{{#b}}{{c}}{{.c}}{{/b}}{{/a}}", data) == "deepdeep")
        #expect(try render("{{#a.b}}{{c}}{{/a.b}}{{^a.b}}none{{/a.b}}{{^a.z}}none{{/a.z}}", data) == "deepnone")
    }

    @Test func invertedSectionsAndPartialsWithKeyedLookups() throws {
        let data: [String: Any] = ["empty": [Any](), "no": false, "yes": true, "list": [["n": "a"], ["n": "b"]], "n": "outer"]
        #expect(try render("{{^empty}}E{{/empty}}{{^no}}N{{/no}}{{^yes}}Y{{/yes}}{{^missing}}M{{/missing}}", data) == "ENM")
        #expect(try render("{{#list}}{{>item}}{{/list}}{{>item}}", data, partials: ["item": "<{{n}}>"]) == "<a><b><outer>")
    }

    @Test func conversionByExactTypeMatchesTheCastChain() throws {
        let optional: String? = "opt"
        let none: String? = nil
        let data: [String: Any] = [
            "text": "<a>", "sub": "sub<b>"[...], "flag": true, "off": false, "int": 42, "double": 1.5,
            "optional": optional as Any, "none": none as Any, "value": TemplateValue.text("v"),
            "dict": ["k": "v"] as [String: Any], "stringDict": ["k": "s"], "dicts": [["k": "1"], ["k": "2"]],
            "strings": ["x", "y"], "anys": ["p", 3, ["k": "q"]] as [Any], "values": [TemplateValue.int(7)],
        ]
        let template = "{{text}}|{{sub}}|{{flag}}|{{off}}|{{int}}|{{double}}|{{optional}}|[{{none}}]{{^none}}N{{/none}}|{{value}}|"
            + "{{dict.k}}|{{stringDict.k}}|{{#dicts}}{{k}}{{/dicts}}|{{#strings}}{{.}}{{/strings}}|{{#anys}}({{.}}{{k}}){{/anys}}|{{#values}}{{.}}{{/values}}"
        #expect(try render(template, data) == "&lt;a&gt;|sub&lt;b&gt;|true|false|42|1.5|opt|[]N|v|v|s|12|xy|(p)(3)(q)|7")
    }

    @Test func arraysOfAnyConvertElementByElementAsTheWholeArrayCastsDid() throws {
        let some: String? = "o"
        let none: String? = nil
        let data: [String: Any] = [
            "allDicts": [["k": "a"], ["k": "b"]] as [Any], "allStrings": ["x", "y"] as [Any], "empty": [Any](),
            "optionals": [some as Any, none as Any, "p"] as [Any], "values": [TemplateValue.int(1), TemplateValue.bool(false)] as [Any],
            "nested": [[["k": "n"]] as [Any], ["s"]] as [Any], "emptyValues": [TemplateValue](), "emptyStrings": [String](),
        ]
        let template = "{{#allDicts}}{{k}}{{/allDicts}}|{{#allStrings}}{{.}}{{/allStrings}}|{{^empty}}E{{/empty}}|"
            + "{{#optionals}}[{{.}}]{{/optionals}}|{{#values}}({{.}}){{/values}}|{{#nested}}<{{#.}}{{k}}{{.}}{{/.}}>{{/nested}}|"
            + "{{^emptyValues}}V{{/emptyValues}}{{^emptyStrings}}S{{/emptyStrings}}"
        #expect(try render(template, data) == "ab|xy|E|[o][][p]|(1)(false)|<n><s>|VS")
    }

    /// The byte-by-byte escaping of before, kept here as the reference.
    private func referenceEscape(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    @Test func escapingAgreesWithTheReferenceOnEveryAsciiByteAndNonAscii() {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        var samples = ["", "plain", "&", "<>", "\"'", "a&b<c>d\"e'f", "&&&&", "中文&「引號」'", "e\u{301}'\u{301}\"", "🙂<🙂>", ascii, ascii + "中" + ascii]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "&", "<", ">", "\"", "'", "é", "中", "🙂", " ", "\n", "amp;"]
        for _ in 0..<200 { samples.append((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()) }
        for sample in samples {
            var out: [UInt8] = [1, 2]
            HTMLEscape.append(sample, to: &out)
            #expect(out == [1, 2] + referenceEscape(sample), "\(sample.debugDescription)")
        }
    }
}
