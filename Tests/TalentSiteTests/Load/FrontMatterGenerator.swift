/// Front matter made of YAML's awkward pieces, the same on every run (a seeded SplitMix64), for tests that hold
/// the flat reader to Yams.
struct FrontMatterGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func next() -> UInt64 { random.next() }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[Int(next() % UInt64(choices.count))] }

    static let keys = ["title", "date", "a-b", "x.y", "時數", "_k", "2024", "k k", "k：v", "-k", " k", "é", "k", "summary", "null",
                       "provider", "hours", "industries", "fee", "seats", "start", "end", "region", "kind"]
    static let separators = [":", ": ", ":  ", ": ", ": ", ":\t", " : ", "：", ": ", ": ", ": ", ": "]
    /// Pieces of text, YAML's indicators and escapes among them.
    static let pieces = ["a", "1", "-", "#", " #", " ", "\"", "'", "''", "\\", "\\n", "\\\"", "\\x41", "\\u00e9", "\\0", ":", ": ",
                         ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~", "雲", "é", "\u{3000}",
                         "\u{FF1A}", "\t", "null", "true", "2024-01-01", "https://x.org", "  ", "\u{85}", "\u{1}", "\\/", "\\_"]

    /// Plain words, and YAML's awkward pieces one time in four.
    static let words = ["a", "b", "1", "x y", "雲端", "é", "2026-01-01", "-", " "]

    mutating func text(_ length: Int) -> String {
        (0..<length).map { _ in next() % 4 == 0 ? pick(Self.pieces) : pick(Self.words) }.joined()
    }

    mutating func scalar() -> String {
        let text = self.text(Int(next() % 5))
        switch next() % 6 {
        case 0: return "\"" + text + "\""
        case 1: return "'" + text + "'"
        case 2: return pick(["a", "x y", "2026-01-01", "120", "-3", "é", "https://x.org/a#b", "~"])
        default: return text
        }
    }

    mutating func value() -> String {
        switch next() % 8 {
        case 0: return "[" + (0..<Int(next() % 4)).map { _ in scalar() }.joined(separator: pick([", ", ",", " , "])) + "]"
        case 1:
            let pairs = (0..<Int(next() % 3)).map { _ in pick(["a", "b", "k k", "c"]) + pick([": ", ":"]) + scalar() }
            return "{" + pairs.joined(separator: ", ") + "}"
        default: return scalar()
        }
    }

    mutating func line() -> String {
        switch next() % 12 {
        case 0: return pick(["", "  ", "# note", "  # note", "#"])
        case 1: return "  " + value()
        default:
            let comment = next() % 6 == 0 ? pick([" # c", "# c", "  #"]) : ""
            return pick(Self.keys) + pick(Self.separators) + value() + comment
        }
    }

    mutating func document() -> String {
        (0..<(1 + Int(next() % 4))).map { _ in line() }.joined(separator: "\n") + pick(["", "\n"])
    }
}
