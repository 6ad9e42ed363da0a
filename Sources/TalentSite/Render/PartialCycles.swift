import Foundation
/// Finds templates that include themselves through partials (`{{> x}}`) or parents (`{{< x}}`):
/// the renderer has no recursion guard, so such a theme would overflow the stack while rendering.
enum PartialCycles {
    /// One `{{> name}}` or `{{< name}}` tag and where it is (1-based line, column in Unicode scalars).
    struct Include: Equatable {
        var name: String
        var line: Int
        var column: Int
        /// `{{< name}}`: this template extends `name`, whose blocks then render this template's overrides.
        var isParent = false
    }

    /// The include tags of one template, in order.
    static func includes(in text: String) -> [Include] {
        let scalars = Array(text.unicodeScalars)
        var result: [Include] = []
        var line = 1, column = 1, index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 2 < scalars.count, scalars[index + 1] == "{" {
                var cursor = index + 2
                while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
                if cursor < scalars.count, scalars[cursor] == ">" || scalars[cursor] == "<" {
                    cursor += 1
                    var name = String.UnicodeScalarView()
                    while cursor < scalars.count, scalars[cursor] != "}" { name.append(scalars[cursor]); cursor += 1 }
                    let trimmed = String(name).trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty && !trimmed.hasPrefix("*") {
                        result.append(Include(name: trimmed, line: line, column: column, isParent: scalars[index + 2 ..< cursor].contains("<")))
                    }
                }
            }
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return result
    }

    /// Every cycle once, as `(where the first include of the cycle is, the names around it)`, e.g.
    /// `(x.mustache:3:1, [x, y, x])`, starting from the alphabetically first template in it.
    static func find(_ templates: [String: [Include]]) -> [(template: String, include: Include, cycle: [String])] {
        var found: [(template: String, include: Include, cycle: [String])] = []
        var seenCycles: Set<[String]> = []
        var done: Set<String> = []
        for start in templates.keys.sorted() {
            var path: [String] = []
            var onPath: Set<String> = []
            func visit(_ name: String) {
                if done.contains(name) { return }
                path.append(name); onPath.insert(name)
                for include in templates[name] ?? [] where templates[include.name] != nil {
                    if onPath.contains(include.name) {
                        guard let from = path.firstIndex(of: include.name) else { continue }
                        let cycle = Array(path[from...]) + [include.name]
                        let key = canonical(cycle)
                        if seenCycles.insert(key).inserted, let first = key.first,
                           let at = (templates[first] ?? []).first(where: { $0.name == key.dropFirst().first }) {
                            found.append((first, at, key))
                        }
                    } else {
                        visit(include.name)
                    }
                }
                path.removeLast(); onPath.remove(name)
            }
            visit(start)
            done.insert(start)
        }
        return found
    }

    /// Templates that extend a parent and, inside their blocks, reach that parent again (a partial that itself
    /// extends the layout): the outer block overrides win, so the layout would render the same block forever.
    /// Returned as `(template, its parent tag, the path from it back to the parent)`.
    static func nestedParents(_ templates: [String: [Include]]) -> [(template: String, include: Include, path: [String])] {
        var found: [(template: String, include: Include, path: [String])] = []
        for (name, tags) in templates.sorted(by: { $0.key < $1.key }) {
            for parent in tags where parent.isParent && templates[parent.name] != nil {
                if let path = route(from: tags.filter { $0 != parent }.map(\.name), to: parent.name, in: templates) {
                    found.append((name, parent, [name] + path))
                }
            }
        }
        return found
    }

    /// A shortest chain of includes from any of `starts` to `target`, or nil.
    private static func route(from starts: [String], to target: String, in templates: [String: [Include]]) -> [String]? {
        var queue = starts.filter { templates[$0] != nil }.map { [$0] }
        var seen = Set(queue.compactMap(\.last))
        while !queue.isEmpty {
            let path = queue.removeFirst()
            guard let last = path.last else { continue }
            if last == target { return path }
            for include in templates[last] ?? [] where templates[include.name] != nil && seen.insert(include.name).inserted {
                queue.append(path + [include.name])
            }
        }
        return nil
    }

    /// The cycle rotated to start (and end) at its alphabetically first name.
    private static func canonical(_ cycle: [String]) -> [String] {
        let ring = Array(cycle.dropLast())
        guard let first = ring.indices.min(by: { ring[$0] < ring[$1] }) else { return cycle }
        let rotated = Array(ring[first...] + ring[..<first])
        return rotated + [rotated[0]]
    }
}
