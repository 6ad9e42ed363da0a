import Foundation
import Synchronization

/// A compressed copy a host can send as is, named by the suffix nginx's `gzip_static` and `brotli_static` look for.
public enum PrecompressedEncoding: String, CaseIterable, Sendable {
    case gzip = "gz"
    case brotli = "br"

    public var suffix: String { "." + rawValue }

    func compress(_ bytes: [UInt8]) throws(CompressionError) -> [UInt8] {
        switch self {
        case .gzip: try Gzip.compress(bytes)
        case .brotli: try Brotli.compress(bytes)
        }
    }
}

/// `build --precompress`: writes every file through to the wrapped target, plus `NAME.gz` and `NAME.br` beside each
/// text file worth compressing, so a static host can send compressed bytes without compressing on each request,
/// and at the best levels, which are too slow to use per request. A copy that is not smaller than its source is
/// not written (the host then sends the plain file). Every format and the search files go through the output
/// target, so all of them are covered; compression runs on the threads that write, in parallel with rendering.
public final class PrecompressingTarget: OutputTarget, Sendable {
    /// Files smaller than this are not compressed. Below about 1 KB a response's body and headers fit in one
    /// TCP segment (~1,460 bytes) anyway, so compressing saves no round trip, while every copy is two more files
    /// to upload and keep; CDNs draw the line at the same place (Akamai 860 bytes, Cloudflare and others ~1 KB).
    public static let minimumSize = 1024

    /// Text formats, by file extension. Images, fonts and archives are compressed already and left alone.
    public static let textExtensions: Set<String> = [
        "html", "htm", "xhtml", "css", "js", "mjs", "map", "json", "jsonld", "webmanifest", "geojson",
        "xml", "rss", "atom", "xsl", "svg", "csv", "tsv", "txt", "md", "ics", "vtt",
    ]

    public let inner: any OutputTarget
    private let state = Mutex(State())
    private struct State {
        /// Paths written as given, and compressed copies with the path they were made from: a build writing both
        /// `a.css` and its own `a.css.gz` would otherwise get one or the other depending on thread timing.
        var plain: Set<String> = []
        var copies: [String: String] = [:]
        var totals = PrecompressTotals()
    }

    public init(wrapping inner: any OutputTarget) { self.inner = inner }

    /// True when a file at `path` of `size` bytes gets compressed copies (if they come out smaller).
    public static func isWorthCompressing(_ path: OutputPath, size: Int) -> Bool {
        guard size >= minimumSize, let dot = path.relative.lastIndex(of: "."),
              !path.relative[dot...].contains("/") else { return false }
        return textExtensions.contains(path.relative[path.relative.index(after: dot)...].lowercased())
    }

    public func write(_ bytes: [UInt8], to path: OutputPath) throws {
        try claim(path.relative, as: nil)
        try inner.write(bytes, to: path)
        guard Self.isWorthCompressing(path, size: bytes.count) else { return }
        var sizes: [PrecompressedEncoding: Int] = [:]
        for encoding in PrecompressedEncoding.allCases {
            let compressed = try encoding.compress(bytes)
            guard compressed.count < bytes.count,
                  let copy = OutputPath(file: path.relative + encoding.suffix) else { continue }
            try claim(copy.relative, as: path.relative)
            try inner.write(compressed, to: copy)
            sizes[encoding] = compressed.count
        }
        state.withLock { $0.totals.add(source: bytes.count, sizes: sizes) }
    }

    /// How much was compressed, for the build's closing note.
    public var summary: PrecompressTotals { state.withLock { $0.totals } }

    /// Records that `path` is written, as a plain file (`source` nil) or as the compressed copy of `source`,
    /// refusing a path that is both.
    private func claim(_ path: String, as source: String?) throws {
        try state.withLock { (state) throws(PrecompressConflict) in
            if let source {
                if state.plain.contains(path) { throw PrecompressConflict(path: path, source: source) }
                state.copies[path] = source
            } else {
                if let owner = state.copies[path] { throw PrecompressConflict(path: path, source: owner) }
                state.plain.insert(path)
            }
        }
    }
}

/// The site writes a file under the name `--precompress` gives the compressed copy of another.
public struct PrecompressConflict: Error, LocalizedError, Sendable {
    public let path: String
    public let source: String
    public var errorDescription: String? {
        "\(path) is both a file of the site and the compressed copy of \(source) that --precompress writes; rename the file or build without --precompress"
    }
}

/// Files compressed and bytes before and after, per encoding.
public struct PrecompressTotals: Sendable, Equatable {
    public var files = 0
    public var sourceBytes = 0
    public var compressedBytes: [PrecompressedEncoding: Int] = [:]
    public var copies: [PrecompressedEncoding: Int] = [:]

    mutating func add(source: Int, sizes: [PrecompressedEncoding: Int]) {
        files += 1
        sourceBytes += source
        for (encoding, size) in sizes {
            compressedBytes[encoding, default: 0] += size
            copies[encoding, default: 0] += 1
        }
    }

    /// `precompressed 812 files (10.2 MB): 640 .gz (2.1 MB), 650 .br (1.8 MB)`.
    public var note: String {
        let parts = PrecompressedEncoding.allCases.map { "\(copies[$0] ?? 0) \($0.suffix) (\(Self.megabytes(compressedBytes[$0] ?? 0)))" }
        return "precompressed \(files) file\(files == 1 ? "" : "s") (\(Self.megabytes(sourceBytes))): " + parts.joined(separator: ", ")
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}
