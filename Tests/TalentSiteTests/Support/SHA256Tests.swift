import Foundation
import Testing
@testable import TalentSite

/// SHA-256 against the FIPS 180-4 examples and against `sha256sum` (coreutils) on inputs around the block size.
@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        hasher.update(bytes[0..<1]); hasher.update(bytes[1..<64]); hasher.update(bytes[64..<200]); hasher.update(bytes[200...])
        #expect(hasher.finalize() == SHA256.hash(bytes))
    }

    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 65_537])
    func matchesSha256sum(length: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let run = try ExternalTool.run("sha256sum", [file.path])
        #expect(run.status == 0)
        #expect(String(run.output.prefix(64)) == SHA256.hex(bytes), "length \(length)")
    }
}
