extension VisibleText {
    /// The walk's state, shared by both readers of the tree (libxml2's nodes and the scanner's): each calls
    /// `open`, `append` and `close` in document order, so the text cannot depend on which one read the page.
    struct Collector {
        /// The lines so far, UTF-8, joined by line breaks.
        var text: [UInt8] = []
        /// Lines of `data-search="after"` elements, appended after the rest.
        var laterText: [UInt8] = []
        var later = false
        /// The current line's UTF-8 as the text nodes give it, and the line squeezed (one buffer, reused).
        var line: [UInt8] = []
        var squeezedLine: [UInt8] = []
        var heading: String?
        var headingText: String?

        /// What an element is to the walk; `heading` is `h1`, a block whose text is also the heading.
        enum Kind { case other, block, heading, skipped, anchor }

        /// An element's `data-search` attribute: `ignore`, `after`, or any other value (nil: no attribute).
        enum Marker { case ignore, after, other }

        /// What `close` must undo for an element `open` entered.
        struct Visit {
            let block: Bool
            let heading: Bool
            let wasLater: Bool
        }

        /// Enters an element; nil when the walk leaves it and everything inside it out. `isBareAddress` is asked
        /// only of links that are not left out for another reason.
        mutating func open(_ kind: Kind, marker: Marker?, isBareAddress: () -> Bool) -> Visit? {
            if kind == .skipped || marker == .ignore || (kind == .anchor && isBareAddress()) { return nil }
            let block = kind == .block || kind == .heading
            if block { breakLine() }
            let visit = Visit(block: block, heading: kind == .heading, wasLater: later)
            if marker == .after { later = true }
            if kind == .heading && heading == nil { headingText = "" }
            return visit
        }

        mutating func close(_ visit: Visit) {
            if visit.heading, let text = headingText { heading = Self.squeezed(text); headingText = nil }
            if visit.block { breakLine() }
            later = visit.wasLater
        }

        /// A text node's content, valid UTF-8.
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            line.append(contentsOf: bytes)
            if headingText != nil { headingText? += String(decoding: bytes, as: UTF8.self) }
        }

        /// The text (the later lines last) and the heading, once the root's children are walked.
        mutating func finish() -> (text: String, heading: String) {
            breakLine()
            var bytes = text
            if !bytes.isEmpty && !laterText.isEmpty { bytes.append(0x0A) }
            bytes += laterText
            return (String(decoding: bytes, as: UTF8.self), heading ?? "")
        }

        static func marker(_ value: String?) -> Marker? {
            guard let value else { return nil }
            return value == "ignore" ? .ignore : value == "after" ? .after : .other
        }

        /// A link showing its own address (`<a href="https://…">https://…</a>`): an address, not words.
        /// `content` is all the text inside the link, left-out parts included.
        static func isBareAddress(content: String, href: String?) -> Bool {
            let text = squeezed(content)
            return text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("mailto:") || text == href
        }

        static func kind(_ name: String) -> Kind {
            if VisibleText.skipped.contains(name) { return .skipped }
            if name == "a" { return .anchor }
            if name == "h1" { return .heading }
            return VisibleText.blocks.contains(name) ? .block : .other
        }

        /// Every named kind by its name's bytes packed into a number (names of at most 8 bytes).
        static let packedKinds: [UInt64: Kind] = {
            var kinds: [UInt64: Kind] = [:]
            for name in VisibleText.blocks.union(VisibleText.skipped).union(["a"]) where name.utf8.count <= 8 {
                let packed = name.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                kinds[packed] = kind(name)
            }
            return kinds
        }()

        /// `kind(_:)` from a NUL-terminated name without making a `String`; nil for a name longer than 8 bytes.
        @inline(__always)
        static func kind(_ name: UnsafePointer<UInt8>) -> Kind? {
            var packed: UInt64 = 0
            var index = 0
            while name[index] != 0 {
                if index == 8 { return nil }
                packed |= UInt64(name[index]) << (8 * UInt64(index))
                index += 1
            }
            return packedKinds[packed] ?? .other
        }

        mutating func breakLine() {
            guard !line.isEmpty else { return }
            squeezedLine.removeAll(keepingCapacity: true)
            let fast = line.withUnsafeBufferPointer { Self.squeeze($0, into: &squeezedLine) }
            if !fast { squeezedLine = Array(Self.squeezed(String(decoding: line, as: UTF8.self)).utf8) }
            if !squeezedLine.isEmpty {
                if later { Self.add(squeezedLine, to: &laterText) } else { Self.add(squeezedLine, to: &text) }
            }
            line.removeAll(keepingCapacity: true)
        }

        private static func add(_ line: [UInt8], to text: inout [UInt8]) {
            if !text.isEmpty { text.append(0x0A) }
            text += line
        }

        /// Runs of white space become one space; ends trimmed. White space is judged per `Character` (a space
        /// with a combining mark is one white-space character); `squeeze` gives the same result faster
        /// when every white-space scalar stands alone as a character, as in nearly all text.
        static func squeezed(_ text: String) -> String {
            var out: [UInt8] = []
            var copy = text
            if copy.withUTF8({ squeeze($0, into: &out) }) { return String(decoding: out, as: UTF8.self) }
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }

        /// The squeeze over valid UTF-8, scalar by scalar, appended to `out`; false (and `out` unfinished) when a
        /// white-space scalar has a neighbour that could join it into a larger character (a combining mark after
        /// it, a prepended mark before it).
        static func squeeze(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
            let start = out.count
            var pendingSpace = false
            var previousSafe = true
            var afterSpace = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                var value = UInt32(lead)
                var length = 1
                if lead >= 0x80 {
                    if lead < 0xE0 {
                        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        length = 2
                    } else if lead < 0xF0 {
                        value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        length = 3
                    } else {
                        value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        length = 4
                    }
                }
                if isWhitespace(value) {
                    guard previousSafe else { return false }
                    if out.count > start { pendingSpace = true }
                    afterSpace = true
                    previousSafe = true
                } else {
                    let safe = value < 0x300 || standsAlone(value)
                    if afterSpace && !safe { return false }
                    afterSpace = false
                    previousSafe = safe
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    if length == 1 { out.append(lead) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length])) }
                }
                index += length
            }
            return true
        }

        /// `Unicode.Scalar.Properties.isWhitespace` (the White_Space property), as a switch.
        @inline(__always)
        static func isWhitespace(_ value: UInt32) -> Bool {
            switch value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }

        /// Scalars that never join a neighbouring white-space scalar into one character: below the combining
        /// marks (U+0300), CJK ideographs and full-width forms.
        static func standsAlone(_ value: UInt32) -> Bool {
            switch value {
            case 0..<0x300, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
            default: return false
            }
        }
    }
}
