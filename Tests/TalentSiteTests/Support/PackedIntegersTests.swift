import Testing
@testable import TalentSite

@Suite struct PackedIntegersTests {
    @Test(arguments: [
        ([], 1), ([0, 1, 255], 1), ([0, 256], 2), ([65_535, 3], 2), ([65_536], 4), ([UInt32.max, 0, 7], 4),
    ] as [([UInt32], Int)])
    func keepsEveryValueInTheNarrowestWidth(values: [UInt32], width: Int) {
        let packed = PackedIntegers(values)
        #expect(packed.width == width)
        #expect(Array(packed) == values)
        var seen: [UInt32] = []
        packed.forEach { seen.append($0) }
        #expect(seen == values)
    }

    @Test func randomValuesOfEveryWidthComeBackInOrder() {
        var generator = SplitMix64(seed: 5)
        for limit in [UInt64(200), 60_000, UInt64(UInt32.max)] {
            let values = (0..<1000).map { _ in UInt32(generator.next() % (limit + 1)) }
            let packed = PackedIntegers(values)
            #expect(packed.count == values.count)
            #expect(values.indices.allSatisfy { packed[$0] == values[$0] })
        }
    }

    @Test(arguments: [[], [0, 1, 255], [0, 256, 65_535], [65_536, 3, UInt32.max]] as [[UInt32]])
    func storedBytesReadBackAsTheSameValues(values: [UInt32]) {
        let packed = PackedIntegers(values)
        var bytes: [UInt8] = [9]
        packed.appendStored(to: &bytes)
        #expect(bytes.count == 1 + packed.storedCount)
        #expect(PackedIntegers(stored: bytes.dropFirst()) == packed)
    }

    @Test func bytesThatWereNotStoredAreRefused() {
        #expect(PackedIntegers(stored: []) == nil)
        #expect(PackedIntegers(stored: [3, 1, 2, 3]) == nil, "no width 3")
        #expect(PackedIntegers(stored: [4, 1, 2, 3]) == nil, "a partial value")
        #expect(PackedIntegers(stored: [2, 1, 0])?.count == 1)
    }
}
