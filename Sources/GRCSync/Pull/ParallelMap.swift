import Dispatch
import Foundation
import GitKit

/// Maps `items` on all cores and returns the results in the order of `items`, so that everything after
/// it stays deterministic. For pure, CPU-bound work such as rendering statements; `body` runs on
/// several threads at once. The first item is done on the calling thread before any other starts, so
/// that one-time initialisations (libxml2's, cmark-gfm's) run before other threads use the libraries.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Result) -> [Result] {
    guard let first = items.first else { return [] }
    let head = body(first)
    return [head] + concurrentMap(count: items.count - 1) { body(items[$0 + 1]) }
}
