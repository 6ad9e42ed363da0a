/// Unsigned integers below 2³², each stored in the narrowest width (1, 2 or 4 bytes) that holds the largest of them.
///
/// Why: a build holds thousands of small integer arrays until its last page is rendered (each search document's
/// term ends and weights), and their values are almost always below 256 or 65,536: four bytes a value was most
/// of their memory. Reading a value costs a switch on the width; `forEach` switches once for a whole pass.
struct PackedIntegers: Sendable, RandomAccessCollection, Equatable {
    private enum Storage: Sendable, Equatable {
        case bytes([UInt8])
        case halves([UInt16])
        case words([UInt32])
    }

    private let storage: Storage

    init(_ values: [UInt32]) {
        let largest = values.max() ?? 0
        if largest <= UInt32(UInt8.max) {
            storage = .bytes(values.map { UInt8(truncatingIfNeeded: $0) })
        } else if largest <= UInt32(UInt16.max) {
            storage = .halves(values.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            storage = .words(values)
        }
    }

    /// Bytes a value takes: 1, 2 or 4.
    var width: Int {
        switch storage {
        case .bytes: 1
        case .halves: 2
        case .words: 4
        }
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .bytes(let values): values.count
        case .halves(let values): values.count
        case .words(let values): values.count
        }
    }

    subscript(position: Int) -> UInt32 {
        switch storage {
        case .bytes(let values): UInt32(values[position])
        case .halves(let values): UInt32(values[position])
        case .words(let values): values[position]
        }
    }

    /// Every value in order, with the width looked at once rather than once a value.
    func forEach(_ body: (UInt32) throws -> Void) rethrows {
        switch storage {
        case .bytes(let values): for value in values { try body(UInt32(value)) }
        case .halves(let values): for value in values { try body(UInt32(value)) }
        case .words(let values): for value in values { try body(value) }
        }
    }
}

extension PackedIntegers {
    /// Appends the values as stored: the width (1, 2 or 4) in one byte, then the values in native byte order.
    /// For bytes set aside and read back by the same process (`SpillFile`), not for files others read.
    func appendStored(to out: inout [UInt8]) {
        out.append(UInt8(width))
        switch storage {
        case .bytes(let values): out += values
        case .halves(let values): values.withUnsafeBytes { out += $0 }
        case .words(let values): values.withUnsafeBytes { out += $0 }
        }
    }

    /// Bytes `appendStored` writes.
    var storedCount: Int { 1 + count * width }

    /// Values from `appendStored`'s bytes; nil when they are not such bytes (an unknown width, a partial value).
    init?(stored bytes: ArraySlice<UInt8>) {
        guard let width = bytes.first, [1, 2, 4].contains(width), (bytes.count - 1) % Int(width) == 0 else { return nil }
        let body = bytes.dropFirst()
        switch width {
        case 1: storage = .bytes(Array(body))
        case 2: storage = .halves(Self.values(body, as: UInt16.self))
        default: storage = .words(Self.values(body, as: UInt32.self))
        }
    }

    private static func values<T: FixedWidthInteger>(_ body: ArraySlice<UInt8>, as: T.Type) -> [T] {
        let count = body.count / MemoryLayout<T>.size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            body.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }
}
