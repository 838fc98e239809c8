import Dispatch
import Foundation
import GitKit

/// Maps `items` on all cores and returns the results in the order of `items`, so that everything after
/// it stays deterministic. For pure, CPU-bound work such as rendering statements; `body` runs on
/// several threads at once. The first item is done on the calling thread before any other starts, so
/// that one-time initialisations (libxml2's, cmark-gfm's) run before other threads use the libraries.
///
/// The CPU time of the work is counted in `cpu`, once per run of consecutive items (reading a thread's
/// CPU clock is a system call: around every statement of a first pull of 100,000 it cost ~0.2 s).
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], countingCPUIn cpu: CPUTime, _ body: @Sendable (Item) -> Result
) -> [Result] {
    guard let first = items.first else { return [] }
    let head = cpu.count { body(first) }
    let rest = items.count - 1
    let runs = min(rest, Processors.active * 4)
    let results = concurrentMap(count: runs) { run in
        cpu.count { (1 + rest * run / runs ..< 1 + rest * (run + 1) / runs).map { body(items[$0]) } }
    }
    var all = [head]
    all.reserveCapacity(items.count)
    for run in results { all += run }
    return all
}
