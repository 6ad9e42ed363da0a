/// What `content/` holds, sorted into what the loader reads and what it reports, so nothing in it is
/// dropped without a word. Read: `content/site.yaml` and the files directly in each section folder.
/// Reported: a symbolic link or special file anywhere (warning, never followed); a `.md` file outside a
/// section folder's top level (error: it is a page that would not be published); any other file or folder
/// out of place, and an empty section folder (warning). Skipped quietly: editor and system leftovers (see
/// `isLeftover`).
struct ContentListing {
    static let folder = "content"

    /// Section folder name → its files (relative paths, sorted), for every folder directly in `content/`
    /// that holds at least one file.
    var sections: [String: [String]] = [:]
    /// `content/site.yaml` is a symbolic link: reported, and the site cannot be built without following it.
    var settingsIsLink = false

    /// Lists `content/` and reports what will not be read; nil when the folder cannot be listed.
    static func read(_ tree: SourceTree, log: DiagnosticLog) -> ContentListing? {
        let entries: [SourceEntry]
        do { entries = try tree.listing(under: folder) } catch {
            log.error(SourceLocation(file: folder), "cannot list the content folder: \(error)")
            return nil
        }
        var listing = ContentListing()
        var skipped: [String] = []  // folders whose contents are not looked at again (prefixes ending in "/")
        var occupied: Set<String> = []  // section folders holding anything but leftovers
        // Pages in sub-folders of a section: each is also an error, as a page that would not be published.
        let nestedPages = entries.filter { entry in
            guard entry.kind == .file, isMarkdownName(entry.name) else { return false }
            let parts = entry.path.split(separator: "/").map(String.init)
            return parts.count > 3 && !parts.dropFirst().contains(where: isLeftover)
        }
        for entry in entries {
            if skipped.contains(where: { entry.path.hasPrefix($0) }) { continue }
            let parts = entry.path.split(separator: "/").map(String.init)
            let depth = parts.count - 1  // 1: directly in content/
            let here = SourceLocation(file: entry.path)
            if isLeftover(entry.name) {
                if entry.kind == .folder { skipped.append(entry.path + "/") }
                continue
            }
            if depth >= 2 { occupied.insert(parts[1]) }
            switch entry.kind {
            case .symlink(let target) where entry.path == SettingsLoader.path:
                log.error(here, "symbolic link to \(target) is not followed; put the file itself here instead")
                listing.settingsIsLink = true
            case .symlink(let target):
                log.warning(here, "symbolic link to \(target) is not followed; put the file itself here instead")
            case .special:
                log.warning(here, "ignored: not a regular file or folder")
            case .folder where depth == 1:
                listing.sections[entry.name] = listing.sections[entry.name] ?? []
            case .folder where depth == 2:
                skipped.append(entry.path + "/")
                log.warning(here, "ignored folder: a section's files sit directly in content/\(parts[1])/, sub-folders are not read")
            case .file where depth == 1 && entry.name == "site.yaml":
                break
            case .file where depth == 1 && isMarkdownName(entry.name):
                log.error(here, "not read: a page belongs in a section folder, as content/<section>/<slug>.<language>.md")
            case .file where depth == 1:
                log.warning(here, "ignored: content/ holds only site.yaml and section folders (content/<section>/)")
            case .file where depth == 2:
                listing.sections[parts[1], default: []].append(entry.path)
            default:
                break
            }
        }
        for entry in nestedPages {
            log.error(SourceLocation(file: entry.path),
                      "not read: pages sit directly in content/\(entry.path.split(separator: "/")[1])/, not in a sub-folder; move the file up")
        }
        for (section, files) in listing.sections where files.isEmpty {
            listing.sections[section] = nil
            if !occupied.contains(section) {
                log.warning(SourceLocation(file: "\(folder)/\(section)"),
                            "empty folder: a section needs \(folder)/\(section)/\(SchemaLoader.fileName); add one or remove the folder")
            }
        }
        return listing
    }

    /// Names skipped without a word, anywhere under `content/`: hidden names (starting with '.') except
    /// ones ending in `.md`, which are misnamed pages; editor backups and locks (`x~`, `#x#`, `.#x`,
    /// `*.swp`, `~$x`); and system files (`.DS_Store`, `Thumbs.db`, `desktop.ini`).
    static func isLeftover(_ name: String) -> Bool {
        if name.hasPrefix(".#") || name.hasPrefix("~$") || name.hasSuffix("~") { return true }
        if name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        if [".swp", ".swo"].contains(where: { name.hasSuffix($0) }) { return true }
        if ["Thumbs.db", "desktop.ini"].contains(name) { return true }
        return name.hasPrefix(".") && !isMarkdownName(name)
    }

    /// A page by its extension, in any case: `X.EN.MD` is a misnamed page, not some other file.
    static func isMarkdownName(_ name: String) -> Bool { name.lowercased().hasSuffix(".md") }
}
