import Foundation

/// A value shared between tasks and guarded by a lock.
///
/// The emulator's state is touched from Hummingbird's event loops and from tests at the same time; every
/// access goes through `withLock`, which keeps critical sections synchronous and short.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
