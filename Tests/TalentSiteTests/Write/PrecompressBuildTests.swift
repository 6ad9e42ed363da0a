import Foundation
import Testing
@testable import TalentSite

/// `talentsite build --precompress` on a whole site, through the binary: every text file of 1 KB or more gets
/// copies that read back to it, nothing else does, two builds are byte-identical, the manifest lists the copies,
/// and without the flag the output is exactly what it was.
@Suite struct PrecompressBuildTests {
    static let environment = ["PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1780000000"]

    static func build(_ site: DiskSite, into name: String, _ extra: [String]) throws -> CommandLineTests.Run {
        try CommandLineTests.run(["build", "--source", site.root.path, "--output", site.root.appendingPathComponent(name).path] + extra,
                                 environment: environment)
    }

    /// The files of one build, by path inside it, without the build's marker.
    static func output(_ site: DiskSite, _ name: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (path, data) in TestSite.files(under: name, of: site.root) where !path.hasSuffix(OutputGuard.markerName) {
            files[String(path.dropFirst(name.count + 1))] = Array(data)
        }
        return files
    }

    @Test func copiesBesideEveryTextFileAreDeterministicAndReadBack() throws {
        let site = try DiskSite(); defer { site.remove() }
        let first = try Self.build(site, into: "one", ["--precompress", "--manifest", site.root.appendingPathComponent("one.manifest").path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.build(site, into: "two", ["--precompress"]).status == 0)
        #expect(try Self.build(site, into: "plain", []).status == 0)
        let one = Self.output(site, "one"), two = Self.output(site, "two"), plain = Self.output(site, "plain")
        #expect(one == two, "two builds with --precompress differ")

        let copies = one.keys.filter { $0.hasSuffix(".gz") || $0.hasSuffix(".br") }
        #expect(Set(one.keys).subtracting(copies) == Set(plain.keys))
        #expect(plain.keys.allSatisfy { one[$0] == plain[$0] }, "--precompress changed a plain file")
        #expect(!plain.keys.contains { $0.hasSuffix(".gz") || $0.hasSuffix(".br") })

        var compressed = 0
        for (file, bytes) in plain.sorted(by: { $0.key < $1.key }) {
            let worth = PrecompressingTarget.isWorthCompressing(try #require(OutputPath(file: file)), size: bytes.count)
            if let gz = one[file + ".gz"] {
                #expect(worth, "\(file) is not worth compressing")
                #expect(try Decompress.gunzip(gz) == bytes, "\(file).gz")
                #expect(gz.count < bytes.count)
            }
            if let br = one[file + ".br"] {
                #expect(worth, "\(file) is not worth compressing")
                #expect(try Decompress.unbrotli(br) == bytes, "\(file).br")
                #expect(br.count < bytes.count)
            }
            // Text of the site is never incompressible: each file worth it has both copies.
            if worth { #expect(one[file + ".gz"] != nil && one[file + ".br"] != nil, "\(file) has no copies"); compressed += 1 }
        }
        #expect(copies.count == 2 * compressed)
        #expect(compressed > 20)
        // The test site's CSV files are under 1 KB; PrecompressingTargetTests covers .csv.
        for kind in [".html", ".css", ".js", ".json", ".xml"] {
            #expect(copies.contains { $0.hasSuffix(kind + ".gz") } && copies.contains { $0.hasSuffix(kind + ".br") }, "no \(kind) copies")
        }
        #expect(first.stdout.contains("precompressed \(compressed) files ("), "\(first.stdout)")
        #expect(first.stdout.contains("wrote \(one.count) files to "), "\(first.stdout)")

        let manifest = try String(contentsOf: site.root.appendingPathComponent("one.manifest"), encoding: .utf8)
        for file in ["index.html.gz", "index.html.br"] {
            let bytes = try #require(one[file])
            #expect(manifest.contains("\n\(SHA256.hex(bytes))  \(bytes.count)  \(file)\n"))
        }
        #expect(first.stdout.contains("wrote the manifest of \(one.count) files"))
    }
}
