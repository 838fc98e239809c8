/// A failed ServiceNow request, with what the server said and what to do about it.
///
/// `method` and `path` name the request (`PATCH /api/now/table/sn_compliance_control/<sys_id>`) without
/// its query string; credentials and tokens never appear in any field or in ``description``.
public struct ServiceNowError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, coarsely enough to decide what to do next.
    public enum Kind: Sendable, Equatable {
        /// 401: bad or missing credentials, or an OAuth token the server no longer accepts.
        case authentication
        /// 403: an ACL, business rule or data policy refused the operation.
        case forbidden
        /// 404: no such record, or an ACL hides it.
        case notFound
        /// 400 and other 4xx: an invalid table, a malformed request; also refused before sending.
        case badRequest
        /// 429: the instance's inbound rate limit was hit.
        case rateLimited
        /// 5xx without a recognisable hibernation page.
        case server
        /// A hibernating developer instance answered with its HTML wake-up page.
        case instanceAsleep
        /// The server answered something that is not the Table API's JSON (e.g. an SSO login page).
        case invalidResponse
        /// The request took longer than the configured timeout.
        case timeout
        /// The connection failed: DNS, refused, reset, TLS.
        case network
        /// The calling task was cancelled.
        case cancelled
    }

    /// What went wrong.
    public var kind: Kind
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The server's `error.message` where there is one, else a short account of the failure.
    public var message: String
    /// The server's `error.detail`, or a snippet of a body that was not JSON.
    public var detail: String?
    /// The HTTP method of the failed request.
    public var method: String
    /// The URL path of the failed request, without the query string.
    public var path: String
    /// How long the server asked us to wait (`Retry-After`), as sent, before any cap.
    public var retryAfter: Duration?
    /// The rate-limit headers of the response, when it carried any.
    public var rateLimit: RateLimitInfo?
    /// The user name the client authenticated as, to name it in an authentication failure. Never a secret.
    public var account: String?

    /// An error with the given facts.
    public init(
        kind: Kind, status: Int? = nil, message: String, detail: String? = nil,
        method: String, path: String, retryAfter: Duration? = nil,
        rateLimit: RateLimitInfo? = nil, account: String? = nil
    ) {
        self.kind = kind
        self.status = status
        self.message = message
        self.detail = detail
        self.method = method
        self.path = path
        self.retryAfter = retryAfter
        self.rateLimit = rateLimit
        self.account = account
    }

    /// Whether trying the same request again may succeed: 429, 5xx, a sleeping instance, timeouts and
    /// network failures. A 401 is retried by the client only once, after refreshing an OAuth token.
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .server, .instanceAsleep, .timeout, .network: true
        case .authentication, .forbidden, .notFound, .badRequest, .invalidResponse, .cancelled: false
        }
    }

    /// The request as `METHOD /path`.
    public var request: String { "\(method) \(path)" }

    /// One sentence saying what happened, followed by what to do about it.
    public var description: String {
        let said = serverSaid
        switch kind {
        case .authentication:
            let who = account.map { " for \($0)" } ?? ""
            return "ServiceNow rejected the credentials\(who) (\(said)) on \(request). "
                + "Check GRCSYNC_USERNAME / GRCSYNC_PASSWORD (or the OAuth client or token) and that the account may use the REST API."
        case .forbidden:
            return "ServiceNow refused \(request) (\(said)): an ACL, business rule or data policy forbids it. "
                + "Check the account's roles, or the record's state (some fields change only in Draft)."
        case .notFound:
            return "ServiceNow has no such record at \(request) (\(said)): it was deleted, or an ACL hides it."
        case .badRequest:
            return "ServiceNow rejected \(request) as invalid (\(said)). Check the table and field names in the configuration."
        case .rateLimited:
            let wait = retryAfter.map { " and asked to wait \(Int($0.seconds.rounded())) s" } ?? ""
            return "ServiceNow's rate limit was exceeded on \(request) (\(said))\(wait). "
                + "Try again later, or lower the request rate and concurrency."
        case .server:
            return "ServiceNow failed with a server error on \(request) (\(said)). Try again later; if it persists, check the instance's health."
        case .instanceAsleep:
            return "The instance is asleep (hibernating developer instance) and answered \(request) with its wake-up page: "
                + "wake it from the developer portal, then retry."
        case .invalidResponse:
            return "ServiceNow answered \(request) with something that is not the Table API's JSON (\(said)). "
                + "Check the instance URL, and that no single-sign-on page or proxy intercepts API calls."
        case .timeout:
            return "\(request) timed out (\(message)). The instance may be slow or overloaded: try again, or raise the request timeout."
        case .network:
            return "\(request) could not reach ServiceNow (\(message)). Check the instance URL and the network."
        case .cancelled:
            return "\(request) was cancelled."
        }
    }

    private var serverSaid: String {
        var text = status.map { "\($0) \(message)" } ?? message
        if let detail, !detail.isEmpty, detail != message { text += ": \(detail)" }
        return text
    }
}
