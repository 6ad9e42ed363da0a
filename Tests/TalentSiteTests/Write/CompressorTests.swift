import Foundation
import Testing
@testable import TalentSite

/// gzip and brotli as written by `--precompress`: they read back to the source with the real decoders (and GNU
/// gzip), the gzip header carries no name, time 0 and a fixed OS byte, and the same input gives the same bytes.
@Suite struct CompressorTests {
    /// Deterministic noise (xorshift), so a failure reproduces: incompressible, unlike text.
    static func noise(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    static let samples: [String: [UInt8]] = [
        "empty": [],
        "one byte": [0x41],
        "CJK page": Array(String(repeating: "<p>智慧機械人才培育課程，報名至 2027-04-10。</p>\n", count: 300).utf8),
        "noise": noise(70_000),
        "6 MB, over brotli's 4 MiB window": Array(String(repeating: "row,數值,\(String(repeating: "x", count: 40))\n", count: 110_000).utf8)
            + noise(4096, seed: 7),
    ]

    @Test(arguments: samples.keys.sorted()) func gzipReadsBackToItsSource(name: String) throws {
        let source = try #require(Self.samples[name])
        let compressed = try Gzip.compress(source)
        #expect(try Decompress.gunzip(compressed) == source)
        #expect(try Gzip.compress(source) == compressed)
    }

    @Test(arguments: samples.keys.sorted()) func brotliReadsBackToItsSource(name: String) throws {
        let source = try #require(Self.samples[name])
        let compressed = try Brotli.compress(source)
        #expect(try Decompress.unbrotli(compressed) == source)
        #expect(try Brotli.compress(source) == compressed)
    }

    @Test func textShrinksAndNoiseDoesNot() throws {
        let text = try #require(Self.samples["CJK page"])
        #expect(try Gzip.compress(text).count * 10 < text.count)
        #expect(try Brotli.compress(text).count < (try Gzip.compress(text)).count)
        let noise = try #require(Self.samples["noise"])
        #expect(try Gzip.compress(noise).count >= noise.count)
        #expect(try Brotli.compress(noise).count >= noise.count)
    }

    /// RFC 1952 header: magic, deflate, no flags (no name, comment or extra), MTIME 0, XFL 2 (best compression), OS 3.
    @Test func gzipHeaderHoldsNoNameNoTimeAndAFixedOS() throws {
        let compressed = try Gzip.compress(Array("hello, 世界\n".utf8))
        #expect(Array(compressed.prefix(10)) == [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x02, 0x03])
    }

    /// GNU gzip, another implementation, agrees: integrity test passes and it prints the source back.
    @Test func gnuGzipReadsIt() throws {
        let source = try #require(Self.samples["CJK page"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("precompress-\(UUID().uuidString).html.gz")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try Gzip.compress(source)).write(to: file)
        let test = try ExternalTool.run("gzip", ["-t", file.path])
        #expect(test.status == 0, "\(test.output)")
        let out = try ExternalTool.run("gzip", ["-dc", file.path])
        #expect(out.status == 0)
        #expect(out.output == String(decoding: source, as: UTF8.self))
    }

    @Test func decodersRejectDamage() throws {
        let source = try #require(Self.samples["CJK page"])
        var gz = try Gzip.compress(source)
        gz[gz.count - 6] ^= 0xFF  // inside the CRC-32
        #expect(throws: Decompress.Failure.self) { try Decompress.gunzip(gz) }
        let br = try Brotli.compress(source)
        #expect(throws: Decompress.Failure.self) { try Decompress.unbrotli(Array(br.dropLast(3))) }
        #expect(throws: Decompress.Failure.self) { try Decompress.unbrotli(br + [0]) }
    }
}
