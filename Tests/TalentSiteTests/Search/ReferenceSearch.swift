import Foundation
@testable import TalentSite

/// The search index's previous, straightforward code (String per term, Dictionary<String, …> counts,
/// `String.lowercased()` on the whole text), kept here as the reference the byte-level fast paths must equal.
enum ReferenceSearch {
    static func indexTerms(_ text: String) -> [String] { terms(text, query: false) }

    static func queryTerms(_ text: String) -> [String] {
        var seen = Set<String>()
        return terms(text, query: true).filter { seen.insert($0).inserted }
    }

    static func terms(_ text: String, query: Bool) -> [String] {
        var result: [String] = []
        var word = ""
        var han: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty { result.append(stem(word)); word = "" }
        }
        func string(_ scalars: Unicode.Scalar...) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
        func flushHan() {
            if han.count == 1 {
                result.append(string(han[0]))
            } else {
                for index in han.indices {
                    if !query { result.append(string(han[index])) }
                    if index + 1 < han.count { result.append(string(han[index], han[index + 1])) }
                }
            }
            han.removeAll(keepingCapacity: true)
        }
        for scalar in SearchTokenizer.folded(text) {
            if SearchTokenizer.isHan(scalar) {
                flushWord()
                han.append(scalar)
            } else if SearchTokenizer.isWordCharacter(scalar) {
                flushHan()
                word.unicodeScalars.append(scalar)
            } else {
                flushWord()
                flushHan()
            }
        }
        flushWord()
        flushHan()
        return result
    }

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

    /// A document's distinct terms and weights as `SearchDocument` counted them (String keys: canonical equivalence).
    static func documentTerms(text: String, title: String) -> (terms: [String: UInt32], length: Int) {
        let all = indexTerms(text)
        var counts: [String: Int] = [:]
        for term in all { counts[term, default: 0] += 1 }
        let titleTerms = Set(indexTerms(title))
        var weights: [String: UInt32] = [:]
        for (term, count) in counts {
            weights[term] = UInt32(clamping: count) &<< 1 | (titleTerms.contains(term) ? 1 : 0)
        }
        return (weights, all.count)
    }

    /// The term shards and prefix shards as the builder wrote them, from reference documents in order.
    static func shards(_ documents: [(terms: [String: UInt32], length: Int)]) -> (shards: [[UInt8]], prefixes: [[UInt8]]) {
        let k1 = SearchIndexBuilder.k1, b = SearchIndexBuilder.b
        let averageLength = max(1, Double(documents.reduce(0) { $0 + $1.length }) / Double(max(1, documents.count)))
        var postings: [String: [(doc: Int32, weight: UInt32)]] = [:]
        for (doc, document) in documents.enumerated() {
            for (term, weight) in document.terms { postings[term, default: []].append((Int32(doc), weight)) }
        }
        let count = Double(documents.count)
        var encoded: [String: String] = [:]
        var totalBytes = 0
        for (term, list) in postings {
            let df = Double(list.count)
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            var previous = 0
            var numbers: [String] = []
            for posting in list {
                let doc = Int(posting.doc)
                let tf = Double(posting.weight >> 1)
                let norm = tf + k1 * (1 - b + b * Double(documents[doc].length) / averageLength)
                let score = max(1, Int((idf * tf * (k1 + 1) / norm * 100).rounded()))
                numbers.append(String(doc - previous))
                numbers.append(String(score * 2 + Int(posting.weight & 1)))
                previous = doc
            }
            let text = "[" + numbers.joined(separator: ",") + "]"
            encoded[term] = text
            totalBytes += text.utf8.count + term.utf8.count + 4
        }
        var shardCount = 1
        while shardCount < SearchIndexBuilder.maxShards && totalBytes / shardCount > SearchIndexBuilder.shardTarget { shardCount *= 2 }
        var shardTerms = [[String]](repeating: [], count: shardCount)
        for term in encoded.keys { shardTerms[Int(FNV1a.hash32(term.utf8) % UInt32(shardCount))].append(term) }
        let shards = shardTerms.map { terms in
            let body = terms.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
                .map { JSONValue.string($0).serialized + ":" + encoded[$0]! }.joined(separator: ",")
            return Array(("{" + body + "}").utf8)
        }
        let words = postings.mapValues(\.count).filter { $0.key.unicodeScalars.count >= 2 && SearchTokenizer.isWord($0.key) }
        let total = words.reduce(0) { $0 + $1.key.utf8.count + 8 }
        var prefixCount = 1
        while prefixCount < 256 && total / prefixCount > SearchIndexBuilder.shardTarget { prefixCount *= 2 }
        var buckets = [[String]](repeating: [], count: prefixCount)
        for word in words.keys { buckets[Int(FNV1a.hash32(SearchIndexBuilder.prefixKey(word).utf8) % UInt32(prefixCount))].append(word) }
        let prefixes = buckets.map { bucket in
            Array(("{" + bucket.sorted().map { JSONValue.string($0).serialized + ":" + String(words[$0]!) }.joined(separator: ",") + "}").utf8)
        }
        return (shards, prefixes)
    }

    /// Fragment chunks as joined from `String` fragments.
    static func chunks(_ fragments: [String]) -> (chunks: [[UInt8]], counts: [Int]) {
        var chunks: [[UInt8]] = [], counts: [Int] = []
        let total = fragments.reduce(0) { $0 + $1.utf8.count + 1 }
        let target = min(SearchFragmentChunks.maximumBytes, max(SearchFragmentChunks.minimumBytes, total / SearchFragmentChunks.chunkCount))
        var current: [String] = []
        var size = 0
        func close() {
            guard !current.isEmpty else { return }
            chunks.append(Array(("[" + current.joined(separator: ",") + "]").utf8))
            counts.append(current.count)
            current = []
            size = 0
        }
        for fragment in fragments {
            let bytes = fragment.utf8.count + 1
            if !current.isEmpty && size + bytes > target { close() }
            current.append(fragment)
            size += bytes
        }
        close()
        return (chunks, counts)
    }

    /// `VisibleText`'s previous white-space squeeze by scalars (nil: a white-space scalar may join a neighbour).
    static func squeezedScalars(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var previousSafe = true
        var afterSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                guard previousSafe else { return nil }
                if !out.isEmpty { pendingSpace = true }
                afterSpace = true
                previousSafe = true
                continue
            }
            let safe: Bool
            switch scalar.value {
            case 0..<0x300, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: safe = true
            default: safe = false
            }
            if afterSpace && !safe { return nil }
            afterSpace = false
            previousSafe = safe
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    static func squeezed(_ text: String) -> String {
        squeezedScalars(text) ?? text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Seeded mixed texts for comparing fast paths with the reference: Latin words with stemmed suffixes, digits,
/// punctuation, Chinese with variants, kana with combining voicing marks, compatibility ideographs, full-width
/// forms, case-folding oddities (İ, Σ, Kelvin sign, Deseret), combining marks, emoji sequences, odd spaces.
struct MixedText {
    static let pieces = [
        "a", "Z", "x", "s", "ies", "sses", "ing", "ed", "es", "us", "is", "ss", "course", "Courses", "TRAINING",
        "studies", "classes", "bus", "analysis", "testing", "tested", "1", "2026", "第12期", "AI", "AIoT", "x2",
        " ", "  ", "\n", "\t", ",", ".", "-", "/", "'", "\"", "<", "&", "機", "器", "視", "覺", "臺", "台", "裏", "戶",
        "〇", "あ", "か", "\u{3099}", "\u{309A}", "が", "ゞ", "ア", "ー", "・", "ㄅ", "豈", "\u{F900}", "\u{FA0E}",
        "\u{2F800}", "\u{20000}", "\u{2A6D6}", "Ａ", "ｚ", "２", "０", "　", "！", "～", "ｶ", "é", "É", "ß", "İ", "Σ",
        "ς", "\u{212A}", "\u{212B}", "\u{0301}", "\u{0300}", "e\u{0301}", "😀", "👩‍💻", "👍🏽", "🇹🇼", "\u{200D}",
        "\u{00A0}", "\u{2028}", "\u{0085}", "\u{1680}", "\u{2003}", "ǅ", "Ǆ", "Ω", "\u{10400}", "×", "÷", "Ā", "ɏ",
        "ȸ", "\u{0600}", "\r\n", "\u{FEFF}", "Ⅻ", "ⓐ", "Ⓐ", "ﬁ", "\u{1E9E}", "\u{0130}", "ΐ", "\u{0345}",
    ]

    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func text(maxPieces: Int = 40) -> String {
        let count = Int(next() % UInt64(maxPieces + 1))
        var text = ""
        for _ in 0..<count { text += Self.pieces[Int(next() % UInt64(Self.pieces.count))] }
        return text
    }

    /// Texts for a test: the empty text, then `count` seeded ones.
    static func texts(_ count: Int, seed: UInt64 = 2026) -> [String] {
        var generator = MixedText(seed: seed)
        return [""] + (0..<count).map { _ in generator.text() }
    }
}
