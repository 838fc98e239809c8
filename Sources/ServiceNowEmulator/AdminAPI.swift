import Foundation
import Hummingbird

/// The admin API under `/emulator/`: faults, the request log, rules, out-of-band record edits, tokens
/// and the state file. Unauthenticated (the emulator binds to loopback); not logged, no faults.
struct AdminAPI {
    let core: EmulatorCore
    let stateSaver: StateSaver?

    func respond(to request: Request) async throws -> Response {
        var request = request
        let segments = request.uri.path.split(separator: "/").dropFirst().map { QueryParameters.decode($0) }
        let parameters = QueryParameters(request.uri.query ?? "")
        let body = try await request.collectBody(upTo: 64 * 1024 * 1024)
        let data = Data(body.readableBytesView)
        do {
            return try route(request.method, segments, parameters: parameters, body: data)
        } catch let error as EmulatorStoreError {
            if case .recordNotFound = error { return message(.notFound, error.description) }
            return message(.badRequest, error.description)
        } catch {
            return message(.badRequest, "Cannot read the request body: \(error)")
        }
    }

    private func route(_ method: HTTPRequest.Method, _ path: [String], parameters: QueryParameters, body: Data) throws
        -> Response
    {
        switch (method, path) {
        case (.get, ["health"]):
            return json(["status": "ok"])
        case (.get, ["requests"]):
            return json(core.log.withLock { $0 })
        case (.delete, ["requests"]):
            core.log.withLock { $0.removeAll() }
            return Response(status: .noContent)
        case (.get, ["faults"]):
            return json(core.faults.rules)
        case (.post, ["faults"]):
            let rule = try JSONDecoder().decode(FaultRule.self, from: body)
            return json(EmulatorFaults.ActiveRule(id: core.faults.add(rule), rule: rule), status: .created)
        case (.delete, ["faults"]):
            core.faults.clear()
            return Response(status: .noContent)
        case (.delete, let path) where path.count == 2 && path[0] == "faults":
            return core.faults.remove(id: Int(path[1]) ?? -1) ? Response(status: .noContent) : message(.notFound, "No fault \(path[1])")
        case (.get, ["rules"]):
            return json(core.rules.withLock { $0 })
        case (.put, ["rules"]), (.patch, ["rules"]):
            let patch = try JSONDecoder().decode(RulesPatch.self, from: body)
            let rules = core.rules.withLock { rules in
                if let value = patch.draftOnlyWrites { rules.draftOnlyWrites = value }
                if let value = patch.sanitizeHTML { rules.sanitizeHTML = value }
                return rules
            }
            return json(rules)
        case (.post, ["oauth", "expire"]):
            core.tokens.withLock { $0.expireAccessTokens() }
            return Response(status: .noContent)
        case (.post, ["state", "save"]):
            guard let stateSaver else { return message(.conflict, "No state file: start with --state FILE") }
            try stateSaver.flush()
            return Response(status: .noContent)
        case (.get, ["tables"]):
            let names = core.store.tableNames()
            return json(Dictionary(uniqueKeysWithValues: names.map { ($0, core.store.count(in: $0)) }))
        default:
            return try records(method, path, parameters: parameters, body: body)
        }
    }

    /// `/emulator/tables/{table}[/{sys_id}]`: raw records, edited as `?user=` (default `colleague`).
    private func records(_ method: HTTPRequest.Method, _ path: [String], parameters: QueryParameters, body: Data)
        throws -> Response
    {
        guard path.count >= 2, path.count <= 3, path[0] == "tables" else {
            return message(.notFound, "Unknown admin endpoint: see docs/emulator.md")
        }
        let table = path[1]
        let user = parameters["user"] ?? "colleague"
        switch (method, path.count == 3 ? path[2] : nil) {
        case (.get, nil):
            return json(core.store.records(in: table))
        case (.get, let sysID?):
            guard let record = core.store.record(table: table, sysID: sysID) else { return message(.notFound, "No record \(sysID) in \(table)") }
            return json(record)
        case (.post, nil):
            let fields = try JSONDecoder().decode([String: String].self, from: body)
            return json(try core.store.insert(table: table, fields: fields, as: user), status: .created)
        case (.patch, let sysID?), (.put, let sysID?):
            let fields = try JSONDecoder().decode([String: String].self, from: body)
            return json(try core.store.update(table: table, sysID: sysID, fields: fields, as: user))
        case (.delete, let sysID?):
            try core.store.delete(table: table, sysID: sysID)
            return Response(status: .noContent)
        default:
            return message(.methodNotAllowed, "\(method) is not supported here: see docs/emulator.md")
        }
    }

    private struct RulesPatch: Decodable {
        var draftOnlyWrites: Bool?
        var sanitizeHTML: Bool?
    }

    private func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func message(_ status: HTTPResponse.Status, _ text: String) -> Response {
        json(["error": text], status: status)
    }
}
