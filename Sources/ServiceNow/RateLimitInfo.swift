public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

/// ServiceNow's inbound rate-limit headers (`X-RateLimit-*`), as far as a response carried them.
public struct RateLimitInfo: Sendable, Equatable {
    /// Requests allowed per window (`X-RateLimit-Limit`).
    public var limit: Int?
    /// Requests left in the window (`X-RateLimit-Remaining`).
    public var remaining: Int?
    /// When the window resets (`X-RateLimit-Reset`, unix seconds).
    public var reset: Date?
    /// The rule that applies (`X-RateLimit-Rule`), as the server names it.
    public var rule: String?

    /// Rate-limit facts given directly.
    public init(limit: Int? = nil, remaining: Int? = nil, reset: Date? = nil, rule: String? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.rule = rule
    }

    /// Reads the headers of a response; missing or malformed headers stay `nil`.
    public init(headers response: HTTPURLResponse) {
        func header(_ name: String) -> String? {
            response.value(forHTTPHeaderField: name)?.trimmingCharacters(in: .whitespaces)
        }
        limit = header("X-RateLimit-Limit").flatMap { Int($0) }
        remaining = header("X-RateLimit-Remaining").flatMap { Int($0) }
        reset = header("X-RateLimit-Reset").flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        rule = header("X-RateLimit-Rule")
    }

    /// Whether no rate-limit header was present.
    public var isEmpty: Bool { limit == nil && remaining == nil && reset == nil && rule == nil }
}
