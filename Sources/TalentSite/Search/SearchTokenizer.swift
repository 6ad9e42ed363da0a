/// The one tokenizer of the search index, mirrored line for line by `templates/static/search.js`
/// and held to the same test vectors (`Tests/Fixtures/search/tokenizer-vectors.json`), so what the
/// index stores and what the browser looks up can never drift apart.
///
/// - Full-width ASCII (`２０２６`, `ＡＩ`) folds to half-width, the ideographic space to a space,
///   everything is lower-cased, and variant characters fold to one form (臺 → 台, `SearchVariants`).
/// - Chinese (Han, kana, bopomofo) has no spaces: a run of it is indexed as every character and every
///   overlapping pair (`機器視覺` → 機 機器 器 器視 視 視覺 覺). A query uses the pairs (the single
///   character when it has only one), so any page holding the query's characters in sequence matches.
/// - Latin letters and digits form words, with a light English stemmer (`courses` → `course`,
///   `training` → `train`).
public enum SearchTokenizer {
    /// Terms of a page's text, in order of appearance (with repeats, for term frequencies).
    public static func indexTerms(_ text: String) -> [String] { terms(text, query: false) }

    /// Terms a query must all match.
    public static func queryTerms(_ text: String) -> [String] {
        var seen = Set<String>()
        return terms(text, query: true).filter { seen.insert($0).inserted }
    }

    /// The terms, read by `SearchTermScanner` (over UTF-8, folding through `SearchFolding.table`); the tests hold
    /// it to a plain scalar-by-scalar reading of the rules above.
    private static func terms(_ text: String, query: Bool) -> [String] {
        struct Collect: SearchTermSink {
            var terms: [String] = []
            mutating func take(_ term: UnsafeBufferPointer<UInt8>, stable: Bool) {
                terms.append(String(decoding: term, as: UTF8.self))
            }
        }
        var collect = Collect()
        SearchTermScanner.scan(text, query: query, into: &collect)
        return collect.terms
    }

    /// Full-width ASCII to half-width, ideographic space to space, then lower case, then variant characters.
    static func folded(_ text: String) -> String.UnicodeScalarView {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        var result = String.UnicodeScalarView()
        for scalar in String(out).lowercased().unicodeScalars { result.append(SearchVariants.table[scalar] ?? scalar) }
        return result
    }

    /// Whether `term` is a Latin word (letters and digits), the kind a typed prefix can be expanded to.
    static func isWord(_ term: String) -> Bool {
        !term.isEmpty && term.unicodeScalars.allSatisfy(isWordCharacter)
    }

    static func isWord(_ term: ArraySlice<UInt8>) -> Bool { isWord(String(decoding: term, as: UTF8.self)) }

    /// The last word of a query still being typed (`semicond` in `green semicond`), folded but not stemmed,
    /// or nil when the query ends in a space, in Chinese, with a single letter or with a number (`第12期`).
    public static func typedPrefix(_ query: String) -> String? {
        let scalars = Array(folded(query))
        guard let last = scalars.last, isWordCharacter(last) else { return nil }
        var start = scalars.count - 1
        while start > 0 && isWordCharacter(scalars[start - 1]) { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start...]))
        let hasLetter = word.unicodeScalars.contains { !(0x30...0x39).contains($0.value) }
        return word.unicodeScalars.count >= 2 && hasLetter ? word : nil
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3007, 0x3040...0x30FF, 0x3100...0x312F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return true
        case 0xC0...0x24F: return scalar.value != 0xD7 && scalar.value != 0xF7
        default: return false
        }
    }

    /// A few suffix rules, enough for plurals and -ing/-ed forms; digits-only words are left alone.
    static func stem(_ word: String) -> String {
        var w = word
        guard w.count > 3, w.unicodeScalars.allSatisfy({ !(0x30...0x39).contains($0.value) }) else { return w }
        if w.hasSuffix("ies") && w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("sses") {
            w = String(w.dropLast(2))
        } else if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") {
            w = String(w.dropLast())
        }
        if w.hasSuffix("ing") && w.count >= 6 {
            w = String(w.dropLast(3))
        } else if w.hasSuffix("ed") && w.count >= 6 {
            w = String(w.dropLast(2))
        }
        return w
    }
}
