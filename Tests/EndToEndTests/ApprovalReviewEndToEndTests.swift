import Foundation
import GRCSyncTestSupport
import Testing

/// `grcsync review`: what push would send, as a reviewer needs it.
@Suite(.serialized) struct ApprovalReviewEndToEndTests {
    @Test func reviewListsStatementsAuthorsDiffsAndWhetherEachApprovalCounts() async throws {
        let world = try await ApprovalWorld(config: "approvals:\n  required: 1\n")
        let scenario = world.scenario
        defer { Task { await scenario.stop() } }
        try await scenario.git("commit", "-qam", "Require one approval")
        let (x, y) = (world.files[0], world.files[1])
        try world.edit(x, "Alice's sentence.")
        try await scenario.git("commit", "-qam", "X by Alice")
        try await scenario.git("config", "user.name", "Carol")
        try await scenario.git("config", "user.email", "carol@example.org")
        try world.edit(y, "Carol's sentence.")
        try await scenario.git("commit", "-qam", "Y by Carol")
        try await scenario.git("config", "user.name", "Bob")
        try await scenario.git("config", "user.email", "bob@example.org")
        let approve = try await scenario.expectSuccess(scenario.grcsync("approve", "--json"))
        let approval = try #require(try world.json(approve)["commit"] as? String)
        try await scenario.git("config", "user.name", "Alice")
        try await scenario.git("config", "user.email", "alice@example.org")
        try world.edit(y, "Alice's afterthought.")
        try await scenario.git("commit", "-qam", "Y by Alice")

        let report = try world.json(try await scenario.expectSuccess(scenario.grcsync("review", "--json")))
        #expect(report["required"] as? Int == 1)
        let items = world.items(report)
        #expect(Set(items.keys) == [x, y])
        let itemX = try #require(items[x])
        let itemY = try #require(items[y])
        let statement = try #require(itemX["statement"] as? [String: Any])
        let manifest = try #require(try scenario.manifest().first { $0["path"] as? String == x })
        #expect(statement["control"] as? String == manifest["control"] as? String)
        #expect(statement["system"] as? String == manifest["system"] as? String)
        #expect(itemX["authors"] as? [String] == ["Alice <alice@example.org>"])
        #expect(itemY["authors"] as? [String] == ["Alice <alice@example.org>", "Carol <carol@example.org>"])
        #expect((itemX["diff"] as? String)?.contains("+") == true)
        #expect((itemX["diff"] as? String)?.contains("Alice's sentence.") == true)
        #expect((itemY["diff"] as? String)?.contains("Alice's afterthought.") == true)
        let blobX = try await scenario.git("rev-parse", "HEAD:\(x)").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(itemX["blob"] as? String == blobX)

        let approvalsX = try #require(itemX["approvals"] as? [String: Any])
        #expect(approvalsX["satisfied"] as? Bool == true)
        let entryX = try #require((approvalsX["entries"] as? [[String: Any]])?.first)
        #expect(entryX["commit"] as? String == approval)
        #expect(entryX["approver"] as? String == "Bob <bob@example.org>")
        #expect(entryX["valid"] as? Bool == true)
        let approvalsY = try #require(itemY["approvals"] as? [String: Any])
        #expect(approvalsY["satisfied"] as? Bool == false)
        let entryY = try #require((approvalsY["entries"] as? [[String: Any]])?.first)
        #expect(entryY["valid"] as? Bool == false)
        #expect((entryY["reason"] as? String)?.contains("changed after this approval") == true)

        // The same for people, with word-level diffs.
        let text = try await scenario.expectSuccess(scenario.grcsync("review", "--word"))
        #expect(text.stdout.contains(manifest["control"] as? String ?? "?"))
        #expect(text.stdout.contains("valid   Bob <bob@example.org>"))
        #expect(text.stdout.contains("invalid Bob <bob@example.org>"))
        #expect(text.stdout.contains("afterthought"))
    }
}
