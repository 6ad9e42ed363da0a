import Foundation
import Testing
@testable import TalentSite

/// The `--precompress` writer over an in-memory target: which files get copies, that copies read back to their
/// source, that a copy not smaller than its source is left out, and that a name clash fails instead of racing.
@Suite struct PrecompressingTargetTests {
    static func path(_ file: String) throws -> OutputPath { try #require(OutputPath(file: file)) }
    static func text(_ count: Int) -> [UInt8] {
        let line = Array("<li>課程 CNC 5+2 產業人才</li>\n".utf8)
        return Array((0..<count).map { line[$0 % line.count] })
    }

    @Test func textFilesOfAtLeastOneKilobyteGetBothCopiesThatReadBack() throws {
        let memory = MemoryOutput(), target = PrecompressingTarget(wrapping: memory)
        let page = Self.text(5000)
        for file in ["courses/cnc/index.html", "style.3f2a.css", "search.js", "data/courses.json", "data/courses.csv", "sitemap.xml",
                     "robots.txt", "logo.svg", "data/catalog.jsonld", "site.webmanifest", "feed.rss", "UPPER.HTML"] {
            try target.write(page, to: Self.path(file))
            let files = memory.files
            #expect(files[file] == page)
            #expect(try Decompress.gunzip(try #require(files[file + ".gz"], "\(file).gz")) == page)
            #expect(try Decompress.unbrotli(try #require(files[file + ".br"], "\(file).br")) == page)
        }
        #expect(target.summary.files == 12 && target.summary.copies == [.gzip: 12, .brotli: 12])
        #expect(target.summary.sourceBytes == 12 * 5000)
    }

    @Test func theThresholdIsOneKilobyte() throws {
        let memory = MemoryOutput(), target = PrecompressingTarget(wrapping: memory)
        try target.write(Self.text(1023), to: Self.path("small/index.html"))
        try target.write(Self.text(1024), to: Self.path("big/index.html"))
        #expect(Set(memory.files.keys) == ["small/index.html", "big/index.html", "big/index.html.gz", "big/index.html.br"])
        #expect(PrecompressingTarget.isWorthCompressing(try Self.path("a.css"), size: 1024))
        #expect(!PrecompressingTarget.isWorthCompressing(try Self.path("a.css"), size: 1023))
    }

    @Test(arguments: ["photo.png", "photo.jpg", "font.woff2", "archive.zip", "data.csv.gz", "index.html.br", "README",
                      "folder.css/file", "search/index.bin"])
    func otherFilesAreWrittenAsIs(file: String) throws {
        let memory = MemoryOutput(), target = PrecompressingTarget(wrapping: memory)
        try target.write(Self.text(8000), to: Self.path(file))
        #expect(Array(memory.files.keys) == [file])
        #expect(!PrecompressingTarget.isWorthCompressing(try Self.path(file), size: 8000))
    }

    /// Random bytes in a text file (an SVG holding base64 of a photo compresses little; noise not at all):
    /// neither copy comes out smaller, so neither is written, and the host sends the plain file.
    @Test func aCopyThatIsNotSmallerIsLeftOut() throws {
        let memory = MemoryOutput(), target = PrecompressingTarget(wrapping: memory)
        let noise = CompressorTests.noise(4000)
        try target.write(noise, to: Self.path("noise.txt"))
        #expect(Array(memory.files.keys) == ["noise.txt"])
        #expect(target.summary.copies == [:])
    }

    @Test func aFileNamedLikeACopyFailsWhicheverComesFirst() throws {
        for order in [["a.css", "a.css.gz"], ["a.css.br", "a.css"]] {
            let memory = MemoryOutput(), target = PrecompressingTarget(wrapping: memory)
            try target.write(Self.text(3000), to: Self.path(order[0]))
            #expect {
                try target.write(Self.text(3000), to: Self.path(order[1]))
            } throws: { error in
                (error as? PrecompressConflict)?.errorDescription?.contains("is both a file of the site and the compressed copy of a.css") == true
            }
        }
    }

    /// Many threads write at once during a build: the copies must still be exactly those of a single thread.
    @Test func concurrentWritesGiveTheSameFilesAsOneAtATime() throws {
        let files = (0..<64).map { ("page\($0)/index.html", Self.text(1000 + 37 * $0)) }
        let serial = MemoryOutput(), parallel = MemoryOutput()
        let one = PrecompressingTarget(wrapping: serial), many = PrecompressingTarget(wrapping: parallel)
        for (file, bytes) in files { try one.write(bytes, to: Self.path(file)) }
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            try? many.write(files[index].1, to: OutputPath(file: files[index].0)!)
        }
        #expect(serial.files == parallel.files)
        #expect(serial.files.count == 1 + 63 * 3)
        #expect(one.summary == many.summary)
    }
}
