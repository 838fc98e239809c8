import Foundation
import GRCSyncTestSupport
import Testing

/// `approvals.require_signed`: an approval counts only when its commit is SSH-signed by a key that the
/// committed `allowed_signers` file lists for the approver — checked with keys made by the real
/// `ssh-keygen`, and against the real `git verify-commit`.
@Suite(.serialized) struct ApprovalSignatureEndToEndTests {
    @Test func onlyAnApprovalSignedByTheApproversListedKeyCounts() async throws {
        let world = try await ApprovalWorld(config: "approvals:\n  required: 1\n  require_signed: true\n")
        let scenario = world.scenario
        defer { Task { await scenario.stop() } }
        let keys = scenario.folder.appending("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let bobKey = try await SSHKey("bob", in: keys)
        let aliceKey = try await SSHKey("alice", in: keys)
        let strayKey = try await SSHKey("stray", in: keys)
        let signers = bobKey.allowedSignersLine(for: "bob@example.org") + "\n" + aliceKey.allowedSignersLine(for: "alice@example.org") + "\n"
        try scenario.write(".grcsync/allowed_signers", signers)
        let signersFile = scenario.workspace.appendingPathComponent(".grcsync/allowed_signers").path
        let path = world.files[0]
        try world.edit(path, "Signed off by security.")
        try await scenario.git("add", "-A")
        try await scenario.git("commit", "-qm", "Require signed approvals; edit")

        let forge = try await Forge(scenario)
        let bob = try await forge.clone("Bob", email: "bob@example.org")
        // Unsigned, written by hand with git: the trailer is all an approval is.
        let blob = try await forge.git("rev-parse", "HEAD:\(path)", in: bob).trimmingCharacters(in: .whitespacesAndNewlines)
        try await forge.git("commit", "-q", "--allow-empty", "-m", "Approve by hand\n\nGrcsync-Approves: \(blob) \(path)", in: bob)
        // Signed with a key nobody listed, then with Alice's key (listed, but for Alice).
        try await forge.git("config", "user.signingkey", strayKey.privateKey.path, in: bob)
        try await scenario.expectSuccess(scenario.grcsync("approve", "--sign", in: bob))
        let stray = try await forge.gitResult("-c", "gpg.ssh.allowedSignersFile=\(signersFile)", "verify-commit", "HEAD", in: bob)
        #expect(stray.status != 0, "\(stray)")
        try await forge.git("config", "user.signingkey", aliceKey.privateKey.path, in: bob)
        try await scenario.expectSuccess(scenario.grcsync("approve", "--sign", in: bob))
        try await forge.git("push", "-q", "origin", "main", in: bob)

        try await world.pullFromForge()
        let refused = try await scenario.grcsync("push")
        #expect(refused.status == 6, "\(refused)")
        #expect(refused.stderr.contains("\(path): 0 of 1"), "\(refused)")
        #expect(refused.stderr.contains("the approval is not signed"), "\(refused)")
        #expect(refused.stderr.components(separatedBy: "the signature is not valid for a key").count == 3, "\(refused)")
        let review = try world.json(try await scenario.expectSuccess(scenario.grcsync("review", "--json")))
        let entries = (world.items(review)[path]?["approvals"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(entries.compactMap { $0["signature"] as? String }.sorted() == ["invalid", "invalid", "unsigned"])

        try await forge.git("config", "user.signingkey", bobKey.privateKey.path, in: bob)
        let approve = try await scenario.expectSuccess(scenario.grcsync("approve", "--sign", in: bob))
        #expect(approve.stdout.contains("(signed)"))
        // Git itself accepts the signature: the format is Git's own.
        let verified = try await forge.gitResult("-c", "gpg.ssh.allowedSignersFile=\(signersFile)", "verify-commit", "HEAD", in: bob)
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.stderr.contains("Good \"git\" signature for bob@example.org"), "\(verified)")
        let shown = try await forge.git("-c", "gpg.ssh.allowedSignersFile=\(signersFile)", "log", "-1", "--format=%G? %GS", in: bob)
        #expect(shown.hasPrefix("G bob@example.org"), "\(shown)")
        try await forge.git("push", "-q", "origin", "main", in: bob)

        try await world.pullFromForge()
        let push = try await scenario.expectSuccess(scenario.grcsync("push", "--json"))
        let item = try #require(world.items(try world.json(push))[path])
        #expect(item["outcome"] as? String == "pushed")
        #expect((item["approvals"] as? [String])?.count == 1)
        #expect(try scenario.remoteHTML(of: path).contains("Signed off by security."))
    }

    @Test func anApprovalSignedByGitItselfCounts() async throws {
        let world = try await ApprovalWorld(config: "approvals:\n  required: 1\n  require_signed: true\n")
        let scenario = world.scenario
        defer { Task { await scenario.stop() } }
        let key = try await SSHKey("bob", in: scenario.folder.url)
        try scenario.write(".grcsync/allowed_signers", key.allowedSignersLine(for: "bob@example.org") + "\n")
        let path = world.files[0]
        try world.edit(path, "Approved with git commit -S.")
        try await scenario.git("add", "-A")
        try await scenario.git("commit", "-qm", "Edit")
        let blob = try await scenario.git("rev-parse", "HEAD:\(path)").trimmingCharacters(in: .whitespacesAndNewlines)
        try await scenario.git("config", "user.name", "Bob")
        try await scenario.git("config", "user.email", "bob@example.org")
        try await scenario.git(
            "-c", "gpg.format=ssh", "-c", "user.signingkey=\(key.privateKey.path)", "commit", "-q", "-S", "--allow-empty",
            "-m", "Approve\n\nGrcsync-Approves: \(blob) \(path)")
        try await scenario.git("config", "user.name", "Alice")
        try await scenario.git("config", "user.email", "alice@example.org")
        let push = try await scenario.expectSuccess(scenario.grcsync("push"))
        #expect(push.stdout.contains("pushed"), "\(push)")
    }

    @Test func withoutACommittedAllowedSignersFileNoSignatureCounts() async throws {
        let world = try await ApprovalWorld(config: "approvals:\n  required: 1\n  require_signed: true\n")
        let scenario = world.scenario
        defer { Task { await scenario.stop() } }
        let key = try await SSHKey("bob", in: scenario.folder.url)
        let path = world.files[0]
        try world.edit(path, "Unverifiable.")
        try await scenario.git("commit", "-qam", "Edit")
        // Only in the work tree: an uncommitted signers file is not evidence anyone reviewed.
        try FileManager.default.createDirectory(at: scenario.workspace.appendingPathComponent(".grcsync"), withIntermediateDirectories: true)
        try scenario.write(".grcsync/allowed_signers", key.allowedSignersLine(for: "bob@example.org") + "\n")
        try await scenario.git("config", "user.name", "Bob")
        try await scenario.git("config", "user.email", "bob@example.org")
        try await scenario.git("config", "user.signingkey", key.privateKey.path)
        try await scenario.expectSuccess(scenario.grcsync("approve"))
        let refused = try await scenario.grcsync("push")
        #expect(refused.status == 6, "\(refused)")
        #expect(refused.stderr.contains(".grcsync/allowed_signers is not committed"), "\(refused)")
    }
}
