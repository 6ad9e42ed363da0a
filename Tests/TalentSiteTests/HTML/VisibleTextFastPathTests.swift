import Testing
@testable import TalentSite

/// `VisibleText`'s white-space squeeze over UTF-8 bytes against the previous squeeze by scalars and by
/// characters (`ReferenceSearch.squeezed`), and its UTF-8 check against the standard library's.
@Suite struct VisibleTextFastPathTests {
    @Test func theByteSqueezeMatchesTheReference() {
        var texts = MixedText.texts(3000, seed: 5)
        texts += ["", " ", "  a  ", "a \u{301}b", "x\u{600} y", "a\u{200D} b", "\u{3000}機器\u{3000}", " \u{0301}", "\u{0600} "]
        for text in texts {
            let squeezed = VisibleText.Collector.squeezed(text)
            #expect(Array(squeezed.utf8) == Array(ReferenceSearch.squeezed(text).utf8), "\(text.debugDescription)")
            var out: [UInt8] = []
            var copy = text
            let fast = copy.withUTF8 { VisibleText.Collector.squeeze($0, into: &out) }
            #expect(fast == (ReferenceSearch.squeezedScalars(text) != nil), "\(text.debugDescription)")
            if fast { #expect(out == Array(squeezed.utf8)) }
        }
    }

    @Test func whiteSpaceIsTheUnicodeProperty() {
        let differing = (0...UInt32(0x10FFFF)).filter { value in
            Unicode.Scalar(value).map { VisibleText.Collector.isWhitespace(value) != $0.properties.isWhitespace } ?? false
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    @Test func theUTF8CheckAgreesWithTheStandardLibrary() {
        var generator = MixedText(seed: 3)
        var samples: [[UInt8]] = [[], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                  [0xF0, 0x8F, 0xBF, 0xBF], [0xE6, 0x88], [0x80], [0xFF], Array("機器 ok 😀".utf8)]
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                                    0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20000 {
            let count = Int(generator.next() % 6)
            samples.append((0..<count).map { _ in interesting[Int(generator.next() % UInt64(interesting.count))] })
        }
        for bytes in samples {
            let valid = bytes.withUnsafeBufferPointer { HTMLCharacters.isValidUTF8($0) }
            #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test func textNodesWithBadUTF8AreRepairedAsBefore() throws {
        // libxml2 hands over what it decoded; whatever reaches a text node is read as `String(cString:)` reads it.
        let html = Array("<main><p>ok ".utf8) + [0xE6, 0x88] + Array(" end</p><p>機器</p></main>".utf8)
        let text = try #require(VisibleText(html: html))
        #expect(text.text.hasPrefix("ok ") && text.text.hasSuffix("end\n機器"))
    }

    @Test func elementKindsFromPackedNamesAreTheKindsFromStrings() {
        let names = VisibleText.blocks.union(VisibleText.skipped).union(["a", "h1", "span", "abbr", "em", "b", "aa", "h7", "mainx", "x"])
        for name in names {
            let packed = Array(name.utf8CString).map { UInt8(bitPattern: $0) }.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.flatMap { VisibleText.Collector.kind($0) }
            }
            #expect((packed ?? VisibleText.Collector.kind(name)) == VisibleText.Collector.kind(name), "\(name)")
            #expect((packed == nil) == (name.utf8.count > 8), "\(name)")
        }
        #expect(VisibleText.Collector.kind("figcaption") == .block && VisibleText.Collector.kind("h1") == .heading)
    }

    @Test func dataSearchMarkersStillSteerTheText() throws {
        let html = "<main><h1>T</h1><div data-search=\"after\"><p>facts</p></div><p>body</p>"
            + "<span data-search=\"ignore\">badge</span><span data-x=\"1\">kept</span></main>"
        let text = try #require(VisibleText(html: Array(html.utf8)))
        #expect(text.text == "T\nbody\nkept\nfacts", "ignored badge left out, the after block last")
    }
}
