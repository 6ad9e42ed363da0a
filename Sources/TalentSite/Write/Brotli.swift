import CBrotli

/// Brotli (RFC 7932) from libbrotli at quality 11 with its default window (4 MiB), for hosts that serve `NAME.br`
/// as is (nginx `brotli_static`). Compressed once at build time, so the slowest, smallest setting is worth it;
/// the encoder takes no time or name, so the same source gives the same bytes with the same libbrotli.
public enum Brotli {
    public static let quality: Int32 = 11

    public static func compress(_ source: [UInt8]) throws(CompressionError) -> [UInt8] {
        var size = BrotliEncoderMaxCompressedSize(source.count)
        guard size > 0 else { throw CompressionError(message: "too large for brotli (\(source.count) bytes)") }
        var output = [UInt8](repeating: 0, count: size)
        let done = source.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, input.count, input.baseAddress, &size, out.baseAddress)
            }
        }
        guard done == BROTLI_TRUE else { throw CompressionError(message: "brotli failed to compress \(source.count) bytes") }
        output.removeSubrange(size...)
        return output
    }
}
