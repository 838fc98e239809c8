import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import ServiceNow

/// The shapes a field value can take, and the small parsers around requests.
struct ValueTests {
    func decode(_ json: String) throws -> Record {
        try JSONDecoder().decode(Record.self, from: Data(json.utf8))
    }

    @Test func displayValueAllAndDotWalkedFields() throws {
        let record = try decode("""
            {"state":{"display_value":"Draft","value":"draft"},
             "profile":{"display_value":"System A","link":"https://x/api/now/table/sn_grc_profile/p1","value":"p1"},
             "profile.name":{"display_value":"System A","value":"System A"},
             "sys_mod_count":{"display_value":"4","value":"4"}}
            """)
        #expect(record.fields["state"] == .displayed(displayValue: "Draft", value: "draft"))
        #expect(record["profile"] == "p1")
        #expect(record.fields["profile"]?.displayValue == "System A")
        #expect(record["profile.name"] == "System A")
        #expect(record.modCount == 4)
    }

    @Test func emptyReferenceAndUnexpectedScalars() throws {
        let record = try decode(#"{"owner":"","count":3,"active":true,"note":null,"sys_id":"a1"}"#)
        #expect(record.fields["owner"] == .string(""))
        #expect(record["count"] == "3")
        #expect(record["active"] == "true")
        #expect(record["note"] == "")
        #expect(record.sysID == "a1")
        #expect(record.modCount == nil)
        #expect(record["missing"] == nil)
    }

    @Test func versionsReadEveryShapeOfTheirThreeFields() throws {
        let rows = try JSONDecoder().decode([RecordVersion].self, from: Data("""
            [{"sys_id":"a1","sys_mod_count":"4","sys_updated_on":"2024-04-14 19:29:09","number":"CTRL1"},
             {"sys_id":{"display_value":"a2","value":"a2"},"sys_mod_count":{"display_value":"1,204","value":"1204"}},
             {"sys_id":{"link":"https://x/a3","value":"a3"},"sys_mod_count":7,"sys_updated_on":null},
             {"sys_mod_count":"n/a"}]
            """.utf8))
        #expect(rows == [
            RecordVersion(sysID: "a1", modCount: 4, updatedOn: "2024-04-14 19:29:09"),
            RecordVersion(sysID: "a2", modCount: 1_204, updatedOn: nil),
            RecordVersion(sysID: "a3", modCount: 7, updatedOn: ""),
            RecordVersion(sysID: nil, modCount: nil, updatedOn: nil),
        ])
        // The same values a Record gives for those fields.
        let json = Data(#"[{"sys_id":"b","sys_mod_count":"2","sys_updated_on":"t"},{"sys_id":"c","sys_updated_on":null}]"#.utf8)
        let records = try JSONDecoder().decode([Record].self, from: json)
        #expect(records.map { RecordVersion(sysID: $0.sysID, modCount: $0.modCount, updatedOn: $0.updatedOn) }
            == (try JSONDecoder().decode([RecordVersion].self, from: json)))
    }

    @Test func recordsEncodeBackToTheSameShape() throws {
        let record = Record(fields: [
            "a": .string("x"), "b": .reference(value: "s1", link: "https://x/s1"), "c": .displayed(displayValue: "X", value: "x"),
            "d": .reference(value: "s2", link: nil),
        ])
        let data = try JSONEncoder().encode(record)
        let decoded = try JSONDecoder().decode(Record.self, from: data)
        #expect(decoded.fields["a"] == record.fields["a"])
        #expect(decoded.fields["b"] == record.fields["b"])
        #expect(decoded.fields["c"] == record.fields["c"])
        #expect(decoded["d"] == "s2")
    }

    @Test func linkHeaderWithCommasInURLs() {
        let link = LinkHeader(
            #"<https://i/api/now/table/t?sysparm_fields=a%2Cb,c&sysparm_limit=5&sysparm_offset=0>;rel="first","#
                + #"<https://i/api/now/table/t?sysparm_fields=a,b&sysparm_limit=5&sysparm_offset=5>;rel="next""#)
        #expect(link.nextOffset(after: 0) == 5)
        #expect(link.nextOffset(after: 5) == nil)
        #expect(LinkHeader("").nextOffset(after: 0) == nil)
        #expect(LinkHeader("garbage<<>>;rel=").links.isEmpty)
    }

    @Test func queryIsEncodedStrictly() {
        let request = TableRequest(
            method: "GET", path: "/api/now/table/t",
            query: [("sysparm_query", "name=a b^ORname=c&d+e"), ("sysparm_fields", "a,b.c")])
        let url = request.url(on: URL(string: "http://127.0.0.1:8080/") ?? Fake.instance)
        #expect(url?.absoluteString
            == "http://127.0.0.1:8080/api/now/table/t?sysparm_query=name%3Da%20b%5EORname%3Dc%26d%2Be&sysparm_fields=a%2Cb.c")
        #expect(!TableRequest.isPlainName("../sys_user"))
        #expect(!TableRequest.isPlainName(""))
        #expect(TableRequest.isPlainName("sn_compliance_control"))
    }

    @Test func tableNamesThatCouldAlterThePathAreRefused() async throws {
        let script = ScriptedTransport([])
        let client = Fake.client(script.transport)
        let error = try await #require(throws: ServiceNowError.self) {
            _ = try await client.get(table: "sys_user/../x", sysID: "a1", fields: [])
        }
        #expect(error.kind == .badRequest)
        #expect(script.log.all.isEmpty)
    }

    @Test func writesSendJSONWithContentType() async throws {
        let script = ScriptedTransport([])
        let client = Fake.client(script.transport)
        _ = try await client.update(
            table: "sn_compliance_control", sysID: "a1", fields: ["implementation_statement": "<p>a/b</p>", "state": "draft"],
            returning: ["sys_mod_count", "implementation_statement"])
        let request = try #require(script.log.all.first)
        #expect(request.httpMethod == "PATCH")
        #expect(request.value(forHTTPHeaderField: "Content-Type") == "application/json")
        #expect(request.value(forHTTPHeaderField: "Accept") == "application/json")
        #expect(String(decoding: request.httpBody ?? Data(), as: UTF8.self) == #"{"implementation_statement":"<p>a/b</p>","state":"draft"}"#)
        #expect(Fake.query(request)["sysparm_fields"] == "sys_mod_count,implementation_statement")
    }

    @Test func errorEnvelopesAndPages() {
        #expect(ErrorEnvelope(Data(#"{"error":{"message":"Invalid table x","detail":null},"status":"failure"}"#.utf8))?.message == "Invalid table x")
        #expect(ErrorEnvelope(Data(#"{"error":"server_error","error_description":"access_denied"}"#.utf8))?.message == "access_denied")
        #expect(ErrorEnvelope(Data("<html/>".utf8)) == nil)
        #expect(ResponseClassification.isHibernationPage(Fake.sleepingInstancePage))
        #expect(!ResponseClassification.isHibernationPage("<html><body>Service Unavailable</body></html>"))
        #expect(ResponseClassification.snippet("<p>a\n\n  b</p>") == "a b")
    }
}
