import Testing
@testable import TalentSite

/// The flat front-matter reader must give exactly Yams' nodes (text, quoting, positions) for what it reads,
/// and leave everything else (nesting, block scalars, anchors, errors…) to Yams.
@Suite struct FlatYAMLReaderTests {
    /// What Yams (through `YAMLSource`, with its own checks) makes of `yaml`: the node, or its error.
    static func yams(_ yaml: String) -> Result<[UInt8], Diagnostic> {
        YAMLSource(file: "f.md", lineOffset: 0).parse(yaml).map { YAMLNodeDescription.of($0) }
    }

    static func flat(_ yaml: String) -> FlatYAMLNode? { FlatYAMLReader.read(Substring(yaml)) }

    /// Read by the flat reader, and read the same by Yams.
    static let flatCases = [
        "title: x\ndate: 2024-01-01",
        "title: x\ndate: 2024-01-01\n",
        "\n\n  \ntitle: x\n\n",
        "# comment\ntitle: x # trailing\n  # indented comment\n#\ndate: 1",
        "key:",
        "key:\nnext: 1",
        "key:   # only a comment\nnext: 1",
        "key: ~\nb: null\nc: NULL\nd: Null",
        "title: \"a\\\"b\\\\c\\n\\t\\u00e9\\x41\\U0001F600 \\/ \\_ \\N \\L \\P \\e \\a \\b \\v \\f \\r \\ \"",
        "title: \"\\x85\\u2028\\uFEFF\\x7F\\U0010FFFF\"",
        "title: 'it''s'\nb: ''\nc: \"\"\nd: 'a''''b'\ne: '\\n'",
        "title: \"  spaced  \"\nb: '  x '",
        "title: 雲端 課程\n時數: 120\n開課日期: x",
        "apply_url: https://x.org/a?b=c#frag\nb: a:b\nc: C# and F#",
        "title: a  b   \nb: a [b] {c}, d\nc: a, b\nd: it's \"so\"",
        "title: --- x\nb: -5\nc: -a\nd: ---\ne: --",
        "x: 1e3\ny: 0x1F\nz: yes\nw: .inf\nv: =\nu: ~x\nt: a&b*c!d|e>f%g@h`i",
        "zh-TW: x\na.b: c\n_x: y\n2024: y\nk-: z",
        "title: \"x\"   # comment\nb: 'y' # c\nc: [a]  # c\nd: {a: b} #",
        "k: [a, \"b\", 'c', 2024-01-01]\nl: []\nm: [ a , b ]\nn: [\"x, y\"]\no: [a b,  c  d ]\np: [ ]",
        "k: [雲, \"端\", 'é']\n時數: [x]\né: \"y\"",
        "translated_from: {body: ffad7bb74879b05d, title: 66454bc8a2a5db93}\nm: {}\nn: { a: \"x\" , b: 'y' }",
        "k: ['it''s', \"a\\\"b\", \"\\u00e9\"]",
        "k: [-1, a-b, \"-\"]\nl: {a: -1}",
        "title: \"\\u3000全形　空白\"\nb: x：y",
        "title: \"a\" \nb: 'b'  ",
        "k: [a , b ]\nl: {a: b , c: d }",
        "a: #x\nb: #",
    ]

