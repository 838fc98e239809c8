/// A token bucket: requests start at no more than `rate` per second on average, with bursts of up to
/// `max(1, rate)` requests.
///
/// Each caller reserves its token at once (the balance may go negative) and is told how long to wait,
/// so that waiting happens outside the actor and callers start in arrival order.
actor RequestRateLimit {
    private let rate: Double
    private let capacity: Double
    private var tokens: Double
    private var refilledAt: ContinuousClock.Instant
    private let now: @Sendable () -> ContinuousClock.Instant

    init(requestsPerSecond rate: Double, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.rate = max(rate, 0.001)
        capacity = max(1, rate)
        tokens = capacity
        self.now = now
        refilledAt = now()
    }

    /// Takes a token and returns how long the caller must wait before sending.
    func reserve() -> Duration {
        let instant = now()
        let elapsed = (instant - refilledAt).seconds
        refilledAt = instant
        tokens = min(capacity, tokens + elapsed * rate)
        tokens -= 1
        return tokens >= 0 ? .zero : .seconds(-tokens / rate)
    }
}
