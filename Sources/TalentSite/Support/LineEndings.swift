/// One text, one line ending: what the loader reads and what translation fingerprints hash both go
/// through here, so a file saved with CRLF or a byte-order mark means the same as one without.
enum LineEndings {
    /// Drops a leading byte-order mark and turns CRLF and lone CR into LF.
    static func unified(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard text.utf8.contains(13) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 10 && afterCR { afterCR = false; continue }  // the LF of a CRLF, already written
            afterCR = byte == 13
            bytes.append(afterCR ? 10 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
