import Foundation
import Hummingbird

/// Routes every request: admin API, faults, OAuth, authentication, rate limits, then the Table API.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorContext
    let core: EmulatorCore
    let stateSaver: StateSaver?

    func respond(to request: Request, context: EmulatorContext) async throws -> Response {
        let path = request.uri.path
        if path == "/emulator" || path.hasPrefix("/emulator/") {
            return try await AdminAPI(core: core, stateSaver: stateSaver).respond(to: request)
        }
        var entry = LoggedRequest(
            method: request.method.rawValue, path: path, query: request.uri.query ?? "", status: 0, user: nil)
        defer { core.append(entry) }

        let plan = core.faults.plan(method: entry.method, path: path)
        if plan.delayMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(plan.delayMilliseconds))
        }
        if plan.drop {
            context.dropConnection()
            return Response(status: .ok)
        }
        if let status = plan.status {
            let response = TableAPIResponse.fault(status: status.code, retryAfter: status.retryAfter, now: Date())
            entry.status = response.status.code
            return response
        }

        let response: Response
        if path == "/oauth_token.do" {
            response = try await OAuthEndpoint(core: core).respond(to: request, log: &entry)
        } else if path.hasPrefix("/api/now/table/") {
            response = try await tableAPI(request, path: path, entry: &entry)
        } else {
            response = TableAPIResponse.error(.badRequest, "Requested URI does not represent any resource", path)
        }
        entry.status = response.status.code
        return response
    }

    private func tableAPI(_ request: Request, path: String, entry: inout LoggedRequest) async throws -> Response {
        guard let user = authenticate(request) else { return TableAPIResponse.unauthenticated() }
        entry.user = user
        if let hit = core.faults.countRequest(user: user, now: Date()) {
            return TableAPIResponse.rateLimited(
                limit: hit.limit, resetsAt: hit.resetsAt, retryAfter: hit.retryAfter, rule: hit.ruleName)
        }
        let accept = request.headers[.accept] ?? ""
        guard accept.contains("application/json") || accept.contains("*/*") || accept.contains("application/*") else {
            return TableAPIResponse.error(
                .badRequest, "Invalid Accept header", "Send 'Accept: application/json' with every request")
        }
        let segments = path.dropFirst("/api/now/table/".count).split(separator: "/").map {
            QueryParameters.decode($0)
        }
        guard let table = segments.first, segments.count <= 2 else {
            return TableAPIResponse.error(.badRequest, "Requested URI does not represent any resource", path)
        }
        let api = TableAPI(
            core: core, stateSaver: stateSaver, table: table, user: user,
            parameters: QueryParameters(request.uri.query ?? ""), origin: origin(request), path: path)
        guard api.tableExists else { return TableAPIResponse.invalidTable(table) }
        let sysID = segments.count == 2 ? segments[1] : nil
        switch (request.method, sysID) {
        case (.get, nil): return api.list()
        case (.get, let sysID?): return api.read(sysID)
        case (.post, nil), (.patch, _?), (.put, _?):
            let contentType = request.headers[.contentType] ?? ""
            guard contentType.lowercased().contains("application/json") else {
                return TableAPIResponse.error(
                    .badRequest, "Invalid Content-Type header", "Send 'Content-Type: application/json' with writes")
            }
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024 * 1024)
            guard let fields = TableAPI.fields(fromJSON: Data(body.readableBytesView)) else {
                return TableAPIResponse.error(
                    .badRequest, "Exception while reading request", "The payload is not valid JSON.")
            }
            if let sysID { return api.update(sysID, fields: fields) }
            return api.insert(fields)
        case (.delete, let sysID?): return api.delete(sysID)
        default:
            return TableAPIResponse.error(.methodNotAllowed, "Method not Supported", "\(request.method) \(path)")
        }
    }

    /// The user behind basic auth or a valid bearer token.
    private func authenticate(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        if header.hasPrefix("Basic "), let data = Data(base64Encoded: String(header.dropFirst(6))),
            let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        {
            let user = String(pair[..<colon])
            return core.passwords[user] == String(pair[pair.index(after: colon)...]) ? user : nil
        }
        if header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst(7))
            return core.tokens.withLock { $0.user(forAccessToken: token, now: Date()) }
        }
        return nil
    }

    /// `http://host:port` as the client addressed us, for links.
    private func origin(_ request: Request) -> String {
        "http://" + (request.head.authority ?? "127.0.0.1")
    }
}
