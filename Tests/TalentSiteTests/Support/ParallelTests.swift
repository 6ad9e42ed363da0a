import Dispatch
import Testing
@testable import TalentSite

/// `parallelMap` runs on every core and still returns results in input order.
@Suite struct ParallelTests {
    @Test func resultsKeepTheInputOrderWhateverFinishesFirst() {
        let items = Array(0..<2_000)
        // Early items take longest, so workers finish out of order.
        let results = items.parallelMap { item -> String in
            var sum = 0
            for step in 0..<((2_000 - item) * 20) { sum &+= step }
            return "\(item):\(sum % 2)"
        }
        #expect(results.count == items.count)
        #expect(results.map { Int($0.split(separator: ":")[0])! } == items)
    }

    @Test func nilResultsStayInTheirPlaces() {
        let results = [1, 2, 3, 4, 5, 6].parallelMap { $0.isMultiple(of: 2) ? nil : $0 * 10 }
        #expect(results == [10, nil, 30, nil, 50, nil])
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect([Int]().parallelMap { $0 + 1 } == [])
    }

    @Test func everyItemIsTransformedExactlyOnce() {
        let results = Array(0..<500).parallelMap { [$0, $0] }
        #expect(results.flatMap { $0 } == Array(0..<500).flatMap { [$0, $0] })
    }
}
