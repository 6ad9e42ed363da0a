import Foundation
import Synchronization
import Testing
@testable import TalentSite

/// Card items and page parts are made once per key and shared by the render threads.
@Suite struct OnceTableTests {
    private final class Objects: Sendable {
        let made = Mutex(0)
        let seen = Mutex<[ObjectIdentifier]>([])
    }
    private final class Made: Sendable {}

    @Test func everyThreadGetsTheOneValueKeptForAKey() {
        let table = OnceTable<Made>()
        let objects = Objects()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let value = table.value("key \(index % 2)") {
                objects.made.withLock { $0 += 1 }
                return Made()
            }
            objects.seen.withLock { $0.append(ObjectIdentifier(value)) }
        }
        // Two threads may make the same key's value at once; only one of them is ever handed out.
        #expect(objects.made.withLock { $0 } >= 2)
        #expect(Set(objects.seen.withLock { $0 }).count == 2)
    }

    @Test func aKnownKeyIsNotMadeAgain() {
        let table = OnceTable<Int>()
        var calls = 0
        #expect(table.value("a") { calls += 1; return 1 } == 1)
        #expect(table.value("a") { calls += 1; return 2 } == 1)
        #expect(table.value("b") { calls += 1; return 3 } == 3)
        #expect(calls == 2)
    }
}

extension OnceTableTests {
    @Test func pastItsCapacityTheOldestValueIsLetGoAndMadeAgain() {
        let table = OnceTable<Int>(capacity: 2)
        var calls = 0
        func value(_ key: String, _ made: Int) -> Int { table.value(key) { calls += 1; return made } }
        #expect(value("a", 1) == 1)
        #expect(value("b", 2) == 2)
        #expect(value("a", 10) == 1)
        #expect(table.count == 2)
        #expect(value("c", 3) == 3)
        #expect(table.count == 2)
        // "a" was stored first: it went, and is made again; "b" and "c" are kept until then.
        #expect(value("c", 30) == 3)
        #expect(value("b", 20) == 2)
        #expect(value("a", 100) == 100)
        #expect(value("b", 200) == 200)
        #expect(calls == 5)
    }

    @Test func aLongRunStaysWithinTheCapacityAndKeepsTheNewest() {
        let table = OnceTable<Int>(capacity: 100)
        for index in 0..<5_000 { _ = table.value("k\(index)") { index } }
        #expect(table.count == 100)
        var remade = 0
        for index in 4_900..<5_000 { #expect(table.value("k\(index)") { remade += 1; return -1 } == index) }
        #expect(remade == 0)
        #expect(table.value("k0") { -1 } == -1)
    }
}
