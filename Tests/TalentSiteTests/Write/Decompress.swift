import CBrotli
import CZlib

/// Independent readers for the compressed copies: zlib's inflate and libbrotli's streaming decoder, fed the
/// whole file, failing on trailing bytes or a truncated stream, so a test sees exactly what a browser would.
enum Decompress {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // 15 + 16: gzip only, so a zlib-wrapped or raw stream is an error here.
        guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure(description: "inflateInit2") }
        defer { inflateEnd(stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.pointee.next_in = source.baseAddress
            stream.pointee.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = uInt(out.count)
                    return inflate(stream, Z_NO_FLUSH)
                }
                result += chunk[0..<(chunk.count - Int(stream.pointee.avail_out))]
                if status != Z_OK { return status }
            }
        }
        guard status == Z_STREAM_END else { throw Failure(description: "inflate ended with \(status)") }
        guard stream.pointee.avail_in == 0 else { throw Failure(description: "\(stream.pointee.avail_in) bytes after the gzip member") }
        return result
    }

    static func unbrotli(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let decoder = BrotliDecoderCreateInstance(nil, nil, nil) else { throw Failure(description: "no brotli decoder") }
        defer { BrotliDecoderDestroyInstance(decoder) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let (status, left): (BrotliDecoderResult, Int) = bytes.withUnsafeBufferPointer { source in
            var availableIn = source.count
            var nextIn = source.baseAddress
            while true {
                var availableOut = chunk.count
                let status = chunk.withUnsafeMutableBufferPointer { out in
                    var nextOut = out.baseAddress
                    return BrotliDecoderDecompressStream(decoder, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                }
                result += chunk[0..<(chunk.count - availableOut)]
                if status != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT { return (status, availableIn) }
            }
        }
        guard status == BROTLI_DECODER_RESULT_SUCCESS else {
            throw Failure(description: "brotli ended with \(status.rawValue): \(String(cString: BrotliDecoderErrorString(BrotliDecoderGetErrorCode(decoder))))")
        }
        guard left == 0 else { throw Failure(description: "\(left) bytes after the brotli stream") }
        return result
    }
}
