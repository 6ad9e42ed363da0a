import Testing
@testable import TalentSite

/// A card's summary cut by its shortcuts (a text of no more scalars than the limit kept whole, printable ASCII
/// cut on bytes) is the cut made character by character.
@Suite struct CardShortenTests {
    static let pieces = ["word", " ", ". ", ".", "  ", "\t", "x", "Sentence ends here. ", "a,b", "(c)", "end.", "ü", "課程", "，", "。", "é\u{301}"]

    /// Texts made of the pieces in a fixed pseudo-random order, some ASCII only, some not.
    static let texts: [String] = {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        var texts = ShortenFastPathTests.texts + [
            " leading spaces then words and words and words and more words to cut", "nospacesatallbutverylongindeedyesverylongtext",
            "Ends with a full stop. Then more words follow here.", "\tTabbed\tlist\tof\twords\tthat\tgoes\ton",
            String(repeating: "The syllabus maps to the industry competency certification, hands-on sessions. ", count: 4),
        ]
        for index in 0..<400 {
            let asciiOnly = index % 2 == 0
            let usable = asciiOnly ? pieces.filter { $0.allSatisfy(\.isASCII) } : pieces
            texts.append((0..<(5 + next() % 60)).map { _ in usable[next() % usable.count] }.joined())
        }
        return texts
    }()

    @Test func theShortcutsCutAsTheCharacterCutDoes() {
        var byBytes = 0
        for text in Self.texts {
            for limit in [2, 3, 5, 12, 20, 40, 80, 160] {
                #expect(ListItems.shorten(text, limit: limit) == ListItems.shortenByCharacters(text, limit: limit),
                        "\(limit): \(text.debugDescription)")
                if let cut = ListItems.shortenPrintableASCII(text, limit: limit) {
                    #expect(cut == ListItems.shortenByCharacters(text, limit: limit), "\(limit): \(text.debugDescription)")
                    if text.utf8.count > limit { byBytes += 1 }
                }
            }
        }
        // The byte cut was taken, on texts of every kind of cut.
        #expect(byBytes > 500)
    }

    @Test func onlyPrintableASCIIIsCutOnBytes() {
        #expect(ListItems.shortenPrintableASCII(String(repeating: "課程 ", count: 40), limit: 20) == nil)
        #expect(ListItems.shortenPrintableASCII(String(repeating: "cafe\u{301} ", count: 40), limit: 20) == nil)
        #expect(ListItems.shortenPrintableASCII("bell\u{7} " + String(repeating: "x ", count: 40), limit: 20) == nil)
        #expect(ListItems.shortenPrintableASCII(String(repeating: "word ", count: 40), limit: 20) == "word word word…")
    }
}
