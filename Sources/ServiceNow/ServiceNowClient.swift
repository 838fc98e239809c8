import Foundation
public import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client for ServiceNow's Table API: listing, batched fetching, reading and updating records.
///
/// One client is shared by a whole `grcsync` run: its concurrency limit and rate limit apply across all
/// calls, and it keeps one connection pool and one OAuth token. Every failure is a ``ServiceNowError``.
public final class ServiceNowClient: Sendable {
    /// The configuration the client was made with.
    public let configuration: ServiceNowConfiguration
    let transport: HTTPTransport
    let sleep: @Sendable (Duration) async throws -> Void
    let logger: Logger
    let slots: ConcurrencyLimit
    let rateLimit: RequestRateLimit?
    let counters = Locked(RequestStatistics())
    let oauth: OAuthSession?
    private let urlSession: URLSessionTransport?

    /// A client.
    ///
    /// - Parameters:
    ///   - transport: sends one request; the default is a `URLSession` with `concurrency` connections
    ///     per host and the configured timeout. Tests pass a scripted server.
    ///   - sleep: waits between retries and for the rate limit; tests pass one that records and returns.
    ///   - logger: receives one debug line per request (method, path, status, duration) and a notice
    ///     per retry. Never credentials, tokens or request bodies.
    public init(
        configuration: ServiceNowConfiguration,
        transport: HTTPTransport? = nil,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        logger: Logger = Logger(label: "grcsync.servicenow")
    ) {
        self.configuration = configuration
        if let transport {
            self.transport = transport
            urlSession = nil
        } else {
            let session = URLSessionTransport(concurrency: configuration.concurrency, timeout: configuration.requestTimeout)
            self.transport = { try await session.send($0) }
            urlSession = session
        }
        self.sleep = sleep
        self.logger = logger
        slots = ConcurrencyLimit(limit: configuration.concurrency)
        rateLimit = configuration.requestsPerSecond.map { RequestRateLimit(requestsPerSecond: $0) }
        if case .oauthPassword(let clientID, let clientSecret, let username, let password) = configuration.credentials {
            oauth = OAuthSession(clientID: clientID, clientSecret: clientSecret, username: username, password: password)
        } else {
            oauth = nil
        }
    }

    /// Counts of what this client has sent so far.
    public var statistics: RequestStatistics {
        counters.withLock { $0 }
    }

