import Foundation
import GRCSyncTestSupport
import ServiceNowEmulator
import Testing

/// `grcsync approve` and the policy `grcsync push` enforces, with two (or three) people, each in their own
/// clone with their own Git identity, sharing work through a bare repository with the real `git`.
@Suite(.serialized) struct ApprovalEndToEndTests {
    @Test func aChangeIsPushedOnlyOnceSomeoneElseApprovedItInTheirClone() async throws {
        let world = try await ApprovalWorld(config: "approvals:\n  required: 1\n")
        let scenario = world.scenario
        defer { Task { await scenario.stop() } }
        try await scenario.git("commit", "-qam", "Require one approval")
        let path = world.files[0]
        try world.edit(path, "Access is reviewed every quarter.")
        try await scenario.git("commit", "-qam", "Quarterly access reviews")
        scenario.emulator.clearRequestLog()

        let refused = try await scenario.grcsync("push")
        #expect(refused.status == 6, "\(refused)")
        #expect(refused.stderr.contains("\(path): 0 of 1 valid approval(s)"), "\(refused)")
        #expect(scenario.requests().isEmpty, "the policy is checked before any request")
        #expect(!(try scenario.remoteHTML(of: path).contains("quarter")))

        let forge = try await Forge(scenario)
        let bob = try await forge.clone("Bob", email: "bob@example.org")
        let approve = try await scenario.expectSuccess(scenario.grcsync("approve", "-m", "Matches the access policy", in: bob))
        #expect(approve.stdout.contains(path), "\(approve)")
        let approval = try await forge.git("rev-parse", "HEAD", in: bob).trimmingCharacters(in: .whitespacesAndNewlines)
        // An empty commit by Bob, visible in git log, naming the exact blob approved.
        let blob = try await forge.git("rev-parse", "HEAD:\(path)", in: bob).trimmingCharacters(in: .whitespacesAndNewlines)
        let log = try await forge.git("log", "-1", "--format=%an <%ae>%n%B", in: bob)
        #expect(log.hasPrefix("Bob <bob@example.org>"))
        #expect(log.contains("Matches the access policy"))
        #expect(log.contains("Grcsync-Approves: \(blob) \(path)"))
        let trailers = try await forge.git("log", "-1", "--format=%(trailers:key=Grcsync-Approves,valueonly)", in: bob)
        #expect(trailers.contains("\(blob) \(path)"), "git itself reads the trailer")
        #expect(try await forge.git("diff", "--name-only", "HEAD~1", "HEAD", in: bob).isEmpty)
        try await forge.git("push", "-q", "origin", "main", in: bob)

        try await world.pullFromForge()
        let push = try await scenario.expectSuccess(scenario.grcsync("push", "--json"))
        let item = try #require(world.items(try world.json(push))[path])
        #expect(item["outcome"] as? String == "pushed")
        #expect(item["approvals"] as? [String] == ["\(approval) Bob <bob@example.org>"])
        #expect(try scenario.remoteHTML(of: path).contains("Access is reviewed every quarter."))
        let sync = try await scenario.git("log", "-1", "--format=%B", "HEAD")
        #expect(sync.contains("Grcsync-Sync: push"))
        #expect(sync.contains("Grcsync-Approval: \(approval) Bob <bob@example.org>"), "\(sync)")
        #expect(try await scenario.git("status", "--porcelain").isEmpty)
    }

    @Test func selfApprovalLaterEditsAndApproversOutsideTheListDoNotCount() async throws {
        let world = try await ApprovalWorld(config: "approvals:\n  required: 1\n  approvers: [bob@example.org, carol@example.org]\n")
        let scenario = world.scenario
        defer { Task { await scenario.stop() } }
        let (x, y) = (world.files[0], world.files[1])
        // The policy and both edits in one commit, right on top of the first mirror commit.
        try world.edit(x, "Edit of X.")
        try world.edit(y, "Edit of Y.")
        try await scenario.git("commit", "-qam", "Policy, X and Y")

        try await scenario.expectSuccess(scenario.grcsync("approve"))
        let own = try await scenario.grcsync("push")
        #expect(own.status == 6, "\(own)")
        #expect(own.stderr.contains("alice@example.org is an author of the change"), "\(own)")

        let forge = try await Forge(scenario)
        let bob = try await forge.clone("Bob", email: "bob@example.org")
        try await scenario.expectSuccess(scenario.grcsync("approve", in: bob))
        try await forge.git("push", "-q", "origin", "main", in: bob)
        try await world.pullFromForge()

        // Alice edits Y after Bob approved: his approval still holds for X, not for Y.
        try world.edit(y, "Second thoughts on Y.")
        try await scenario.git("commit", "-qam", "Y again")
        let edited = try await scenario.grcsync("push")
        #expect(edited.status == 6, "\(edited)")
        #expect(edited.stderr.contains("\(y): 0 of 1"), "\(edited)")
        #expect(edited.stderr.contains("the statement changed after this approval"))
        #expect(!edited.stderr.contains(x), "X keeps Bob's approval")

        // Narrowed to the approved statement, the push goes through.
        let narrowed = try await scenario.expectSuccess(scenario.grcsync("push", x, "--json"))
        #expect(world.items(try world.json(narrowed))[x]?["outcome"] as? String == "pushed")
        #expect(try scenario.remoteHTML(of: x).contains("Edit of X."))
        #expect(!(try scenario.remoteHTML(of: y).contains("Edit of Y.")))

        // That push's sync commit does not make Alice any less an author of Y.
        try await scenario.expectSuccess(scenario.grcsync("approve", y))
        let stillOwn = try await scenario.grcsync("push")
        #expect(stillOwn.status == 6, "\(stillOwn)")
        #expect(stillOwn.stderr.contains("alice@example.org is an author of the change"), "\(stillOwn)")
        try await scenario.git("push", "-q", "origin", "main")

        let mallory = try await forge.clone("Mallory", email: "mallory@example.org")
        try await scenario.expectSuccess(scenario.grcsync("approve", y, in: mallory))
        try await forge.git("push", "-q", "origin", "main", in: mallory)
        try await world.pullFromForge()
        let outsider = try await scenario.grcsync("push")
        #expect(outsider.status == 6, "\(outsider)")
        #expect(outsider.stderr.contains("mallory@example.org is not in approvals.approvers"), "\(outsider)")

        try await forge.git("pull", "-q", "--ff-only", "origin", "main", in: bob)
        try await scenario.expectSuccess(scenario.grcsync("approve", y, in: bob))
        try await forge.git("push", "-q", "origin", "main", in: bob)
        try await world.pullFromForge()
        let push = try await scenario.expectSuccess(scenario.grcsync("push", "--json"))
        let item = try #require(world.items(try world.json(push))[y])
        #expect(item["outcome"] as? String == "pushed")
        #expect((item["approvals"] as? [String])?.count == 1)
        #expect((item["approvals"] as? [String])?.first?.hasSuffix("Bob <bob@example.org>") == true)
        #expect(try scenario.remoteHTML(of: y).contains("Second thoughts on Y."))
    }
}
