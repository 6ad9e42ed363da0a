import Foundation
import Testing

/// Data flows one way through Sources/TalentSite: utilities ← Model ← Load ← Render ← formats ← Build ← commands.
/// These tests read the real sources, so a back reference fails `swift test` as soon as it is written.
@Suite struct LayerDirectionTests {
    static let sources = TestSite.root.appendingPathComponent("Sources/TalentSite")

    @Test func noFolderNamesATypeOfAHigherLayer() throws {
        let direction = LayerDirection(files: try LayerDirection.read(Self.sources))
        #expect(direction.files.count > 100)
        #expect(direction.violations().map(\.description) == [])
    }

    @Test func everyFolderHasItsPlaceInTheLayers() throws {
        #expect(LayerDirection(files: try LayerDirection.read(Self.sources)).unplacedFolders == [])
    }

    /// The back references issue 14 found, each put back into today's sources: the check must catch every one.
    struct BackReference: Sendable, CustomTestStringConvertible {
        var name: String
        /// Files moved back to where they were (path → old path).
        var moves: [String: String] = [:]
        /// Lines added at the end of a file's first function (path → code).
        var added: [String: String] = [:]
        /// The violations expected (`file: name`).
        var expected: [String]
        var testDescription: String { name }
    }

    static let backReferences: [BackReference] = [
        BackReference(name: "RecordID in Render", moves: ["Model/RecordID.swift": "Render/RecordID.swift"],
                      expected: ["Model/SiteModel.swift: RecordID"]),
        BackReference(name: "SiteModelBuilder in Model", moves: ["Load/SiteModelBuilder.swift": "Model/SiteModelBuilder.swift"],
                      expected: ["Model/SiteModelBuilder.swift: LoadedContent"]),
        BackReference(name: "stale-translation rule in Translation",
                      moves: ["Model/TranslationState.swift": "Translation/TranslationState.swift"],
                      expected: ["Load/SiteModelBuilder.swift: StaleTranslationCheck"]),
        BackReference(name: "fingerprint in Translation",
                      moves: ["Model/TranslationFingerprint.swift": "Translation/TranslationFingerprint.swift"],
                      expected: ["Load/MarkdownRecordLoader.swift: TranslationFingerprint", "Load/SchemaLoader.swift: TranslationFingerprint"]),
        BackReference(name: "Render names RSSFeeds",
                      added: ["Render/PageContext.swift": "_ = RSSFeeds.discovery(site: site, language: language, section: section)"],
                      expected: ["Render/PageContext.swift: RSSFeeds"]),
        BackReference(name: "Render names SearchPages",
                      added: ["Render/PageContext.swift": "_ = \"\\(SearchPages.pagePath(language))\""],
                      expected: ["Render/PageContext.swift: SearchPages"]),
        BackReference(name: "LinkPath in Check", moves: ["Write/LinkPath.swift": "Check/LinkPath.swift"],
                      expected: ["Render/BodyLinkCheck.swift: LinkPath"]),
        // The Output stage's own boundaries: the contract and the formats sit above Render and the format
        // libraries, below the pipeline.
        BackReference(name: "Render names the output contract",
                      added: ["Render/PageContext.swift": "_ = env.formats.compactMap { $0 as? any OutputFormat }"],
                      expected: ["Render/PageContext.swift: OutputFormat"]),
        BackReference(name: "Render names a page format",
                      added: ["Render/Listing/PagedList.swift": "_ = RecordPages().homePreviewCount"],
                      expected: ["Render/Listing/PagedList.swift: RecordPages"]),
        BackReference(name: "a feed library names its format",
                      added: ["Feeds/FeedItems.swift": "_ = RSSFeeds().pageLinks(site: site, language: language, section: nil)"],
                      expected: ["Feeds/FeedItems.swift: RSSFeeds"]),
        BackReference(name: "the data table names its format",
                      added: ["OpenData/OpenDataTable.swift": "_ = OpenData()"],
                      expected: ["OpenData/OpenDataTable.swift: OpenData"]),
        BackReference(name: "a format names the pipeline",
                      added: ["Output/Sitemap.swift": "_ = SiteBuilder.formats.count"],
                      expected: ["Output/Sitemap.swift: SiteBuilder"]),
        BackReference(name: "Model uses a member Load adds",
                      added: ["Model/ReferenceCheck.swift": "_ = FieldType.text.isGroupable"],
                      expected: ["Model/ReferenceCheck.swift: .isGroupable"]),
        BackReference(name: "Model quotes with the Load decoder",
                      added: ["Model/ExampleDomainCheck.swift": "_ = \"link to \\(FieldDecoder.quoted(url))\""],
                      expected: ["Model/ExampleDomainCheck.swift: FieldDecoder"]),
    ]

    @Test(arguments: backReferences) func catchesEachBackReferenceOfTheIssue(_ case_: BackReference) throws {
        var files = try LayerDirection.read(Self.sources)
        for (path, old) in case_.moves {
            let text: String = try #require(files[path])
            files[path] = nil
            files[old] = text
        }
        for (path, code) in case_.added {
            let text = try #require(files[path])
            let body = try #require(text.range(of: #"func [^{]*\{\n"#, options: .regularExpression))
            files[path] = text.replacingCharacters(in: body, with: text[body] + code + "\n")
        }
        let found = Set(LayerDirection(files: files).violations().map { "\($0.file): \($0.name)" })
        #expect(Set(case_.expected).isSubset(of: found), "found: \(found.sorted())")
    }

    @Test func commentsAndStringsNameNothingButInterpolationsDo() {
        let files = [
            "Model/A.swift": """
                // RSSFeeds is mentioned here
                /* and here: RSSFeeds /* nested RSSFeeds */ RSSFeeds */
                let a = "RSSFeeds", b = #"RSSFeeds "quoted""#
                let c = \"""
                    RSSFeeds \\(1 + (2))
                    \"""
                let d = "\\(RSSFeeds.self)"
                """,
            "Feeds/RSSFeeds.swift": "struct RSSFeeds {}",
        ]
        #expect(LayerDirection(files: files).violations().map(\.description) == [
            "Model/A.swift:7: names RSSFeeds, declared in the higher layer Feeds/",
        ])
    }

    @Test func aNameDeclaredLowerDownIsTheOneMeant() {
        let files = ["Model/A.swift": "struct Entry {}\nlet e = Entry()", "Build/B.swift": "enum Entry {}",
                     "Load/C.swift": "let e = Entry()"]
        #expect(LayerDirection(files: files).violations() == [])
    }
}
