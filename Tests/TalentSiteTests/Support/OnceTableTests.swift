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
