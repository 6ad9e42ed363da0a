import Foundation

/// The tokenizer's folding of one Unicode scalar (full-width to half-width, ideographic space to space,
/// lower case, variant characters), as a table, so indexing a page asks no Unicode property per character.
///
/// `SearchTokenizer.folded` is the definition: `String.lowercased()` maps scalar by scalar (no context rule,
/// not even Greek final sigma), so folding a text is folding each of its scalars. `SearchFoldingTests` holds
/// the table to that definition for every scalar.
enum SearchFolding {
    /// A table entry meaning "not one BMP scalar: ask `reference`" (U+0130 İ folds to i + U+0307).
    static let slow: UInt16 = 0xFFFF

    /// The folded form of every BMP scalar that folds to one BMP scalar, else `slow`. 128 KB, made once.
    static let table: [UInt16] = {
        var table = [UInt16](repeating: slow, count: 0x10000)
        for value in 0..<UInt32(0x10000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xE000...0xF8FF:
                // Ideographs, Hangul syllables, private use: no case (the tests hold every entry to `reference`).
                table[Int(value)] = UInt16(SearchVariants.table[scalar]?.value ?? value)
            default:
                let folded = reference(scalar, asking: { $0.properties.changesWhenLowercased })
                if folded.count == 1, folded[0].value < 0xFFFF { table[Int(value)] = UInt16(folded[0].value) }
            }
        }
        return table
    }()

    /// The folding of `scalar`, by the same steps as `SearchTokenizer.folded`; `asking` may skip the
    /// lower-case look-up of scalars it says do not change (the table's quick build; the tests check it).
    static func reference(_ scalar: Unicode.Scalar,
                          asking changes: (Unicode.Scalar) -> Bool = { _ in true }) -> [Unicode.Scalar] {
        var half = scalar
        switch scalar.value {
        case 0xFF01...0xFF5E: half = Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000: half = " "
        default: break
        }
        let lower: [Unicode.Scalar]
        if half.isASCII {
            lower = [(0x41...0x5A).contains(half.value) ? Unicode.Scalar(half.value + 32) ?? half : half]
        } else if changes(half) {
            lower = Array(half.properties.lowercaseMapping.unicodeScalars)
        } else {
            lower = [half]
        }
        return lower.map { SearchVariants.table[$0] ?? $0 }
    }

    /// Han scalars that are not their own canonical form (a compatibility ideograph such as U+F900, a kana
    /// with a voicing mark, the combining voicing marks). Swift strings compare by canonical equivalence, so
    /// the index has always counted `\u{F900}` and `\u{8C48}` as one term: such terms are keyed by `canonical`.
    static let unstableHan: Set<UInt32> = {
        var set = Set<UInt32>()
        for range in [0x3040...0x30FF, 0xF900...0xFAFF, 0x2F800...0x2FA1F] as [ClosedRange<UInt32>] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(scalar)
                if scalar.properties.canonicalCombiningClass.rawValue != 0
                    || !text.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]) {
                    set.insert(value)
                }
            }
        }
        return set
    }()

    /// Whether a folded Han scalar is its own canonical form (all but a few hundred rare ones).
    @inline(__always)
    static func isStableHan(_ value: UInt32) -> Bool {
        if value < 0x3040 || (value > 0x30FF && value < 0xF900) || (value > 0xFAFF && value < 0x2F800) { return true }
        return !unstableHan.contains(value)
    }

    /// The key a term with an unstable scalar is counted under: its NFC form, the form Swift compares strings by.
    static func canonical(_ term: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Array(String(decoding: term, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }
}
