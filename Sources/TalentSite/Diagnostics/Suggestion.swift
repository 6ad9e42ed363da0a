/// "Did you mean …?" for a name that is not one of the known ones: the closest known name by
/// Damerau–Levenshtein distance (a transposition counts as one edit), if it is close for its length.
/// An exact match of an alias (a term's label in either language) suggests the name it stands for.
public enum Suggestion {
    /// The closest of `candidates` to `word`, or nil when none is close enough: at most one edit per four
    /// characters of the longer name (at least one, at most three), and fewer edits than the shorter has characters.
    public static func closest(to word: String, among candidates: [String], aliases: [String: String] = [:]) -> String? {
        if let name = aliases[word] ?? aliases[word.lowercased()] { return name }
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let known = Array(candidate.lowercased())
            let limit = min(3, max(1, max(typed.count, known.count) / 4), min(typed.count, known.count) - 1)
            guard limit > 0 else { continue }
            guard abs(known.count - typed.count) <= limit else { continue }
            let distance = Self.distance(typed, known, limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// " (did you mean 'hours'?)" or the empty string, to put after the name in a message.
    public static func phrase(for word: String, among candidates: [String], aliases: [String: String] = [:],
                              quote: String = "'") -> String {
        closest(to: word, among: candidates, aliases: aliases).map { " (did you mean \(quote)\($0)\(quote)?)" } ?? ""
    }

    /// Optimal string alignment distance; stops early (returning more than `limit`) once every cell of a row exceeds it.
    static func distance(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
