import Foundation

/// One request as the emulator saw it, for tests that count requests.
public struct LoggedRequest: Sendable, Equatable, Codable {
    /// `GET`, `PATCH`, …
    public var method: String
    /// The path, e.g. `/api/now/table/sn_compliance_control`.
    public var path: String
    /// The raw query string (without `?`), `""` when none.
    public var query: String
    /// The status answered; 0 when the connection was dropped.
    public var status: Int
    /// The authenticated user, nil when authentication failed or was not needed.
    public var user: String?

    /// A log entry.
    public init(method: String, path: String, query: String, status: Int, user: String?) {
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.user = user
    }
}
