/// The status badge of a record in a section with a lifecycle, for templates:
/// `{key: "in-progress", open: false, text: "已開課"}`, or `false` (no badge) for other sections.
enum StatusContext {
    static func value(_ record: Record, schema: SectionSchema, site: SiteModel, strings: [String: String]) -> Any {
        guard let status = record.status(in: schema.listing, on: site.buildDay) else { return false }
        return ["key": status.key, "open": status == .open, "text": strings[status.stringKey] ?? status.key] as [String: Any]
    }
}
