/// A closed set of keys with a label per language (industries, regions, course kinds…).
/// Declared in `content/site.yaml`, so editors add a term without touching Swift.
public struct Vocabulary: Sendable {
    public struct Term: Sendable, Hashable {
        public var key: String
        public var label: LocalizedText
    }

    public var name: String
    /// What the vocabulary is called (`產業別` / `Industry`).
    public var label: LocalizedText
    /// Terms in declaration order, which is the order lists and filters show them in.
    public var terms: [Term]
    /// Whether term pages are published (industry, region, course kind).
    public var isTaxonomy: Bool
    /// Where it is declared in `site.yaml`, the order taxonomies are offered in.
    public var position: Int

    public init(name: String, label: LocalizedText, terms: [Term], isTaxonomy: Bool, position: Int = 0) {
        self.name = name; self.label = label; self.terms = terms; self.isTaxonomy = isTaxonomy; self.position = position
    }

    public func term(_ key: String) -> Term? { terms.first { $0.key == key } }
}
