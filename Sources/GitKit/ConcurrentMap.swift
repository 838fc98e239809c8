import Dispatch
import Foundation

/// `body(index)` for every index in `0..<count`, on all cores, the results in index order (for pure,
/// CPU- or system-call-bound work: rendering statements, comparing them, `lstat`ing a work tree). Indexes are
/// split into a few contiguous chunks per core, so that a core finishing early picks up more work; with
/// `count` at most that many chunks, each index runs on its own.
public func concurrentMap<Result: Sendable>(count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    let slots = ParallelSlots<Result>(count: count)
    let chunks = min(count, Processors.active * 4)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
            slots.store(body(index), at: index)
        }
    }
    return slots.values()
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
