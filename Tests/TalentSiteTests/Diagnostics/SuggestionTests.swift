import Testing
@testable import TalentSite

/// "Did you mean": the closest known name within an edit distance relative to its length.
@Suite struct SuggestionTests {
    @Test func distanceCountsATranspositionAsOneEdit() {
        #expect(Suggestion.distance(Array("hours"), Array("huors")) == 1)
        #expect(Suggestion.distance(Array("central"), Array("centrl")) == 1)
        #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.distance(Array(""), Array("abc")) == 3)
        #expect(Suggestion.distance(Array("北部"), Array("北區")) == 1)
    }

    @Test func suggestsOnlyCloseNames() {
        let keys = ["title", "date", "hours", "seats", "subsidy_rate", "certification"]
        #expect(Suggestion.closest(to: "hour", among: keys) == "hours")
        #expect(Suggestion.closest(to: "Seats", among: keys) == "seats")
        #expect(Suggestion.closest(to: "subsidy-rate", among: keys) == "subsidy_rate")
        #expect(Suggestion.closest(to: "certificaton", among: keys) == "certification")
        #expect(Suggestion.closest(to: "price", among: keys) == nil)
        #expect(Suggestion.closest(to: "x", among: ["y", "xy"]) == nil)
        #expect(Suggestion.closest(to: "ipas-nope", among: ["ipas-iot"]) == nil)
        #expect(Suggestion.closest(to: "ipas-iott", among: ["ipas-iot", "ipas-mechatronics"]) == "ipas-iot")
    }

    @Test func anAliasSuggestsTheNameItStandsFor() {
        #expect(Suggestion.closest(to: "北部", among: ["north", "south"], aliases: ["北部": "north", "南部": "south"]) == "north")
        #expect(Suggestion.phrase(for: "hour", among: ["hours"]) == " (did you mean 'hours'?)")
        #expect(Suggestion.phrase(for: "zzz", among: ["hours"]) == "")
    }
}
