/// Variant forms of Chinese characters that readers type interchangeably (台北 / 臺北), folded to one form
/// when pages are indexed and when queries are read. This table is the only copy: the index's
/// `manifest.json` carries it to `search.js`, and the tokenizer test vectors cover every pair.
enum SearchVariants {
    /// Each pair is (variant, the form it folds to). The folded form is never shown: excerpts are cut from
    /// the page's own text.
    static let pairs: [(variant: Unicode.Scalar, folded: Unicode.Scalar)] = [
        ("臺", "台"), ("裏", "裡"), ("着", "著"), ("爲", "為"), ("衆", "眾"), ("啓", "啟"), ("綫", "線"),
        ("峯", "峰"), ("羣", "群"), ("衞", "衛"), ("册", "冊"), ("温", "溫"), ("鈎", "鉤"), ("麪", "麵"),
        ("綉", "繡"), ("敎", "教"), ("眞", "真"), ("郞", "郎"), ("戶", "户"),
    ]

    static let table: [Unicode.Scalar: Unicode.Scalar] = Dictionary(pairs.map { ($0.variant, $0.folded) }, uniquingKeysWith: { a, _ in a })

    /// The table as the manifest carries it: variant and folded form, pair after pair (`臺台裏裡…`).
    static var serialized: String {
        var out = String.UnicodeScalarView()
        for pair in pairs { out.append(pair.variant); out.append(pair.folded) }
        return String(out)
    }
}
