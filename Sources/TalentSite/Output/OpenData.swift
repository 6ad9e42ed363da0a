/// Open data per language for sections declaring `open_data: true`: `/data/<section>.json` and
/// `/data/<section>.csv` (and under `/en/`), the same rows and columns in both, as data.gov.tw publishes.
public struct OpenData: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let site = input.site
        return site.sections.filter(\.schema.hasOpenData).flatMap { section in
            site.settings.languages.flatMap { language in
                [("json", \OpenDataTable.json), ("csv", \OpenDataTable.csv)].map { format, bytes in
                    OutputJob(path: site.routes.openData(section.schema, format: format, language), origin: section.schema.location) { env in
                        OpenDataTable(section: section, language: language, env: env)[keyPath: bytes]
                    }
                }
            }
        }
    }
}
