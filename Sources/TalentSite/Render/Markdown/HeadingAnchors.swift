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
/// its output is a real heading, in document order. Works on UTF-8 bytes: `<h` is ASCII, so no multi-byte
/// character holds it, and Foundation's string search cost a quarter of rendering a body.
enum HeadingAnchors {
    static func insert(ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var html = html
        return html.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + ids.count * 24)
            var next = ids.makeIterator()
            var copied = 0, index = 0
            while index + 3 < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
                      (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
                      bytes[index + 3] == UInt8(ascii: ">") else { index += 1; continue }
                guard let id = next.next() else { break }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index + 3]))
                result.append(contentsOf: " id=\"".utf8)
                HTMLEscape.append(id, to: &result)
                result.append(contentsOf: "\">".utf8)
                index += 4
                copied = index
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }
}