    /// Every record of `table` matching `query`, in the server's order.
    ///
    /// The first page tells the total (`X-Total-Count`); the remaining pages are then fetched
    /// concurrently by offset. Without a total, `rel="next"` in the `Link` header is followed page by
    /// page (`rel="prev"` is ignored: ServiceNow sends a negative offset there on the first page).
    ///
    /// Offset paging over a table that changes meanwhile can skip or repeat records. To limit that:
    /// when `query` has no `ORDERBY`, `ORDERBYsys_id` is appended so that pages slice one stable order;
    /// records are de-duplicated by `sys_id` (the first copy wins); and when a later page reports a
    /// different total, or duplicates were seen, the whole listing is repeated, at most twice, before
    /// the last result is returned as is. A record moved across a page boundary by a concurrent
    /// delete-and-insert can still be missed; callers that must not miss one compare with what they knew.
    ///
    /// - Parameters:
    ///   - query: an encoded query (`state=draft^profile=...`), or `nil` for all records.
    ///   - fields: the fields to return (`sys_id` is always added so that pages can be de-duplicated);
    ///     empty for all. Dot-walked names such as `profile.name` come back under the dotted key.
    ///   - progress: called after each page with the records received so far and the total, if known.
    public func list(
        table: String, query: String?, fields: [String],
        progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)? = nil
    ) async throws -> [Record] {
        try await list(Record.self, table: table, query: query, fields: fields, progress: progress)
    }

    /// The `sys_id`, `sys_mod_count` and `sys_updated_on` of every record of `table` matching `query`: the
    /// same listing as ``list(table:query:fields:progress:)`` with those fields, decoded compactly.
    public func listVersions(
        table: String, query: String?, progress: (@Sendable (_ done: Int, _ total: Int?) -> Void)? = nil
    ) async throws -> [RecordVersion] {
        try await list(RecordVersion.self, table: table, query: query, fields: RecordVersion.fields, progress: progress)
    }

    private func list<Row: ListedRow>(
        _ row: Row.Type, table: String, query: String?, fields: [String], progress: (@Sendable (Int, Int?) -> Void)?
    ) async throws -> [Row] {
        let path = try TableRequest.tablePath(table, method: "GET")
        var attempt = 0
        while true {
            attempt += 1
            let listing = try await TableListing<Row>(client: self, path: path, query: query, fields: fields, progress: progress).run()
            if listing.isConsistent || attempt > 2 { return listing.records }
            logger.notice("table changed while it was listed; listing again", metadata: ["path": "\(path)"])
        }
    }

    /// The records with the given sys_ids, in the order of `sysIDs` (duplicates dropped). Ids that no
    /// longer exist — or that an ACL hides — are absent from the result.
    ///
    /// Ids go `batchSize` at a time into `sysparm_query=sys_idIN...`; batches run concurrently.
    /// `sys_id` is always added to `fields` (when not empty) to match records to ids.
    public func fetch(table: String, sysIDs: [String], fields: [String]) async throws -> [Record] {
        var byID: [String: Record] = [:]
        try await fetch(table: table, sysIDs: sysIDs, fields: fields) { records in
            for record in records { if let id = record.sysID { byID[id] = record } }
        }
        var seen = Set<String>()
        return sysIDs.compactMap { seen.insert($0).inserted ? byID[$0] : nil }
    }

    /// One record. Throws ``ServiceNowError/Kind/notFound`` when it does not exist.
    public func get(table: String, sysID: String, fields: [String]) async throws -> Record {
        let path = try TableRequest.tablePath(table, sysID: sysID, method: "GET")
        var query: [(String, String)] = []
        if let fieldList = Self.fieldList(fields) { query.append(("sysparm_fields", fieldList)) }
        query.append(("sysparm_exclude_reference_link", "true"))
        let (data, _) = try await send(TableRequest(method: "GET", path: path, query: query))
        return try decodeSingle(data, method: "GET", path: path)
    }

    /// Sets `fields` on one record with `PATCH` (fields not named keep their value) and returns the
    /// record as ServiceNow stored it — its sanitiser may have changed HTML — with the `returning`
    /// fields (all when empty).
    ///
    /// A PATCH that failed in a retryable way is sent again: it sets the same values, so repeating it is
    /// harmless, and `sys_mod_count` in the returned record tells the caller how many writes happened.
    public func update(table: String, sysID: String, fields: [String: String], returning: [String]) async throws -> Record {
        let path = try TableRequest.tablePath(table, sysID: sysID, method: "PATCH")
        var query: [(String, String)] = []
        if let fieldList = Self.fieldList(returning) { query.append(("sysparm_fields", fieldList)) }
        query.append(("sysparm_exclude_reference_link", "true"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: Data
        do {
            body = try encoder.encode(fields)
        } catch {
            throw ServiceNowError(kind: .badRequest, message: "the fields could not be encoded as JSON", method: "PATCH", path: path)
        }
        let (data, _) = try await send(
            TableRequest(method: "PATCH", path: path, query: query, body: body, contentType: "application/json"))
        return try decodeSingle(data, method: "PATCH", path: path)
    }

    /// Asks for one record of `table` and reports what came back: for `grcsync doctor`.
    public func probe(table: String) async throws -> ProbeResult {
        let path = try TableRequest.tablePath(table, method: "GET")
        let start = ContinuousClock.now
        let (data, response) = try await send(TableRequest(
            method: "GET", path: path, query: [("sysparm_limit", "1"), ("sysparm_exclude_reference_link", "true")]))
        let records = try decodeList(data, method: "GET", path: path)
        return ProbeResult(
            status: response.statusCode,
            totalCount: Self.totalCount(response),
            rateLimit: RateLimitInfo(headers: response),
            sampleFields: records.first?.fieldNames ?? [],
            elapsed: ContinuousClock.now - start)
    }
}
