import Foundation
import ServiceNowEmulator
import Testing

/// Encoded queries, plain filters, fields, paging, display values and dot-walking, over HTTP.
@Suite struct QueryTests {
    /// Five items with a name, a number, a date, a category and a reference to a profile.
    func seeded(_ server: EmulatorServer) throws -> [String] {
        let profile = try server.store.insert(table: "sn_grc_profile", fields: ["name": "Alpha System"])
        server.store.defineTable(
            "u_item", columns: ["name", "size", "due", "category", "profile"], references: ["profile": "sn_grc_profile"])
        let rows: [(String, String, String, String)] = [
            ("apple", "10", "2024-01-05 10:00:00", "fruit"), ("banana", "9", "2024-02-01 00:00:00", "fruit"),
            ("carrot", "100", "2023-12-31 23:59:59", "vegetable"), ("Apricot", "2", "2024-03-01 12:00:00", ""),
            ("date", "55", "", "fruit"),
        ]
        return try rows.map { row in
            try server.store.insert(
                table: "u_item",
                fields: ["name": row.0, "size": row.1, "due": row.2, "category": row.3, "profile": profile["sys_id"] ?? ""]
            )["sys_id"] ?? ""
        }
    }

    func names(_ client: EmulatorClient, _ query: String) async throws -> [String] {
        let answer = try await client.get("u_item", [("sysparm_query", query), ("sysparm_fields", "name")])
        #expect(answer.status == 200)
        return answer.result.compactMap { $0["name"] as? String }
    }

    @Test func everyOperator() async throws {
        try await withEmulator(EmulatorOptions(seed: .empty)) { server, client in
            let ids = try seeded(server)
            #expect(try await names(client, "category=fruit") == ["apple", "banana", "date"])
            #expect(try await names(client, "category!=fruit") == ["carrot", "Apricot"])
            #expect(try await names(client, "nameINapple,carrot") == ["apple", "carrot"])
            #expect(try await names(client, "nameNOT INapple,carrot") == ["banana", "Apricot", "date"])
            #expect(try await names(client, "nameSTARTSWITHap") == ["apple"])  // case-sensitive
            #expect(try await names(client, "nameENDSWITHot") == ["carrot", "Apricot"])
            #expect(try await names(client, "nameLIKEan") == ["banana"])
            #expect(try await names(client, "nameNOT LIKEa") == ["Apricot"])
            #expect(try await names(client, "categoryISEMPTY") == ["Apricot"])
            #expect(try await names(client, "categoryISNOTEMPTY^size>=55") == ["carrot", "date"])
            #expect(try await names(client, "size>9") == ["apple", "carrot", "date"])  // numbers, not strings
            #expect(try await names(client, "size<9") == ["Apricot"])
            #expect(try await names(client, "size<=9") == ["banana", "Apricot"])
            #expect(try await names(client, "due>2024-01-31 00:00:00") == ["banana", "Apricot"])
            #expect(try await names(client, "due<javascript:gs.dateGenerate('2024-01-01','00:00:00')") == ["carrot"])
            #expect(try await names(client, "category=vegetable^ORname=date") == ["carrot", "date"])
            #expect(try await names(client, "category=vegetable^NQname=apple") == ["apple", "carrot"])
            #expect(try await names(client, "sys_idIN\(ids[4]),\(ids[0])") == ["apple", "date"])
            #expect(try await names(client, "nosuchfield=1^category=vegetable") == ["carrot"])  // invalid term dropped
            #expect(try await names(client, "profile.name=Alpha System^size>50") == ["carrot", "date"])
            #expect(try await names(client, "ORDERBYname") == ["Apricot", "apple", "banana", "carrot", "date"])
            #expect(try await names(client, "category=fruit^ORDERBYDESCsize") == ["date", "apple", "banana"])
        }
    }

