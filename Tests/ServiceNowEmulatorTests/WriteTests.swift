import Foundation
import ServiceNowEmulator
import Testing

/// Writes and the system fields ServiceNow keeps, the draft-only rule and the sanitiser, over HTTP.
@Suite struct WriteTests {
    static let controls = "/api/now/table/sn_compliance_control"

    func firstControl(_ server: EmulatorServer, state: String) throws -> [String: String] {
        try #require(server.store.records(in: "sn_compliance_control").first { $0["state"] == state })
    }

    @Test func updateBumpsModCountOnlyWhenSomethingChanges() async throws {
        try await withEmulator(EmulatorOptions(users: [EmulatorUser(name: "alice", password: "pw")], seed: .demo())) { server, client in
            var alice = client
            alice.user = "alice"
            alice.password = "pw"
            let control = try firstControl(server, state: "draft")
            let sysID = try #require(control["sys_id"])
            let before = Int(control["sys_mod_count"] ?? "") ?? -1
            let patched = try await alice.send("PATCH", "\(Self.controls)/\(sysID)", json: ["implementation_statement": "<p>New</p>"])
            #expect(patched.status == 200)
            #expect(patched.record["sys_mod_count"] as? String == String(before + 1))
            #expect(patched.record["sys_updated_by"] as? String == "alice")
            #expect(patched.record["implementation_statement"] as? String == "<p>New</p>")
            #expect(patched.record["number"] as? String == control["number"])  // whole record, omitted fields kept
            let updatedOn = try #require(patched.record["sys_updated_on"] as? String)
            #expect(updatedOn.count == 19 && updatedOn.dropFirst(10).first == " ")
            let same = try await alice.send("PUT", "\(Self.controls)/\(sysID)", json: ["implementation_statement": "<p>New</p>"])
            #expect(same.status == 200)
            #expect(same.record["sys_mod_count"] as? String == String(before + 1))
            let missing = try await alice.send("PATCH", "\(Self.controls)/0123456789abcdef0123456789abcdef", json: ["name": "x"])
            #expect(missing.status == 404)
        }
    }

    @Test func insertAndDelete() async throws {
        try await withEmulator(EmulatorOptions(seed: .empty)) { server, client in
            let created = try await client.send("POST", "/api/now/table/sn_grc_profile", json: ["name": "New System", "u_unknown": "x"])
            #expect(created.status == 201)
            let sysID = try #require(created.record["sys_id"] as? String)
            #expect(sysID.count == 32 && sysID.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            #expect(created.record["sys_mod_count"] as? String == "0")
            #expect(created.record["sys_created_by"] as? String == "admin")
            #expect(created.record["u_unknown"] == nil)  // unknown fields are ignored
            #expect(created.headers["location"] == "\(server.baseURL.absoluteString)/api/now/table/sn_grc_profile/\(sysID)")
            let deleted = try await client.send("DELETE", "/api/now/table/sn_grc_profile/\(sysID)")
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            #expect(server.store.record(table: "sn_grc_profile", sysID: sysID) == nil)
        }
    }

    @Test func badRequestsAreRefused() async throws {
        try await withEmulator { _, client in
            let notJSON = try await client.send(
                "POST", "/api/now/table/sn_grc_profile", body: Data("{".utf8), headers: ["Content-Type": "application/json"])
            #expect(notJSON.status == 400)
            let noType = try await client.send("POST", "/api/now/table/sn_grc_profile", body: Data("{}".utf8), headers: ["Content-Type": "text/plain"])
            #expect(noType.status == 400)
            let wrongAccept = try await client.send("GET", "/api/now/table/sn_grc_profile", headers: ["Accept": "text/html"])
            #expect(wrongAccept.status == 400)
        }
    }

    @Test func draftOnlyWritesRefuseOtherStates() async throws {
        try await withEmulator(EmulatorOptions(seed: .demo(), draftOnlyWrites: true)) { server, client in
            let monitored = try #require(try firstControl(server, state: "monitor")["sys_id"])
            let refused = try await client.send("PATCH", "\(Self.controls)/\(monitored)", json: ["implementation_statement": "x"])
            #expect(refused.status == 403)
            #expect(refused.text.contains("ACL Exception Update Failed due to security constraints"))
            let back = try await client.send("PATCH", "\(Self.controls)/\(monitored)", json: ["state": "draft"])
            #expect(back.status == 200)
            let draft = try #require(try firstControl(server, state: "draft")["sys_id"])
            #expect(try await client.send("PATCH", "\(Self.controls)/\(draft)", json: ["implementation_statement": "x"]).status == 200)
            server.rules.draftOnlyWrites = false
            let other = try #require(try firstControl(server, state: "review")["sys_id"])
            #expect(try await client.send("PATCH", "\(Self.controls)/\(other)", json: ["implementation_statement": "x"]).status == 200)
        }
    }

    @Test func sanitiserRewritesWhatIsSent() async throws {
        try await withEmulator { server, client in
            let sysID = try #require(try firstControl(server, state: "draft")["sys_id"])
            let sent = #"<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:alert(2)">x</a></p>"#
            let answer = try await client.send("PATCH", "\(Self.controls)/\(sysID)", json: ["implementation_statement": sent])
            #expect(answer.record["implementation_statement"] as? String == "<p>Hi <a>x</a></p>")
            server.rules.sanitizeHTML = false
            let raw = try await client.send("PATCH", "\(Self.controls)/\(sysID)", json: ["implementation_statement": sent])
            #expect(raw.record["implementation_statement"] as? String == sent)
        }
    }

    @Test func colleagueEditThroughTheStoreAndTheAdminAPI() async throws {
        try await withEmulator { server, client in
            let control = try firstControl(server, state: "draft")
            let sysID = try #require(control["sys_id"])
            let before = Int(control["sys_mod_count"] ?? "") ?? -1
            let edited = try server.store.update(
                table: "sn_compliance_control", sysID: sysID, fields: ["implementation_statement": "<p>B</p>"], as: "bob")
            #expect(edited["sys_mod_count"] == String(before + 1))
            #expect(edited["sys_updated_by"] == "bob")
            let admin = try await client.send(
                "PATCH", "/emulator/tables/sn_compliance_control/\(sysID)?user=carol", json: ["implementation_statement": "<p>C</p>"])
            #expect(admin.status == 200)
            let seen = try await client.send("GET", "\(Self.controls)/\(sysID)")
            #expect(seen.record["sys_updated_by"] as? String == "carol")
            #expect(seen.record["sys_mod_count"] as? String == String(before + 2))
        }
    }
}
