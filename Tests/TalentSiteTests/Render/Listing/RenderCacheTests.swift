import Foundation
import Testing
@testable import TalentSite

/// The indexes and shared items that pages use instead of scanning and rebuilding give what the scans and
/// fresh builds give, on the project's own site (awards grouped by year and category, courses referencing
/// certifications).
@Suite struct RenderCacheTests {
    static let env: RenderEnvironment? = {
        let log = DiagnosticLog()
        let tree = DiskSourceTree(root: TestSite.root)
        guard let content = ContentLoader(tree: tree, log: log).load(),
              let theme = Theme.load(tree: tree, languages: content.settings.languages, log: log) else { return nil }
        let site = SiteModelBuilder(includeDrafts: false, buildDay: Day(year: 2026, month: 6, day: 1), log: log).build(content)
        return RenderEnvironment(site: site, theme: theme, plannedPaths: [], summaries: SummaryIndex.build(site: site),
                                 formats: [], log: log)
    }()

    @Test func entriesBySlugAreTheOnesTheModelFinds() throws {
        let env = try #require(Self.env)
        var checked = 0
        for section in env.site.sections {
            for entry in section.entries {
                let found = env.records.entry(section: section.schema.name, slug: entry.slug)
                #expect(found?.slug == entry.slug && found?.section == entry.section)
                #expect(found?.versions.keys.sorted() == env.site.entry(section: section.schema.name, slug: entry.slug)?.versions.keys.sorted())
                checked += 1
            }
        }
        #expect(checked > 10)
        #expect(env.records.entry(section: "courses", slug: "no-such-course") == nil)
        #expect(env.records.entry(section: "no-such-section", slug: "x") == nil)
    }

    @Test func groupsHoldWhatAScanOfTheSectionFinds() throws {
        let env = try #require(Self.env)
        let grouped = env.site.sections.filter { !$0.schema.listing.groupBy.isEmpty }
        #expect(!grouped.isEmpty, "the project's awards are grouped")
        for section in grouped {
            let fields = section.schema.listing.groupBy
            for language in env.site.settings.languages {
                for entry in section.entries {
                    guard let record = entry.versions[language.code] else { continue }
                    let key = fields.map { record.fields[$0] }
                    let scanned = section.entries.filter { other in
                        other.versions[language.code].map { version in fields.map { version.fields[$0] } == key } == true
                    }
                    let indexed = env.records.group(section: section, fields: fields, language: language.code, key: key)
                    #expect(indexed.map(\.slug) == scanned.map(\.slug))
                    #expect(indexed.contains { $0.slug == entry.slug })
                }
            }
        }
    }

    @Test func aSharedItemIsMadeOnceAndHasAFreshItemsFields() throws {
        let env = try #require(Self.env)
        for section in env.site.sections {
            for language in env.site.settings.languages {
                let items = ListItems(env: env, language: language)
                for entry in section.entries.prefix(20) {
                    guard let record = entry.versions[language.code] else { continue }
                    let shared = items.sharedItem(record, schema: section.schema)
                    let fresh = items.item(record, schema: section.schema)
                    guard case .object(let first) = shared, case .object(let again) = items.sharedItem(record, schema: section.schema),
                          case .object(let new) = fresh else { Issue.record("an item is an object"); continue }
                    #expect(first === again)
                    #expect(first !== new)
                    #expect(shared.isSame(as: fresh), "\(section.schema.name)/\(entry.slug) in \(language.code)")
                    #expect(first.memoKey == new.memoKey)
                }
            }
        }
    }

    @Test func factsFoundWithTheIndexAreTheFactsFoundByScanning() throws {
        let env = try #require(Self.env)
        for section in env.site.sections {
            for language in env.site.settings.languages {
                let strings = env.theme.strings[language.code] ?? [:]
                let indexed = FactFormatter(env: env, language: language)
                let scanning = FactFormatter(site: env.site, language: language, strings: strings)
                for entry in section.entries {
                    guard let record = entry.versions[language.code] else { continue }
                    let a = indexed.facts(for: record, schema: section.schema).map(TemplateValue.init)
                    let b = scanning.facts(for: record, schema: section.schema).map(TemplateValue.init)
                    #expect(TemplateValue.list(a).isSame(as: .list(b)))
                    for spec in section.schema.fields {
                        guard let value = record.fields[spec.name] else { continue }
                        #expect(indexed.text(spec: spec, value: value) == scanning.fact(spec: spec, value: value)["text"] as? String)
                    }
                    // A card's facts: only the fields shown in lists, in the same order.
                    let inLists = indexed.facts(for: record, schema: section.schema) { $0.inLists }.map { $0["name"] as? String }
                    let filtered = scanning.facts(for: record, schema: section.schema)
                        .filter { fact in (fact["name"] as? String).flatMap(section.schema.field)?.inLists ?? false }.map { $0["name"] as? String }
                    #expect(inLists == filtered)
                }
            }
        }
    }
}
