/// How often and how patiently a failed request is tried again.
///
/// Only transient failures are retried: 429, 5xx, a sleeping instance, timeouts and network errors
/// (see ``ServiceNowError/isRetryable``). The wait before retry *n* (1-based) is drawn uniformly from
/// `0 ... min(maxDelay, initialDelay · 2^(n−1))` ("full jitter"), so that many clients backing off at
/// once do not come back in lockstep. When the server sends `Retry-After`, that wait is used instead,
/// capped at ``maxRetryAfter`` so that a misbehaving proxy cannot park the client for hours.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in total, the first one included; 1 disables retrying.
    public var maxAttempts: Int
    /// The upper bound of the first backoff.
    public var initialDelay: Duration
    /// The largest backoff drawn by the exponential schedule.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; longer values are cut to this.
    public var maxRetryAfter: Duration

    /// A policy; the defaults retry four times over at most about a minute.
    public init(
        maxAttempts: Int = 5,
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(120)
    ) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// The wait before retry number `retry` (1 for the first retry).
    ///
    /// - Parameters:
    ///   - retryAfter: the server's `Retry-After`, which wins over the schedule when present.
    ///   - random: a number in `0 ... 1`; injected so tests can pin the jitter.
    public func delay(beforeRetry retry: Int, retryAfter: Duration?, random: Double = .random(in: 0...1)) -> Duration {
        if let retryAfter {
            return min(max(retryAfter, .zero), maxRetryAfter)
        }
        // Doubling in seconds as a Double cannot overflow the way Duration multiplication can.
        let exponent = Double(max(0, min(retry - 1, 62)))
        let ceiling = min(initialDelay.seconds * pow2(exponent), maxDelay.seconds)
        return .seconds(max(0, ceiling) * min(max(random, 0), 1))
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
