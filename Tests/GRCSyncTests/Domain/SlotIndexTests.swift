import GRCSyncTestSupport
import Testing

@testable import GRCSync

/// `SlotIndex` against a dictionary: random inserts, updates and removals over keys that crowd a small
/// table (long probe runs that wrap around its end), and the growth from 8 cells to thousands.
struct SlotIndexTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func findsWhatADictionaryFinds(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        // Position → key, as a manifest's entries give their paths; a position is reused after its key
        // is removed, the way `Manifest.remove` moves its last entry into the freed place.
        var keys: [String] = []
        var index = SlotIndex()
        var model: [String: Int32] = [:]
        let pool = (0..<(seed == 4 ? 3_000 : 40)).map { "statements/system-\($0 % 7)/AC-\($0).html" }
        for step in 0..<6_000 {
            let key = pool.randomElement(using: &random)!
            if let position = model[key], Bool.random(using: &random) {
                let keysNow = keys
                #expect(index.remove(key) { keysNow[Int($0)] } == position)
                model[key] = nil
                // The last position moves into the freed one: the index is updated first.
                let last = Int32(keys.count - 1)
                if position != last {
                    let moved = keys[Int(last)]
                    #expect(index.update(moved, to: position) { keysNow[Int($0)] } == last)
                    model[moved] = position
                    keys[Int(position)] = moved
                }
                keys.removeLast()
            } else if model[key] == nil {
                keys.append(key)
                let keysNow = keys
                #expect(index.update(key, to: Int32(keys.count - 1)) { keysNow[Int($0)] } == nil)
                model[key] = Int32(keys.count - 1)
            }
            #expect(index.count == model.count, "step \(step)")
            let keysNow = keys
            for probe in pool.prefix(60) {
                #expect(index.find(probe) { keysNow[Int($0)] } == model[probe], "step \(step), \(probe)")
            }
        }
        #expect(index.positions.sorted() == model.values.sorted())
    }
}
