import Foundation
import Testing
@testable import TalentSite

/// SHA-512 and SHA-384 against the FIPS 180-4 examples and against `sha512sum` / `sha384sum` (coreutils).
@Suite struct SHA512Tests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    @Test func knownVectors() {
        #expect(Self.hex(SHA512.hash(Array("abc".utf8), .sha384))
                == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(Self.hex(SHA512.hash(Array("abc".utf8)))
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(Self.hex(SHA512.hash([], .sha384))
                == "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA512(.sha384)
        hasher.update(bytes[0..<1]); hasher.update(bytes[1..<128]); hasher.update(bytes[128..<300]); hasher.update(bytes[300...])
        #expect(hasher.finalize() == SHA512.hash(bytes, .sha384))
    }

    @Test(arguments: [0, 1, 111, 112, 127, 128, 129, 239, 240, 256, 1000, 65_537])
    func matchesCoreutils(length: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let sha384 = try ExternalTool.run("sha384sum", [file.path]), sha512 = try ExternalTool.run("sha512sum", [file.path])
        #expect(sha384.status == 0 && sha512.status == 0)
        #expect(String(sha384.output.prefix(96)) == Self.hex(SHA512.hash(bytes, .sha384)), "length \(length)")
        #expect(String(sha512.output.prefix(128)) == Self.hex(SHA512.hash(bytes)), "length \(length)")
    }
}
