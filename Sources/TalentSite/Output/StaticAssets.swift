/// Files under `templates/static/`, copied byte for byte to the site root (`static/style.css` → `/style.css`),
/// plus the content-hashed copies pages load (`HashedAssets`).
public struct StaticAssets: OutputFormat {
    public init() {}

    public func plan(_ input: PlanInput) -> [OutputJob] {
        let theme = input.theme
        let copies = theme.assets.keys.sorted().map { name in
            let bytes = theme.assets[name]!
            return OutputJob(path: "/" + name, origin: SourceLocation(file: "templates/static/\(name)")) { _ in bytes }
        }
        let hashed = HashedAssets.assets(theme).sorted { $0.key < $1.key }.map { name, asset in
            let bytes = theme.assets[name] ?? []
            return OutputJob(path: "/" + asset.file, origin: SourceLocation(file: "templates/static/\(name)")) { _ in bytes }
        }
        return copies + hashed
    }
}
