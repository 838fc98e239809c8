/// An async semaphore: at most `limit` holders at once, later arrivals wait in order.
///
/// Waiting is cancellable: a cancelled waiter leaves the queue and throws `CancellationError`.
actor ConcurrencyLimit {
    private let limit: Int
    private var holders = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiterID: UInt64 = 0

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a free slot and takes it; pair every successful call with ``release()``.
    func acquire() async throws {
        try Task.checkCancellation()
        if holders < limit {
            holders += 1
            return
        }
        let id = nextWaiterID
        nextWaiterID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Gives a slot back, handing it straight to the longest waiter if there is one.
    func release() {
        if waiters.isEmpty {
            holders = max(0, holders - 1)
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    /// Runs `body` while holding a slot.
    func withSlot<Result: Sendable>(_ body: @Sendable () async throws -> Result) async throws -> Result {
        try await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
