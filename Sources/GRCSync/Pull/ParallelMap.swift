import Dispatch
import Foundation

/// Maps `items` on all cores and returns the results in the order of `items`, so that everything after
/// it stays deterministic. For pure, CPU-bound work such as rendering statements; `body` runs on
/// several threads at once. The first item is done on the calling thread before any other starts, so
/// that one-time initialisations (libxml2's, cmark-gfm's) run before other threads use the libraries.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Result) -> [Result] {
    guard let first = items.first else { return [] }
    let head = body(first)
    let rest = items.count - 1
    guard rest > 0 else { return [head] }
    let slots = ParallelSlots<Result>(count: rest)
    // A few chunks per core, so that a core finishing early picks up more work.
    let chunks = min(rest, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in (rest * chunk / chunks)..<(rest * (chunk + 1) / chunks) {
            slots.store(body(items[index + 1]), at: index)
        }
    }
    return [head] + slots.values()
}

/// The results of a parallel map: each slot is written by exactly one iteration of `concurrentPerform`,
/// and read only after it has returned, so no two threads touch the same memory.
private final class ParallelSlots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: Value, at index: Int) { buffer[index] = value }

    /// Every slot's value; all were stored when this is called.
    func values() -> [Value] { buffer.compactMap { $0 } }
}
