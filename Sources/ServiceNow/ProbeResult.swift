/// What `grcsync doctor` learns from one small request to a table.
public struct ProbeResult: Sendable {
    /// The HTTP status of the answer (200 when the probe returns at all).
    public var status: Int
    /// `X-Total-Count`: how many records the table holds, as far as the account may see.
    public var totalCount: Int?
    /// The rate-limit headers, when the instance sends them.
    public var rateLimit: RateLimitInfo
    /// The field names present on the first record (empty when the table is empty), sorted.
    public var sampleFields: [String]
    /// How long the request took, retries included.
    public var elapsed: Duration

    /// A probe result with the given facts.
    public init(status: Int, totalCount: Int?, rateLimit: RateLimitInfo, sampleFields: [String], elapsed: Duration = .zero) {
        self.status = status
        self.totalCount = totalCount
        self.rateLimit = rateLimit
        self.sampleFields = sampleFields
        self.elapsed = elapsed
    }
}
