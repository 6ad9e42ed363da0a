import Foundation

/// Finds places where a folder of Sources/TalentSite names a type (or an extension member) that only a
/// higher layer declares: data flows one way, so a lower stage must not reach back.
struct LayerDirection {
    /// Folders from the lowest layer up; folders in one layer may use each other.
    static let layers: [[String]] = [
        ["Diagnostics", "Support", "HTML", "Progress", "Write"],  // utilities
        ["Model"],  // plain types and rules
        ["Load"],  // files → model, and the assembled site model
        ["Render"],  // templates, Markdown, page contexts, what a render job reads
        ["Feeds", "Search", "OpenData"],  // libraries the formats use: XML writer and feed items, search index, data tables
        ["Output"],  // the output contract and one file per format
        ["Build"],  // the pipeline
        ["Serve", "Check", "Translation", "Scaffold"],  // commands
    ]

    struct Violation: Equatable, CustomStringConvertible {
        var file: String
        var line: Int
        var name: String
        var declaredIn: String
        var description: String { "\(file):\(line): names \(name), declared in the higher layer \(declaredIn)/" }
    }

    /// Source files keyed by path under Sources/TalentSite (`Model/Record.swift`); the first path component is the folder.
    let files: [String: String]
    let layers: [[String]]

    init(files: [String: String], layers: [[String]] = LayerDirection.layers) {
        self.files = files; self.layers = layers
    }

    /// Folders that hold Swift files but appear in no layer: a new folder must be given its place.
    var unplacedFolders: [String] {
        Set(files.keys.map(Self.folder)).subtracting(layers.joined()).sorted()
    }

    func violations() -> [Violation] {
        var rank: [String: Int] = [:]
        for (index, layer) in layers.enumerated() { for folder in layer { rank[folder] = index } }
        let code = files.mapValues(SwiftCode.of)
        var types: [String: Set<String>] = [:]  // type name → folders declaring it
        var members: [String: Set<String>] = [:]  // any member name → folders declaring it
        var extensionMembers: [String: Set<String>] = [:]  // member added to another folder's type → folders adding it
        // A static member is named with its type (`TranslationFingerprint.read`), so only that spelling counts: a
        // bare `.read` elsewhere is some other type's method (`FileHandle.read(upToCount:)`).
        var staticMembers: [String: Set<String>] = [:]  // "Type.member" → folders adding it
        for (path, text) in code {
            let folder = Self.folder(path)
            for name in Self.matches(#"\b(?:struct|class|enum|protocol|typealias|actor)\s+([A-Z]\w*)"#, in: text) {
                types[name, default: []].insert(folder)
            }
            for name in Self.matches(#"\b(?:func|var|let|case)\s+([A-Za-z_]\w*)"#, in: text) {
                members[name, default: []].insert(folder)
            }
        }
        for (path, text) in code {
            let folder = Self.folder(path)
            for (extended, body) in Self.extensions(in: text) where !(types[extended]?.contains(folder) ?? false) {
                let statics = Set(Self.matches(#"\bstatic\s+(?:func|var|let)\s+([A-Za-z_]\w*)"#, in: body))
                for name in statics { staticMembers["\(extended).\(name)", default: []].insert(folder) }
                for name in Self.matches(#"\b(?:func|var|let)\s+([A-Za-z_]\w*)"#, in: body) where !statics.contains(name) {
                    extensionMembers[name, default: []].insert(folder)
                }
            }
        }
        var found: [Violation] = []
        for (path, text) in code {
            guard let mine = rank[Self.folder(path)] else { continue }
            // A name counts only when every declaration of it is higher: a same-named type lower down is the one meant.
            for (name, owners) in types where owners.allSatisfy({ (rank[$0] ?? -1) > mine }) {
                for line in Self.lines(#"\b\#(name)\b"#, in: text) {
                    found.append(Violation(file: path, line: line, name: name, declaredIn: owners.sorted().joined(separator: ", ")))
                }
            }
            for (name, owners) in extensionMembers where owners.allSatisfy({ (rank[$0] ?? -1) > mine }) {
                if let others = members[name]?.subtracting(owners), others.contains(where: { (rank[$0] ?? .max) <= mine }) { continue }
                for line in Self.lines(#"\.\#(name)\b"#, in: text) {
                    found.append(Violation(file: path, line: line, name: "." + name, declaredIn: owners.sorted().joined(separator: ", ")))
                }
            }
        }
        for (path, text) in code {
            guard let mine = rank[Self.folder(path)] else { continue }
            for (qualified, owners) in staticMembers where owners.allSatisfy({ (rank[$0] ?? -1) > mine }) {
                for line in Self.lines(#"\b\#(NSRegularExpression.escapedPattern(for: qualified))\b"#, in: text) {
                    found.append(Violation(file: path, line: line, name: qualified, declaredIn: owners.sorted().joined(separator: ", ")))
                }
            }
        }
        return found.sorted { ($0.file, $0.line, $0.name) < ($1.file, $1.line, $1.name) }
    }

    static func folder(_ path: String) -> String { String(path.prefix { $0 != "/" }) }

    /// The first capture group of every match.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Line numbers (from 1) with a match of `pattern`.
    static func lines(_ pattern: String, in text: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let line = String(line)
            return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) == nil ? nil : index + 1
        }
    }

    /// Each `extension Name … { body }` with the body's top level only (nested bodies left out).
    static func extensions(in text: String) -> [(name: String, body: String)] {
        let regex = try! NSRegularExpression(pattern: #"\bextension\s+([A-Z]\w*)[^{]*\{"#)
        let scalars = Array(text.unicodeScalars)
        let utf16Offsets = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: utf16Offsets).compactMap { match in
            guard let nameRange = Range(match.range(at: 1), in: text),
                  let whole = Range(match.range, in: text) else { return nil }
            var index = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: whole.upperBound.samePosition(in: text.unicodeScalars)!)
            var depth = 1
            var body = String.UnicodeScalarView()
            while index < scalars.count && depth > 0 {
                let c = scalars[index]
                if c == "{" { depth += 1 } else if c == "}" { depth -= 1 } else if depth == 1 { body.append(c) }
                index += 1
            }
            return (String(text[nameRange]), String(body))
        }
    }

    /// Every Swift file under `sources` (Sources/TalentSite), keyed by its path below it.
    static func read(_ sources: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(sources.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }
}
