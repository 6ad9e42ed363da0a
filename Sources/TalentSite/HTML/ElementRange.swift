/// Where one element of a rendered page starts and ends, found by scanning bytes, so that libxml2 need parse only
/// that element: from the first start tag `<name` (followed by `>`, `/` or white space) outside comments,
/// scripts and styles, to the end of the last `</name>`. libxml2 closes the element at its first real end tag,
/// so a later `</name>` (inside a script, say) only adds siblings the reader never visits. Nil when either tag
/// is missing; the caller then parses the whole page.
enum ElementRange {
    static func find(_ name: String, in html: [UInt8]) -> Range<Int>? {
        let tag = Array(name.utf8)
        guard !tag.isEmpty else { return nil }
        return html.withUnsafeBufferPointer { bytes -> Range<Int>? in
            tag.withUnsafeBufferPointer { tag -> Range<Int>? in
                guard let start = startTag(tag, in: bytes), let end = lastEndTag(tag, in: bytes, after: start) else { return nil }
                return start..<end
            }
        }
    }

    // Made once: the scan looks at every `<` of the page before `<main>`.
    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let rawText: [(name: [UInt8], end: [UInt8])] = ["script", "style"].map { (Array($0.utf8), Array("</\($0)".utf8)) }

    /// The offset of the first start tag named `tag`, skipping `<!-- … -->`, `<script>…</script>` and `<style>…</style>`.
    private static func startTag(_ tag: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            index = nextOpening(in: bytes, from: index)
            guard index < bytes.count else { return nil }
            if matches(commentOpen, at: index, in: bytes) {
                guard let close = search(commentClose, in: bytes, from: index + 4) else { return nil }
                index = close + 3
                continue
            }
            for raw in rawText where isTag(raw.name, at: index + 1, in: bytes) {
                guard let close = search(raw.end, in: bytes, from: index + 1, ignoringCase: true) else { return nil }
                index = close
            }
            if isTag(tag, at: index + 1, in: bytes) { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the next `<` from `start` (the count if none), eight bytes at a time.
    private static func nextOpening(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                // A zero byte of `word ^ "<<<<<<<<"` is a `<`; the test finds whether there is one.
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ 0x3C3C_3C3C_3C3C_3C3C
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        return index
    }

    /// The offset just past the last `</tag>` after `start`.
    private static func lastEndTag(_ tag: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        let end = Array("</".utf8) + tag + [UInt8(ascii: ">")]
        var index = bytes.count - end.count
        while index > start {
            if bytes[index] == UInt8(ascii: "<"), matches(end, at: index, in: bytes, ignoringCase: true) { return index + end.count }
            index -= 1
        }
        return nil
    }

    /// Whether `name` starts at `index`, case-insensitively, and is followed by `>`, `/` or white space.
    private static func isTag<Name: RandomAccessCollection<UInt8>>(_ name: Name, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard matches(name, at: index, in: bytes, ignoringCase: true), index + name.count < bytes.count else { return false }
        switch bytes[index + name.count] {
        case UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0C, 0x0D: return true
        default: return false
        }
    }

    @inline(__always)
    private static func matches<Needle: RandomAccessCollection<UInt8>>(_ needle: Needle, at index: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                                                    ignoringCase: Bool = false) -> Bool {
        guard index >= 0, index + needle.count <= bytes.count else { return false }
        var offset = 0
        for byte in needle {
            defer { offset += 1 }
            let found = bytes[index + offset]
            if found == byte { continue }
            // ASCII letters only: folding any other byte could split a UTF-8 sequence.
            if ignoringCase, found | 0x20 == byte | 0x20, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) { continue }
            return false
        }
        return true
    }

    /// The first `needle` from `start`; its first byte (`<` or `-`) is not a letter, so it is compared as it is.
    private static func search(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                               ignoringCase: Bool = false) -> Int? {
        guard let first = needle.first else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, matches(needle, at: index, in: bytes, ignoringCase: ignoringCase) { return index }
            index += 1
        }
        return nil
    }
}
