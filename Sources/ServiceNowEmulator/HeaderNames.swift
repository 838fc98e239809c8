import HTTPTypes

/// The ServiceNow-specific headers the emulator sends.
extension HTTPField.Name {
    static let totalCount = Self("X-Total-Count") ?? .contentLength
    static let link = Self("Link") ?? .contentLength
    static let pragma = Self("Pragma") ?? .cacheControl
    static let rateLimitLimit = Self("X-RateLimit-Limit") ?? .retryAfter
    static let rateLimitReset = Self("X-RateLimit-Reset") ?? .retryAfter
    static let rateLimitRule = Self("X-RateLimit-Rule") ?? .retryAfter
}
