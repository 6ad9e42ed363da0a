/// Files under `templates/static/`, copied byte for byte to the site root (`static/style.css` → `/style.css`).
public struct StaticAssets: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let theme = input.theme
        return theme.assets.keys.sorted().map { name in
            let bytes = theme.assets[name]!
            return OutputJob(path: "/" + name, origin: SourceLocation(file: "templates/static/\(name)")) { _ in bytes }
        }
    }
}
