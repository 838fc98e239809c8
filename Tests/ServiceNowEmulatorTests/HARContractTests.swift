import Foundation
import ServiceNowEmulator
import Testing

/// Replays every request of the recorded real traffic and compares status, the headers that matter and
/// the JSON (shape, and values where the emulator holds the recorded data).
@Suite struct HARContractTests {
    struct Exchange {
        var method: String
        var pathAndQuery: String
        var origin: String
        var status: Int
        var headers: [String: String]
        var body: String
    }

    static func exchanges(_ file: String) throws -> [Exchange]? {
        guard let url = sharedFixture("servicenow-recordings/\(file)") else { return nil }
        let har = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let entries = try #require((har["log"] as? [String: Any])?["entries"] as? [[String: Any]])
        return try entries.map { entry in
            let request = try #require(entry["request"] as? [String: Any])
            let response = try #require(entry["response"] as? [String: Any])
            let address = try #require(request["url"] as? String)
            let full = try #require(URLComponents(string: address))
            var headers: [String: String] = [:]
            for header in response["headers"] as? [[String: String]] ?? [] {
                if let name = header["name"], let value = header["value"] { headers[name.lowercased()] = value }
            }
            return Exchange(
                method: try #require(request["method"] as? String),
                pathAndQuery: full.percentEncodedPath + (full.percentEncodedQuery.map { "?" + $0 } ?? ""),
                origin: "https://\(full.host ?? "")", status: try #require(response["status"] as? Int),
                headers: headers, body: (response["content"] as? [String: Any])?["text"] as? String ?? "")
        }
    }

    /// Recorded records as raw values; the reference fields and their tables, from the links.
    static func rawRecords(_ exchanges: [Exchange]) -> (records: [[String: String]], references: [String: String]) {
        var records: [[String: String]] = []
        var references: [String: String] = [:]
        for exchange in exchanges {
            guard let json = try? JSONSerialization.jsonObject(with: Data(exchange.body.utf8)) as? [String: Any],
                let result = json["result"] as? [[String: Any]]
            else { continue }
            for record in result {
                var raw: [String: String] = [:]
                for (key, value) in record {
                    if let reference = value as? [String: String] {
                        raw[key] = reference["value"] ?? ""
                        let parts = (reference["link"] ?? "").split(separator: "/")
                        if parts.count >= 2 { references[key] = String(parts[parts.count - 2]) }
                    } else {
                        raw[key] = value as? String ?? ""
                    }
                }
                records.append(raw)
            }
        }
        return (records, references)
    }

    /// Sends each recorded request and compares; `origin` in recorded links becomes the emulator's.
    func replay(_ exchanges: [Exchange], on server: EmulatorServer, client: EmulatorClient, compareValues: Bool) async throws {
        let ours = server.baseURL.absoluteString
        for exchange in exchanges {
            let answer = try await client.send(exchange.method, exchange.pathAndQuery)
            let context = Comment(rawValue: "\(exchange.method) \(exchange.pathAndQuery)")
            #expect(answer.status == exchange.status, context)
            #expect(answer.headers["content-type"] == exchange.headers["content-type"], context)
            #expect(answer.headers["x-total-count"] == exchange.headers["x-total-count"], context)
            #expect(
                answer.headers["link"] == exchange.headers["link"]?.replacingOccurrences(of: exchange.origin, with: ours),
                context)
            #expect(answer.headers["www-authenticate"] == exchange.headers["www-authenticate"], context)
            let recorded = try JSONSerialization.jsonObject(
                with: Data(exchange.body.replacingOccurrences(of: exchange.origin, with: ours).utf8))
            let actual = try #require(answer.json, context)
            if compareValues {
                #expect(NSDictionary(dictionary: actual as? [String: Any] ?? [:]).isEqual(recorded), context)
            } else {
                #expect(Self.shape(actual) == Self.shape(recorded), context)
            }
        }
    }

    /// The JSON's shape: keys and kinds (string / object with these keys / array of shapes).
    static func shape(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(shape(object[$0] as Any))" }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + Set(array.map(shape)).sorted().joined(separator: "|") + "]"
        case is String: return "s"
        case is NSNull: return "null"
        default: return "?"
        }
    }

    /// An emulator whose sys_user table holds exactly the given records.
    func userTable(_ records: [[String: String]], references: [String: String]) async throws -> EmulatorServer {
        let server = try await EmulatorServer.start(EmulatorOptions(seed: .empty))
        for record in server.store.records(in: "sys_user") {
            try server.store.delete(table: "sys_user", sysID: record["sys_id"] ?? "")
        }
        server.store.defineTable("sys_user", references: references)
        server.store.importRecords(records, into: "sys_user")
        return server
    }

    @Test func twoPageWalkMatchesTheRecordingValueForValue() async throws {
        guard let exchanges = try Self.exchanges("two-page-walk-500-plus-126.har") else {
            Issue.record("fixture two-page-walk-500-plus-126.har is absent: skipping")
            return
        }
        let data = Self.rawRecords(exchanges)
        #expect(data.records.count == 626)
        let server = try await userTable(data.records, references: data.references)
        try await replay(exchanges, on: server, client: EmulatorClient(baseURL: server.baseURL), compareValues: true)
        await server.stop()
    }

    @Test func limitOnePagingHasTheNegativePrevLink() async throws {
        guard let walk = try Self.exchanges("two-page-walk-500-plus-126.har"),
            let exchanges = try Self.exchanges("limit-1-pagination-links.har")
        else { return }
        let data = Self.rawRecords(walk)
        let server = try await userTable(data.records, references: data.references)
        try await replay(exchanges, on: server, client: EmulatorClient(baseURL: server.baseURL), compareValues: true)
        await server.stop()
    }

    @Test func badCredentialsAnswer401AsRecorded() async throws {
        guard let exchanges = try Self.exchanges("bad-credentials-401.har") else { return }
        try await withEmulator { server, client in
            var wrong = client
            wrong.password = "not-the-password"
            wrong.viaCurl = true
            try await replay(exchanges, on: server, client: wrong, compareValues: true)
        }
    }

    @Test func emptyResultFiltersFieldsAndSingleRecord() async throws {
        guard let exchanges = try Self.exchanges("empty-result-and-single-record.har") else { return }
        // 628 users (the recorded first one and copies), and the recorded table hierarchy.
        let first = Self.rawRecords([exchanges[0]])
        var users = first.records
        for index in 1..<628 {
            var copy = first.records[0]
            copy["sys_id"] = String(format: "%032x", index)
            copy["user_name"] = "user.\(index)"
            users.append(copy)
        }
        let server = try await userTable(users, references: first.references)
        server.store.defineTable("sys_db_object", columns: ["name", "super_class"], references: ["super_class": "sys_db_object"])
        server.store.importRecords([
            ["sys_id": "00000000000000000000000000000c0c", "name": "cmdb_ci_computer", "super_class": "b662e48e1802021076dae3f117ba1e90"],
            ["sys_id": "b662e48e1802021076dae3f117ba1e90", "name": "cmdb_ci_hardware", "super_class": "0052284e1802021076dae3f117ba1e3d"],
            ["sys_id": "0052284e1802021076dae3f117ba1e3d", "name": "cmdb_ci", "super_class": "7342e44e1802021076dae3f117ba1ef0"],
            ["sys_id": "7342e44e1802021076dae3f117ba1ef0", "name": "cmdb", "super_class": ""],
        ], into: "sys_db_object")
        try await replay(exchanges, on: server, client: EmulatorClient(baseURL: server.baseURL), compareValues: true)
        await server.stop()
    }
}
