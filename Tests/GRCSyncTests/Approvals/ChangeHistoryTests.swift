import Foundation
import GitKit
@testable import GRCSync
import GRCSyncTestSupport
import Testing

/// Who authored a statement's change and which approvals may approve it, on real histories built commit
/// by commit: mirror commits, edits, narrowed pushes, merges.
/// A repository in a temporary folder, and commits made in it one minute apart.
private final class History {
    let folder: TemporaryDirectory
    let repository: Repository
    private var clock = Date(timeIntervalSince1970: 1_760_000_000)

    init() throws {
        folder = try TemporaryDirectory("grcsync-history")
        repository = try Repository.initialize(at: folder.url)
    }

    /// A commit by `email` of `files` (path → text) on top of the first parent's tree.
    func commit(_ email: String, _ files: [String: String] = [:], parents: [ObjectID], message: String = "Change") throws -> ObjectID {
        clock += 60
        var updates: [TreeUpdate] = []
        for (path, text) in files { updates.append(.upsert(path: path, blob: try repository.writeBlob(Data(text.utf8)))) }
        let baseTree = try parents.first.map { try repository.commit($0).tree }
        let tree = try repository.updateTree(baseTree, updates)
        let person = Signature(name: String(email.prefix { $0 != "@" }).capitalized, email: email, date: clock)
        return try repository.createCommit(tree: tree, parents: parents, message: message, author: person)
    }

    func blob(_ path: String, at commit: ObjectID) throws -> ObjectID {
        try #require(try repository.blobID(at: path, in: try repository.commit(commit).tree))
    }

    /// The message of an approval of `paths` as they are in `commit`.
    func approval(of paths: [String], at commit: ObjectID) throws -> String {
        "Approve\n\n" + (try paths.map { "\(Approval.trailer): \(try blob($0, at: commit).hex) \($0)" }.joined(separator: "\n"))
    }

    func history(head: ObjectID, mirrorTip: ObjectID, paths: [String]) throws -> ChangeHistory {
        try ChangeHistory(repository: repository, head: head, mirrorTip: mirrorTip, paths: paths)
    }
}

@Suite struct ChangeHistoryTests {
    @Test func anEditRightOnTopOfTheMirrorHasItsAuthor() throws {
        let git = try History()
        let mirror = try git.commit("servicenow@x", ["s/x.html": "a", "s/y.html": "a"], parents: [])
        let edit = try git.commit("alice@example.org", ["s/x.html": "b"], parents: [mirror])
        let history = try git.history(head: edit, mirrorTip: mirror, paths: ["s/x.html"])
        #expect(history.authors["s/x.html"] == ["alice@example.org"])
        #expect(history.names["alice@example.org"] == "Alice")
    }

    @Test func aNarrowedPushHidesThePushedStatementsPastButNotTheOthers() throws {
        let git = try History()
        let mirror = try git.commit("servicenow@x", ["s/x.html": "a", "s/y.html": "a"], parents: [])
        let edit = try git.commit("alice@example.org", ["s/x.html": "b", "s/y.html": "b"], parents: [mirror])
        let approved = try git.commit("bob@example.org", parents: [edit], message: try git.approval(of: ["s/x.html", "s/y.html"], at: edit))
        // Push of x only: the mirror takes x's new text; the sync commit merges it.
        let pushed = try git.commit("servicenow@x", ["s/x.html": "b"], parents: [mirror])
        let sync = try git.commit("alice@example.org", parents: [approved, pushed], message: "Push\n\nGrcsync-Sync: push")
        let later = try git.commit("carol@example.org", ["s/x.html": "c"], parents: [sync])

        let history = try git.history(head: later, mirrorTip: pushed, paths: ["s/x.html", "s/y.html"])
        #expect(history.authors["s/x.html"] == ["carol@example.org"])
        #expect(history.authors["s/y.html"] == ["alice@example.org"])
        #expect(history.approvalWindow["s/y.html"]?.contains(approved.hex) == true)
        #expect(history.approvalWindow["s/x.html"]?.contains(approved.hex) == false)
        #expect(history.approvalCommits.map(\.id) == [approved])
    }

    @Test func contentNoMergedSideHadIsTheMergers() throws {
        let git = try History()
        let mirror = try git.commit("servicenow@x", ["s/x.html": "a", "s/y.html": "a"], parents: [])
        let left = try git.commit("alice@example.org", ["s/x.html": "left"], parents: [mirror])
        let right = try git.commit("carol@example.org", ["s/y.html": "right"], parents: [mirror])
        let merge = try git.commit("bob@example.org", ["s/x.html": "left", "s/y.html": "resolved by bob"], parents: [left, right])
        let history = try git.history(head: merge, mirrorTip: mirror, paths: ["s/x.html", "s/y.html"])
        #expect(history.authors["s/x.html"] == ["alice@example.org"])
        #expect(history.authors["s/y.html"] == ["carol@example.org", "bob@example.org"])
    }

    @Test func anApprovalCommitThatEditsMakesItsApproverAnAuthor() throws {
        let git = try History()
        let mirror = try git.commit("servicenow@x", ["s/x.html": "a"], parents: [])
        let edit = try git.commit("alice@example.org", ["s/x.html": "b"], parents: [mirror])
        var sneaky = try git.commit("bob@example.org", ["s/x.html": "bob's"], parents: [edit])
        sneaky = try git.commit("bob@example.org", parents: [sneaky], message: try git.approval(of: ["s/x.html"], at: sneaky))
        let history = try git.history(head: sneaky, mirrorTip: mirror, paths: ["s/x.html"])
        #expect(history.authors["s/x.html"] == ["alice@example.org", "bob@example.org"])
    }

    @Test func thePolicyCountsEachApproverOnceAndNamesWhy() throws {
        let git = try History()
        let mirror = try git.commit("servicenow@x", ["s/x.html": "a"], parents: [])
        let edit = try git.commit("alice@example.org", ["s/x.html": "b"], parents: [mirror])
        let own = try git.commit("alice@example.org", parents: [edit], message: try git.approval(of: ["s/x.html"], at: edit))
        let first = try git.commit("bob@example.org", parents: [own], message: try git.approval(of: ["s/x.html"], at: edit))
        let again = try git.commit("bob@example.org", parents: [first], message: try git.approval(of: ["s/x.html"], at: edit))
        let history = try git.history(head: again, mirrorTip: mirror, paths: ["s/x.html"])
        let policy = ApprovalPolicy(settings: ApprovalSettings(required: 2), allowedSigners: nil, repository: git.repository)
        let verdict = policy.verdict(
            path: "s/x.html", blob: try git.blob("s/x.html", at: edit), approvals: try policy.approvals(in: history), history: history)
        #expect(verdict.validCount == 1)
        #expect(!verdict.isSatisfied)
        #expect(verdict.entries.map(\.reason) == [
            nil, "bob@example.org already approved it",
            "alice@example.org is an author of the change (approvals.allow_self_approval is false)",
        ])
        #expect(ApprovalError(verdicts: [verdict]).description.contains("s/x.html: 1 of 2 valid approval(s)"))
    }
}
