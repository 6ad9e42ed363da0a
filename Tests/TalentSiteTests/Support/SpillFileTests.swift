import Foundation
import Synchronization
import Testing
@testable import TalentSite

/// Card renderings and search documents past their memory budget are parked in a spill file.
@Suite struct SpillFileTests {
    private func emptyFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func bytesAppendedFromManyThreadsReadBackAsWritten() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spill = try #require(SpillFile(in: folder))
        let ranges = Mutex<[Int: Range<Int>]>([:])
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            let bytes = Array(repeating: UInt8(index % 251), count: index * 37)
            if let range = spill.append(bytes) { ranges.withLock { $0[index] = range } }
        }
        let written = ranges.withLock { $0 }
        #expect(written.count == 200)
        #expect(spill.size == (0..<200).reduce(0) { $0 + $1 * 37 })
        for (index, range) in written {
            #expect(spill.read(range) == Array(repeating: UInt8(index % 251), count: index * 37))
        }
    }

    @Test func readingAppendsToABufferAndRefusesRangesNeverWritten() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spill = try #require(SpillFile(in: folder))
        let range = try #require(spill.append(Array("卡片".utf8)))
        var buffer = Array("<li>".utf8)
        #expect(spill.read(range, appendingTo: &buffer))
        #expect(String(decoding: buffer, as: UTF8.self) == "<li>卡片")
        #expect(!spill.read(range.lowerBound..<(range.upperBound + 1), appendingTo: &buffer))
        #expect(String(decoding: buffer, as: UTF8.self) == "<li>卡片")
        #expect(spill.read(-1..<2) == nil)
    }

    @Test func theFileHasNoNameInItsFolder() throws {
        let folder = try emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spill = try #require(SpillFile(in: folder))
        _ = spill.append(Array(repeating: 7, count: 4096))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func noSpillFileInAFolderThatIsNotThere() {
        #expect(SpillFile(in: "/nonexistent-\(UUID().uuidString)") == nil)
    }
}