    /// Left to Yams: the reader is not sure, or Yams reports an error.
    static let yamsCases = [
        "", "\n\n", "# only a comment", "   ",
        "title:\tx", "title: x\t", "title: \"a\tb\"", "\ttitle: x",
        "summary: |\n  text", "summary: >-\n  a\n  b", "summary: |", "summary: >",
        "title: a\n  b", "title: \"a\n  b\"", "title: 'a\n  b'",
        "a:\n  b: c", "list:\n- a\n- b", "list:\n  - a", " a: 1", "  a: 1\n  b: 2",
        "a: &x 1\nb: *x", "c: !!str 1", "d: !tag x", "a: &x [1]",
        "a: 1\na: 2", "m: {a: 1, a: 2}", "title: x\ndate: 1\ntitle: y",
        "a: b: c", "a: b:", "a: \"unclosed", "a: 'unclosed", "a: [1, 2", "a: {x: 1", "a: \"x\" y", "a: 'x'y",
        "a: \"x\"#c", "a: [a]b", "a: [a]#c",
        "a: [a, ]", "a: [, a]", "a: [a,,b]", "a: {x: 1, }", "a: {x: }", "a: {x}",
        "a: @x", "a: `x", "a: %x", "a: |x", "a: >x", "a: !x", "a: &x", "a: *x", "a: ?x", "a: :x", "a: ,x", "a: ]x", "a: }x", "開課 日期: x", "o: {a: [b]}",
        "- a", "just text", "seats：30", "seats　30", "key：value\ndate: 1", "　title: x",
        "a:b", "a :b", "a: - b", "a: -", "a: ? b", "a:#b", "-a: 1", ".a: 1", "\"a\": 1", "'a': 1", "[a]: 1", "? a\n: b",
        "title: \"\\0\"", "title: \"\\x00\"", "title: \"\\u0000\"", "title: \"\\q\"", "title: \"\\uD800\"",
        "title: \"\\U00110000\"", "title: \"\\xZZ\"", "title: \"\\x4\"", "title: \"abc\\", "title: \"abc\\\"",
        "title: \"\\'\"",
        "a: x\u{85}y", "a: x\u{2028}y", "a: x\u{2029}y", "a: \u{FEFF}x", "\u{FEFF}a: x", "a: x\u{FFFE}", "a: x\u{7F}", "a: x\u{1}",
        "a: x\u{80}", "a: x\u{9F}", "a: x\r", "a: \"x\u{1B}\"",
        "...", "--- x", "%YAML 1.1", "a: 1\n...", "a: 1\n---\nb: 2",
        "a: [[1]]", "a: [{x: 1}]", "a: {x: {y: 1}}", "a: [a: b]", "a: [a#b]", "a: [https://x]", "a: {x:1}", "a: {\"x\": 1}",
        "a: [a\n, b]", "a: [\n]", "a: {\n}",
        String(repeating: "k", count: 129) + ": 1", "k: {" + String(repeating: "k", count: 129) + ": 1}",
        "a: [?x]", "a: [-]", "a: [- x]", "a: {-: x}", "a: [&x 1]", "a: [!t 1]",
    ]

    @Test(arguments: flatCases) func flatReaderReadsAsYamsDoes(_ yaml: String) throws {
        let flat = try #require(Self.flat(yaml), "the flat reader should read \(yaml.debugDescription)")
        #expect(Self.yams(yaml) == .success(YAMLNodeDescription.of(flat)), "\(yaml.debugDescription)")
    }

    @Test(arguments: yamsCases) func leftToYams(_ yaml: String) {
        #expect(Self.flat(yaml) == nil, "\(yaml.debugDescription) should be left to Yams")
    }

    @Test func theLongestKeyItTakesIsWellWithinLibyamlsLimit() throws {
        let yaml = String(repeating: "k", count: 128) + ": 1"
        let flat = try #require(Self.flat(yaml))
        #expect(Self.yams(yaml) == .success(YAMLNodeDescription.of(flat)))
    }

    /// Thousands of generated documents made of YAML's awkward characters: whenever the flat reader takes
    /// one, Yams reads it without error and to the same nodes.
    @Test func generatedDocumentsAgreeWithYams() {
        var generator = FrontMatterGenerator(seed: 20261207)
        var taken = 0, total = 0
        for _ in 0..<20_000 {
            let yaml = generator.document()
            total += 1
            guard let flat = Self.flat(yaml) else { continue }
            taken += 1
            let expected = Self.yams(yaml)
            #expect(expected == .success(YAMLNodeDescription.of(flat)), "\(yaml.debugDescription)")
            if expected != .success(YAMLNodeDescription.of(flat)) { break }
        }
        // Both kinds are well represented, so the agreement above means something.
        #expect(taken > total / 10, "\(taken) of \(total) read by the flat reader")
        #expect(taken < total * 4 / 5, "\(taken) of \(total) read by the flat reader")
    }
}
