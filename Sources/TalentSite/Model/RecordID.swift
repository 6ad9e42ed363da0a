/// A record named by section and slug, language-independent.
public struct RecordID: Sendable, Hashable {
    public var section: String
    public var slug: String
    public init(section: String, slug: String) { self.section = section; self.slug = slug }
}
