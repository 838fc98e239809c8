import Foundation

/// What a client has sent so far: for `grcsync` reports and benchmarks.
public struct RequestStatistics: Sendable, Equatable {
    /// HTTP requests sent, retries and OAuth token requests included.
    public var requests: Int
    /// Requests that were repeats of a failed one (including the one re-send after an OAuth token renewal).
    public var retries: Int
    /// Requests by HTTP method.
    public var byMethod: [String: Int]
    /// Response body bytes received.
    public var bytesReceived: Int

    /// Statistics with the given counts; all zero by default.
    public init(requests: Int = 0, retries: Int = 0, byMethod: [String: Int] = [:], bytesReceived: Int = 0) {
        self.requests = requests
        self.retries = retries
        self.byMethod = byMethod
        self.bytesReceived = bytesReceived
    }
}

/// A value behind a lock, for state read synchronously from any thread (`statistics`).
///
/// `Synchronization.Mutex` would do, but needs macOS 15 and the package supports macOS 14.
final class Locked<Value: Sendable>: @unchecked Sendable {
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
