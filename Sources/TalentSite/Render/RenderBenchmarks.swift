/// Entry points for `talentsite-bench`, which measures one template at a time: a card is rendered inside
/// list pages only, so it has no job of its own to time.
public enum RenderBenchmarks {
    /// A renderer of the card of record `slug` of `section` in language `code` as a list page renders it (heading
    /// level 2), with the page's part of the context made once. With `memo`, as every page after the first to
    /// show the card gets it (reused); without, as the first (the item built, the card rendered).
    public static func card(env: RenderEnvironment, section: String, slug: String, language code: String,
                            memo: Bool) -> (@Sendable () -> [UInt8]?)? {
        guard let language = env.site.settings.languages.first(where: { $0.code == code }),
              let section = env.site.section(section),
              let record = section.entries.first(where: { $0.slug == slug })?.versions[code] else { return nil }
        let page = TemplateValue(["t": PluralRules.templateStrings(env.theme.strings[code] ?? [:]), "level": 2] as [String: Any])
        let renderings = memo ? env.cards.renderings : nil
        return {
            let item = ListItems(env: env, language: language).item(record, schema: section.schema)
            return env.theme.library.renderPartial("card", over: [page, item], memo: renderings)
        }
    }
}
