import CZlib

/// Why a file could not be compressed; the build reports it on the file and stops, like any failed write.
public struct CompressionError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// gzip (RFC 1952) from zlib at level 9, for hosts that serve `NAME.gz` as is (nginx `gzip_static`). The header
/// holds no file name and time 0, and its OS byte is always 3 (Unix) instead of zlib's build-time guess, so the
/// same source gives the same bytes on every machine with this zlib: checksum-based deploys upload only changes.
public enum Gzip {
    /// gzip's OS byte for Unix, written whatever the build machine is (zlib would write 19 on macOS).
    static let unixOS: Int32 = 3

    public static func compress(_ source: [UInt8]) throws(CompressionError) -> [UInt8] {
        guard source.count < Int(UInt32.max) else { throw CompressionError(message: "too large to gzip (\(source.count) bytes)") }
        // zlib keeps pointers to both the stream and the header between calls, so neither may move: heap, not stack.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        let header = UnsafeMutablePointer<gz_header>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        header.initialize(to: gz_header())
        defer { stream.deallocate(); header.deallocate() }
        // 15 + 16: the largest window, wrapped as gzip instead of zlib's own format. memLevel 8 is zlib's default.
        let started = deflateInit2_(stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else { throw CompressionError(message: "zlib could not start compressing (status \(started))") }
        defer { deflateEnd(stream) }
        header.pointee.os = unixOS  // time 0, no name, no comment, no extra field: gz_header()'s zeros
        guard deflateSetHeader(stream, header) == Z_OK else { throw CompressionError(message: "zlib refused the gzip header") }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(source.count))))
        let status = source.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw CompressionError(message: "zlib failed to compress (status \(status))")
        }
        output.removeSubrange(Int(stream.pointee.total_out)...)
        return output
    }
}
