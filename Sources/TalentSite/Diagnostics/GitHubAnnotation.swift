import Foundation

/// Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), so a CI
/// run marks the offending source line in the pull request, and as a Markdown table for the step summary,
/// since GitHub shows only ten annotations of each kind per step.
public enum GitHubAnnotation {
    /// The `title=` property: names the tool in GitHub's annotation list.
    public static let title = "talentsite"

    /// A message (the text after `::`): `%`, CR and LF escaped, so content quoted in a message can neither
    /// break the command over lines nor start a command of its own.
    public static func escapeMessage(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property value (`file=`, `title=`): as a message, plus `:` and `,`, which end a property.
    public static func escapeProperty(_ text: String) -> String {
        escapeMessage(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// One workflow command for `diagnostic`, whose file is given as `file` (relative to the workspace).
    public static func command(_ diagnostic: Diagnostic, file: String) -> String {
        let properties = ["file=" + escapeProperty(file), "line=\(diagnostic.location.line)",
                          "col=\(diagnostic.location.column)", "title=" + escapeProperty(title)]
        return "::\(diagnostic.severity.rawValue) " + properties.joined(separator: ",") + "::" + escapeMessage(diagnostic.message)
    }

    /// Commands for all diagnostics, whose paths are relative to the site folder `source`; the files are named
    /// relative to `workspace` (GitHub resolves annotation paths against `GITHUB_WORKSPACE`).
    public static func commands(_ diagnostics: [Diagnostic], source: URL, workspace: URL) -> [String] {
        diagnostics.map { command($0, file: workspacePath($0.location.file, source: source, workspace: workspace)) }
    }

    /// `file` (relative to the site folder `source`, or absolute) as a path relative to `workspace`, or
    /// absolute when the file lies outside it. Symbolic links in the two folders are resolved so that
    /// `/tmp/x` and its real path compare equal; the file's own name is kept as the diagnostic gives it.
    public static func workspacePath(_ file: String, source: URL, workspace: URL) -> String {
        let absolute: String
        if file.hasPrefix("/") {
            absolute = file
        } else {
            let site = OutputGuard.realPath(source)
            absolute = (site == "/" ? "" : site) + "/" + file
        }
        let base = OutputGuard.realPath(workspace)
        if base == "/" { return String(absolute.dropFirst()) }
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        return absolute
    }

    /// The workspace for `commands`: `GITHUB_WORKSPACE` when set, else the working directory.
    public static func workspace(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let folder = environment["GITHUB_WORKSPACE"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The step summary: a heading with the totals and every diagnostic as a table row.
    public static func summary(_ diagnostics: [Diagnostic], heading: String, source: URL, workspace: URL) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var text = "### \(escapeCell(heading)): \(errors) error\(errors == 1 ? "" : "s"), "
            + "\(warnings) warning\(warnings == 1 ? "" : "s")\n\n"
        guard !diagnostics.isEmpty else { return text }
        text += "| Severity | File | Line | Column | Message |\n| --- | --- | --- | --- | --- |\n"
        for diagnostic in diagnostics {
            let file = workspacePath(diagnostic.location.file, source: source, workspace: workspace)
            let cells = [diagnostic.severity.rawValue, file, String(diagnostic.location.line),
                         String(diagnostic.location.column), diagnostic.message].map(escapeCell)
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text + "\n"
    }

    /// A table cell: one line, `|` escaped so it does not end the cell, and `<`, `>`, `&` as entities so
    /// content quoted in a message is shown as text, never read as HTML.
    public static func escapeCell(_ text: String) -> String {
        var result = ""
        for character in Diagnostic.oneLine(text) {
            switch character {
            case "|": result += "\\|"
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Appends `summary` to the file named by `GITHUB_STEP_SUMMARY`, creating it if needed; does nothing when
    /// the variable is unset.
    public static func appendSummary(_ summary: String,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(summary.utf8))
    }
}
