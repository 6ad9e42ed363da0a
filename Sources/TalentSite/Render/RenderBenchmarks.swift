/// Entry points for `talentsite-bench`, which measures one template at a time: a card is rendered inside
/// list pages only, so it has no job of its own to time.
public enum RenderBenchmarks {
    /// The card of record `slug` of `section` in language `code`, as a list page renders it (heading level 2).
    /// `memo` asks for the card as a page after the first to show it gets it (swift-mustache renders it again).
    public static func card(env: RenderEnvironment, section: String, slug: String, language code: String, memo: Bool) -> [UInt8]? {
        guard let language = env.site.settings.languages.first(where: { $0.code == code }),
              let section = env.site.section(section),
              let record = section.entries.first(where: { $0.slug == slug })?.versions[code] else { return nil }
        var context = ListItems(env: env, language: language).item(record, schema: section.schema)
        context["t"] = PluralRules.templateStrings(env.theme.strings[language.code] ?? [:])
        context["level"] = 2
        return env.theme.library.render(context, withTemplate: "card").map { Array($0.utf8) }
    }
}
