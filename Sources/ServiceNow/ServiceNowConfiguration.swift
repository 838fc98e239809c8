public import Foundation

/// Where a ``ServiceNowClient`` connects, as whom, and how hard it may push the instance.
///
/// The defaults suit a production instance shared with people: four requests in flight, 500 records a
/// page, 100 records per `sys_idIN` batch, a 60 s timeout (ServiceNow cancels a Table API transaction
/// after 60 s anyway) and five attempts per request.
public struct ServiceNowConfiguration: Sendable {
    /// The instance root, e.g. `https://acme.service-now.com`, or `http://127.0.0.1:8080` for the
    /// emulator. A path on it (a proxy prefix) is kept: `/api/now/table/...` is appended to it.
    public var instance: URL
    /// Who the client authenticates as.
    public var credentials: Credentials
    /// Records per listing page (`sysparm_limit`).
    public var pageSize: Int
    /// Records per `sys_idIN` request in ``ServiceNowClient/fetch(table:sysIDs:fields:)``. 100 ids keep
    /// the URL near 3.5 KB, well under the 8 KB many proxies accept.
    public var batchSize: Int
    /// The most requests this client has in flight at once, across all calls.
    public var concurrency: Int
    /// A client-side ceiling on requests started per second, or `nil` for none. Bursts of up to one
    /// second's worth of requests are allowed, since ServiceNow's own limits are counted per hour.
    public var requestsPerSecond: Double?
    /// How long one request may take before it fails with ``ServiceNowError/Kind/timeout``.
    public var requestTimeout: Duration
    /// When and how failed requests are tried again.
    public var retry: RetryPolicy

    /// A configuration with the default limits.
    public init(
        instance: URL,
        credentials: Credentials,
        pageSize: Int = 500,
        batchSize: Int = 100,
        concurrency: Int = 4,
        requestsPerSecond: Double? = nil,
        requestTimeout: Duration = .seconds(60),
        retry: RetryPolicy = RetryPolicy()
    ) {
        self.instance = instance
        self.credentials = credentials
        self.pageSize = pageSize
        self.batchSize = batchSize
        self.concurrency = concurrency
        self.requestsPerSecond = requestsPerSecond
        self.requestTimeout = requestTimeout
        self.retry = retry
    }
}
