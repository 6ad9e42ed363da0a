import Testing
@testable import TalentSite

/// The card memo and card items have a fixed memory budget: past it, renderings go to a spill file and items
/// are let go and made again. Whatever the budgets, a build writes the same files.
@Suite struct CardBudgetTests {
    static let day = Day(year: 2026, month: 6, day: 1)

    private func files(_ tree: SourceTree, cardMemory: Int?, cardItems: Int?) -> [String: [UInt8]] {
        var options = BuildOptions(buildDay: Self.day)
        options.cardMemory = cardMemory
        options.cardItems = cardItems
        return TestSite.build(tree, options: options).output.files
    }

    @Test(arguments: ["project", "bilingual"])
    func everyPageIsTheSameWithNoMemoryForCards(site: String) {
        let tree = site == "project" ? TestSite.tree() : FixtureSiteTests.fixtureTree(site)
        let usual = files(tree, cardMemory: nil, cardItems: nil)
        #expect(usual.keys.contains { $0.hasSuffix("index.html") })
        for (memory, items) in [(0, 1), (0, nil), (nil, 1), (600, 3)] as [(Int?, Int?)] {
            let budgeted = files(tree, cardMemory: memory, cardItems: items)
            #expect(budgeted.keys.sorted() == usual.keys.sorted())
            let differing = usual.keys.filter { budgeted[$0] != usual[$0] }.sorted()
            #expect(differing.isEmpty, "memory \(String(describing: memory)), items \(String(describing: items)): \(differing.prefix(5))")
        }
    }
}
