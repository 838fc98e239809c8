import Foundation
import GitKit
import Testing

@Suite struct CommitsAndReferencesTests {
    @Test func createCommitWritesWhatGitReads() throws {
        let test = try TestRepository()
        let tree = try test.tree(["a.txt": "a\n"])
        let author = Signature(name: "Ada", email: "ada@example.com", date: Date(timeIntervalSince1970: 1_700_000_000), timeZoneOffsetMinutes: 120)
        let committer = Signature(name: "grcsync", email: "grcsync@example.com", date: Date(timeIntervalSince1970: 1_700_000_100), timeZoneOffsetMinutes: -300)
        let message = "Pull from ServiceNow\n\nGrcsync-Instance: dev\nGrcsync-Operation: pull"
        let id = try test.repository.createCommit(
            tree: tree, parents: [], message: message, author: author, committer: committer,
            updatingReference: "refs/remotes/servicenow/main")
        #expect(try test.gitLine("log", "-1", "--format=%an <%ae> %at %ai|%cn <%ce> %ct %ci|%T", id.hex)
            == "Ada <ada@example.com> 1700000000 2023-11-15 00:13:20 +0200|grcsync <grcsync@example.com> 1700000100 2023-11-14 17:15:00 -0500|\(tree.hex)")
        let trailers = try GitCLI.run(["interpret-trailers", "--parse"], in: test.url, home: test.home, input: Data(message.utf8))
        #expect(trailers == "Grcsync-Instance: dev\nGrcsync-Operation: pull\n")
        let info = try test.repository.commit(id)
        #expect(info.id == id && info.tree == tree && info.parents == [])
        #expect(info.message == message + "\n")
        #expect(info.summary == "Pull from ServiceNow")
        #expect(info.author == author && info.committer == committer)
        #expect(try test.repository.reference("refs/remotes/servicenow/main") == id)
        #expect(try test.gitLine("reflog", "show", "--format=%gs", "refs/remotes/servicenow/main") == "Pull from ServiceNow")
        #expect(try test.fsck() == "")
    }

    @Test func createCommitOnHeadMovesTheBranchByCompareAndSwap() throws {
        let test = try TestRepository()
        let first = try test.repository.createCommit(tree: test.tree(["a": "1"]), parents: [], message: "one", updatingReference: "HEAD")
        #expect(try test.repository.head() == .branch(name: "main", target: first))
        let second = try test.repository.createCommit(tree: test.tree(["a": "2"]), parents: [first], message: "two", updatingReference: "HEAD")
        #expect(try test.oid("refs/heads/main") == second)
        #expect(try test.gitLine("reflog", "--format=%gs", "HEAD") == "two\none")
        #expect(try test.repository.commit(second).author.name == TestRepository.name)
        // Stale parent: the branch has moved on, the commit must not silently replace it.
        #expect(throws: GitKitError.referenceChanged(name: "refs/heads/main", expected: first, actual: second)) {
            try test.repository.createCommit(tree: test.tree(["a": "3"]), parents: [first], message: "stale", updatingReference: "HEAD")
        }
        #expect(try test.oid("HEAD") == second)
        #expect(try test.fsck() == "")
    }

    @Test func missingIdentityIsReported() throws {
        let test = try TestRepository(identity: false)
        #expect(throws: GitKitError.missingIdentity) { try test.repository.defaultSignature() }
        #expect(throws: GitKitError.missingIdentity) {
            try test.repository.createCommit(tree: test.repository.emptyTree(), parents: [], message: "x")
        }
        #expect(GitKitError.missingIdentity.description.contains("user.email"))
    }

    @Test func referencesAreCompareAndSwapped() throws {
        let test = try TestRepository()
        let one = try test.commitWithCLI(["a": "1"], message: "one")
        let two = try test.commitWithCLI(["a": "2"], message: "two")
        let name = "refs/remotes/servicenow/main"
        #expect(try test.repository.reference(name) == nil)
        try test.repository.setReference(name, to: one, expectedCurrent: nil, logMessage: "pull: first")
        #expect(throws: GitKitError.referenceChanged(name: name, expected: nil, actual: one)) {
            try test.repository.setReference(name, to: two, expectedCurrent: nil, logMessage: "again")
        }
        #expect(throws: GitKitError.referenceChanged(name: name, expected: two, actual: one)) {
            try test.repository.setReference(name, to: two, expectedCurrent: two, logMessage: "wrong")
        }
        try test.repository.setReference(name, to: two, expectedCurrent: one, logMessage: "pull: second")
        #expect(try test.oid(name) == two)
        #expect(try test.gitLine("reflog", "show", "--format=%gs", name) == "pull: second\npull: first")
        try test.repository.deleteReference(name)
        try test.repository.deleteReference(name)
        #expect(try test.repository.reference(name) == nil)
        #expect(try test.gitLine("show-ref").contains(name) == false)
        // Annotated tags peel to their commit.
        try test.git("tag", "-a", "-m", "tag", "v1", one.hex)
        #expect(try test.repository.reference("refs/tags/v1") == one)
    }

    @Test func headStates() throws {
        let test = try TestRepository(branch: "trunk")
        #expect(try test.repository.head() == .branch(name: "trunk", target: nil))
        #expect(try test.repository.reference("HEAD") == nil)
        let one = try test.commitWithCLI(["a": "1"], message: "one")
        #expect(try test.repository.head() == .branch(name: "trunk", target: one))
        try test.git("checkout", "-q", "--detach")
        #expect(try test.repository.head() == .detached(one))
    }

    @Test func historyWalksMergeBasesAndAncestry() throws {
        let test = try TestRepository()
        let base = try test.commitWithCLI(["a": "1"], message: "base")
        try test.git("checkout", "-q", "-b", "side")
        let side = try test.commitWithCLI(["b": "1"], message: "side")
        try test.git("checkout", "-q", "main")
        let main = try test.commitWithCLI(["c": "1"], message: "main")
        try test.git("merge", "-q", "--no-edit", "side")
        let merge = try test.oid("HEAD")
        let all = try test.repository.commits(from: merge).map(\.id)
        #expect(Set(all) == [base, side, main, merge] && all.count == 4)
        #expect(all.first == merge && all.last == base)
        #expect(try test.repository.commits(from: merge, firstParentOnly: true).map(\.id) == [merge, main, base])
        #expect(try test.repository.commits(from: merge, hiding: [main]).map(\.id) == [merge, side])
        #expect(try test.repository.mergeBase(side, main) == base)
        #expect(try test.repository.isAncestor(base, of: merge))
        #expect(try test.repository.isAncestor(merge, of: merge))
        #expect(try !test.repository.isAncestor(side, of: main))
        let orphan = try test.repository.createCommit(tree: test.repository.emptyTree(), parents: [], message: "orphan")
        #expect(try test.repository.mergeBase(orphan, main) == nil)
    }

    @Test func openAndDiscover() throws {
        let test = try TestRepository()
        try test.write("deep/dir/file", "x")
        let nested = test.url.appendingPathComponent("deep/dir")
        #expect(throws: GitKitError.notARepository(nested)) { try Repository.open(at: nested) }
        let found = try Repository.discover(from: nested)
        #expect(found.workDirectory?.standardizedFileURL.path == test.url.standardizedFileURL.path)
        #expect(found.gitDirectory.standardizedFileURL.path == test.url.appendingPathComponent(".git").standardizedFileURL.path)
        let opened = try Repository.open(at: test.url.appendingPathComponent(".git"))
        #expect(opened.workDirectory?.standardizedFileURL.path == test.url.standardizedFileURL.path)
        let outside = test.home
        #expect(throws: GitKitError.notARepository(outside)) { try Repository.discover(from: outside) }
    }
}
