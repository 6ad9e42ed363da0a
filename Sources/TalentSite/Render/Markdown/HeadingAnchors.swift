/// Names heading anchors the way readers expect from Hugo and Zola: lower-case words joined by `-`,
/// Chinese characters kept, repeats numbered (`faq`, `faq-1`).
struct AnchorNamer {
    private var used: [String: Int] = [:]

    mutating func name(for heading: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in heading.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" || character == "_" {
                pendingDash = true
            }
        }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0]
        used[slug] = count + 1
        return count == 0 ? slug : "\(slug)-\(count)"
    }
}

/// Adds `id` attributes to the `<h1>`…`<h6>` tags cmark-gfm wrote. With raw HTML off, every such tag in
/// its output is a real heading, in document order.
enum HeadingAnchors {
    static func insert(ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + ids.count * 16)
        var remaining = Substring(html)
        var next = ids.makeIterator()
        while let open = remaining.range(of: "<h") {
            let after = remaining[open.upperBound...]
            guard let level = after.first, ("1"..."6").contains(level),
                  after.dropFirst().first == ">", let id = next.next() else {
                result += remaining[..<open.upperBound]
                remaining = after
                continue
            }
            result += remaining[..<open.lowerBound]
            result += "<h\(level) id=\"\(HTMLEscape.attribute(id))\">"
            remaining = after.dropFirst(2)
        }
        result += remaining
        return result
    }
}
