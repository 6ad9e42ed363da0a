/// Receives a text's terms from `SearchTermScanner`, in order, as UTF-8 bytes valid only during the call.
/// `stable` is false for a term holding a Han scalar that is not its own canonical form (`SearchFolding.unstableHan`).
protocol SearchTermSink {
    mutating func take(_ term: UnsafeBufferPointer<UInt8>, stable: Bool)
}

/// The tokenizer over UTF-8 bytes: the terms `SearchTokenizer` defines, without a `String` or a Unicode
/// property look-up per character. ASCII is folded and classified inline, other scalars through
/// `SearchFolding.table`; a Han term is packed into 8 bytes on the stack, a word grows in one reused buffer.
struct SearchTermScanner {
    /// Folded word characters of the word being read.
    private var word: [UInt8] = []
    /// The previous scalar of the current Han run (its UTF-8 bytes, little-endian) and the run's length.
    private var hanPrevious: UInt64 = 0
    private var hanPreviousLength = 0
    private var hanPreviousStable = true
    private var hanRun = 0
    private let query: Bool

    init(query: Bool) {
        self.query = query
        word.reserveCapacity(64)
    }

    /// Every term of `text` (valid UTF-8), in the order `SearchTokenizer.indexTerms`/`queryTerms` gives them.
    static func scan<Sink: SearchTermSink>(_ text: String, query: Bool, into sink: inout Sink) {
        var text = text
        var scanner = SearchTermScanner(query: query)
        text.withUTF8 { scanner.scan($0, into: &sink) }
    }

    mutating func scan<Sink: SearchTermSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                var byte = lead
                if byte >= 0x41 && byte <= 0x5A { byte += 32 }
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    if hanRun > 0 { flushHan(into: &sink) }
                    word.append(byte)
                } else {
                    separate(into: &sink)
                }
                continue
            }
            var value: UInt32
            if lead < 0xE0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            if value < 0x10000 {
                let folded = SearchFolding.table[Int(value)]
                if folded != SearchFolding.slow {
                    take(UInt32(folded), into: &sink)
                    continue
                }
            } else if value >= 0x20000 && value <= 0x2FA1F {
                take(value, into: &sink)  // CJK extensions: no case, no variant
                continue
            }
            guard let scalar = Unicode.Scalar(value) else { separate(into: &sink); continue }
            for folded in SearchFolding.reference(scalar) { take(folded.value, into: &sink) }
        }
        separate(into: &sink)
    }

    /// One folded scalar.
    @inline(__always)
    private mutating func take<Sink: SearchTermSink>(_ value: UInt32, into sink: inout Sink) {
        if value < 0x80 {
            if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                if hanRun > 0 { flushHan(into: &sink) }
                word.append(UInt8(value))
            } else {
                separate(into: &sink)
            }
        } else if Self.isHan(value) {
            if !word.isEmpty { flushWord(into: &sink) }
            han(value, into: &sink)
        } else if value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7 {
            if hanRun > 0 { flushHan(into: &sink) }
            word.append(UInt8(0xC0 | value >> 6))
            word.append(UInt8(0x80 | value & 0x3F))
        } else {
            separate(into: &sink)
        }
    }

    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x3007, 0x3040...0x30FF, 0x3100...0x312F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    private mutating func separate<Sink: SearchTermSink>(into sink: inout Sink) {
        if !word.isEmpty { flushWord(into: &sink) }
        if hanRun > 0 { flushHan(into: &sink) }
    }

    /// A Han scalar of a run: the index takes every character and every overlapping pair, a query the pairs only
    /// (the character alone when the run has one), in the order `SearchTokenizer` lists them.
    private mutating func han<Sink: SearchTermSink>(_ value: UInt32, into sink: inout Sink) {
        let (encoded, length) = Self.utf8(value)
        let stable = SearchFolding.isStableHan(value)
        if hanRun > 0 {
            emit(hanPrevious | encoded << (8 * UInt64(hanPreviousLength)), length: hanPreviousLength + length,
                 stable: stable && hanPreviousStable, into: &sink)
        }
        if !query { emit(encoded, length: length, stable: stable, into: &sink) }
        hanPrevious = encoded
        hanPreviousLength = length
        hanPreviousStable = stable
        hanRun += 1
    }

    private mutating func flushHan<Sink: SearchTermSink>(into sink: inout Sink) {
        if query && hanRun == 1 { emit(hanPrevious, length: hanPreviousLength, stable: hanPreviousStable, into: &sink) }
        hanRun = 0
    }

    private func emit<Sink: SearchTermSink>(_ packed: UInt64, length: Int, stable: Bool, into sink: inout Sink) {
        var packed = packed.littleEndian
        withUnsafeBytes(of: &packed) { raw in
            sink.take(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: length),
                      stable: stable)
        }
    }

    private mutating func flushWord<Sink: SearchTermSink>(into sink: inout Sink) {
        Self.stem(&word)
        word.withUnsafeBufferPointer { sink.take($0, stable: true) }
        word.removeAll(keepingCapacity: true)
    }

    /// `SearchTokenizer.stem` on a word's UTF-8, in place. A word's characters are its scalars (word characters
    /// never combine), counted as the bytes that do not continue a scalar; the suffixes are ASCII.
    static func stem(_ word: inout [UInt8]) {
        var count = 0
        for byte in word {
            if byte >= 0x30 && byte <= 0x39 { return }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        guard count > 3 else { return }
        func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard word.count >= length else { return false }
            let start = word.count - length
            for offset in 0..<length where word[start + offset] != suffix.utf8Start[offset] { return false }
            return true
        }
        if ends("ies") && count > 4 {
            word.removeLast(2)
            word[word.count - 1] = UInt8(ascii: "y")
            count -= 2
        } else if ends("sses") {
            word.removeLast(2)
            count -= 2
        } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
            word.removeLast()
            count -= 1
        }
        if ends("ing") && count >= 6 {
            word.removeLast(3)
        } else if ends("ed") && count >= 6 {
            word.removeLast(2)
        }
    }

    /// UTF-8 of a scalar, little-endian in the low bytes, and its length.
    @inline(__always)
    static func utf8(_ value: UInt32) -> (UInt64, Int) {
        let v = UInt64(value)
        if value < 0x800 { return (0xC0 | v >> 6 | (0x80 | v & 0x3F) << 8, 2) }
        if value < 0x10000 { return (0xE0 | v >> 12 | (0x80 | v >> 6 & 0x3F) << 8 | (0x80 | v & 0x3F) << 16, 3) }
        return (0xF0 | v >> 18 | (0x80 | v >> 12 & 0x3F) << 8 | (0x80 | v >> 6 & 0x3F) << 16 | (0x80 | v & 0x3F) << 24, 4)
    }
}
