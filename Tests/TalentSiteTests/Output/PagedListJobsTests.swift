import Foundation
import Testing
@testable import TalentSite

/// Plan-time jobs hold places in the model (list rows, the search collector's record look-up) instead of copies of
/// schemas and entries: what they resolve to is what the copies were, on the project's own site.
@Suite struct PagedListJobsTests {
    static let env = RenderCacheTests.env

    @Test func rowsNameTheEntriesTheyWereMadeFrom() throws {
        let site = try #require(Self.env).site
        for (index, section) in site.sections.enumerated() {
            let rows = SiteModel.rows(section: index, entries: section.entries.indices)
            #expect(rows.map { site.entry(at: $0)?.slug } == section.entries.map(\.slug))
            #expect(rows.map { site.entry(at: $0)?.section } == section.entries.map(\.section))
            #expect(site.entry(at: ListRow(section: index, entry: section.entries.count)) == nil)
            #expect(site.entry(at: ListRow(section: index, entry: -1)) == nil)
        }
        #expect(site.entry(at: ListRow(section: site.sections.count, entry: 0)) == nil)
        #expect(site.entry(at: ListRow(section: -1, entry: 0)) == nil)
    }

    /// A list over two sections, two rows a page: each language's page n shows that language's rows n·2-1 and n·2,
    /// in list order, and links the page n of the languages that have one.
    @Test func eachPageShowsItsShareOfTheRowsInItsLanguage() throws {
        let env = try #require(Self.env)
        let site = env.site
        let listed = site.sections.indices.filter { !site.sections[$0].schema.atSiteRoot && !site.sections[$0].entries.isEmpty }
        #expect(listed.count >= 2)
        let rows = listed.flatMap { SiteModel.rows(section: $0, entries: site.sections[$0].entries.indices) }
        let languages = site.settings.languages
        let list = PagedList(title: LocalizedText(["zh-TW": "清單", "en": "List"]), intro: nil,
                             basePaths: Dictionary(uniqueKeysWithValues: languages.map { ($0.code, $0.homePath + "list/") }),
                             rows: rows, pageSize: 2, groupBy: [.section], menuSection: nil,
                             origin: SourceLocation(file: "test"))
        let jobs = list.jobs(site: site)
        let pageCounts = Dictionary(uniqueKeysWithValues: languages.map { language in
            (language.code, max(1, (rows.count { site.entry(at: $0)?.versions[language.code] != nil } + 1) / 2))
        })
        #expect(jobs.count == pageCounts.values.reduce(0, +))
        for language in languages {
            let visible = rows.compactMap { row -> String? in
                guard let entry = site.entry(at: row), entry.versions[language.code] != nil else { return nil }
                return site.routes.record(site.sections[row.section].schema, slug: entry.slug, language)
            }
            let pages = jobs.filter { $0.page?.language == language.code }
            #expect(pages.count == pageCounts[language.code])
            for (offset, job) in pages.enumerated() {
                let number = offset + 1
                #expect(job.path == site.routes.page(number, of: language.homePath + "list/"))
                let linked = languages.filter { (pageCounts[$0.code] ?? 0) >= number }.map(\.code)
                #expect(job.page?.versions.keys.sorted() == linked.sorted())
                let html = String(decoding: try #require(job.render(env)), as: UTF8.self)
                let shown = Array(visible.dropFirst(offset * 2).prefix(2))
                // Each shown record's page is linked, in list order; no other listed record is.
                let positions = shown.map { html.range(of: "href=\"\($0)\"")?.lowerBound }
                #expect(positions.allSatisfy { $0 != nil }, "\(job.path)")
                #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
                for other in visible where !shown.contains(other) {
                    #expect(!html.contains("href=\"\(other)\""), "\(job.path) shows \(other)")
                }
            }
        }
    }

    @Test func theSearchCollectorsLookUpFindsWhatADictionaryOfCopiesFound() throws {
        let site = try #require(Self.env).site
        let places = RecordPlaces(site: site)
        var copies: [RecordID: (section: SiteModel.Section, entry: Entry)] = [:]
        for section in site.sections {
            for entry in section.entries { copies[RecordID(section: section.schema.name, slug: entry.slug)] = (section, entry) }
        }
        #expect(copies.count > 10)
        for (id, copy) in copies {
            let found = try #require(places[id])
            #expect(found.section.schema.name == copy.section.schema.name)
            #expect(found.entry.slug == copy.entry.slug)
            #expect(found.entry.versions.keys.sorted() == copy.entry.versions.keys.sorted())
            #expect(found.entry.versions.values.map(\.file).sorted() == copy.entry.versions.values.map(\.file).sorted())
        }
        #expect(places[RecordID(section: "courses", slug: "no-such-course")] == nil)
        #expect(places[RecordID(section: "no-such-section", slug: "x")] == nil)
    }
}