    @Test func plainFieldFiltersAndUnknownTable() async throws {
        try await withEmulator(EmulatorOptions(seed: .empty)) { server, client in
            _ = try seeded(server)
            let answer = try await client.get("u_item", [("category", "fruit"), ("size", "9")])
            #expect(answer.result.map { $0["name"] as? String } == ["banana"])
            let unknown = try await client.get("u_nothing")
            #expect(unknown.status == 400)
            #expect(unknown.text == #"{"error":{"message":"Invalid table u_nothing","detail":null},"status":"failure"}"#)
        }
    }

    @Test func fieldsLimitOffsetAndLinks() async throws {
        try await withEmulator(EmulatorOptions(seed: .empty)) { server, client in
            _ = try seeded(server)
            let page = try await client.get(
                "u_item", [("sysparm_fields", "name,nosuch,size"), ("sysparm_limit", "2"), ("sysparm_offset", "2")])
            #expect(page.result.map { $0.keys.sorted() } == [["name", "size"], ["name", "size"]])
            #expect(page.result.map { $0["name"] as? String } == ["carrot", "Apricot"])
            #expect(page.headers["x-total-count"] == "5")
            let base = "\(server.baseURL.absoluteString)/api/now/table/u_item?sysparm_fields=name%2Cnosuch%2Csize&"
            #expect(page.headers["link"] == [
                "<\(base)sysparm_limit=2&sysparm_offset=0>;rel=\"first\"",
                "<\(base)sysparm_limit=2&sysparm_offset=0>;rel=\"prev\"",
                "<\(base)sysparm_limit=2&sysparm_offset=4>;rel=\"next\"",
                "<\(base)sysparm_limit=2&sysparm_offset=4>;rel=\"last\"",
            ].joined(separator: ","))
            let whole = try await client.get("u_item", [("sysparm_limit", "5")])
            #expect(whole.headers["link"] == nil)
            let beyond = try await client.get("u_item", [("sysparm_offset", "99")])
            #expect(beyond.result.isEmpty)
            let quiet = try await client.get("u_item", [("sysparm_limit", "1"), ("sysparm_no_count", "true")])
            #expect(quiet.headers["x-total-count"] == nil)
            #expect(quiet.headers["link"]?.contains("last") == false)
            let suppressed = try await client.get(
                "u_item", [("sysparm_limit", "1"), ("sysparm_suppress_pagination_header", "true")])
            #expect(suppressed.headers["link"] == nil)
        }
    }

    @Test func displayValuesReferencesAndDotWalk() async throws {
        try await withEmulator(EmulatorOptions(seed: .empty)) { server, client in
            let ids = try seeded(server)
            let profileID = try #require(server.store.record(table: "u_item", sysID: ids[0])?["profile"])
            let link = "\(server.baseURL.absoluteString)/api/now/table/sn_grc_profile/\(profileID)"
            func one(_ extra: [(String, String)]) async throws -> [String: Any] {
                let answer = try await client.send(
                    "GET", "/api/now/table/u_item/\(ids[0])?" + EmulatorClient.query([("sysparm_fields", "name,profile,profile.name")] + extra))
                #expect(answer.status == 200)
                #expect(answer.headers["x-total-count"] == nil)
                return answer.record
            }
            let raw = try await one([])
            #expect(raw["profile"] as? [String: String] == ["link": link, "value": profileID])
            #expect(raw["profile.name"] as? String == "Alpha System")
            let plain = try await one([("sysparm_exclude_reference_link", "true")])
            #expect(plain["profile"] as? String == profileID)
            let display = try await one([("sysparm_display_value", "true")])
            #expect(display["profile"] as? [String: String] == ["display_value": "Alpha System", "link": link])
            let all = try await one([("sysparm_display_value", "all")])
            #expect(all["name"] as? [String: String] == ["display_value": "apple", "value": "apple"])
            #expect(all["profile"] as? [String: String] == ["display_value": "Alpha System", "link": link, "value": profileID])
            let missing = try await client.send("GET", "/api/now/table/u_item/0123456789abcdef0123456789abcdef")
            #expect(missing.status == 404)
            #expect((missing.json as? [String: Any])?["status"] as? String == "failure")
        }
    }
}
