import Foundation
import GitKit
import Testing

@Suite struct MergeTests {
    /// A repository whose `main` is at a base commit and whose mirror ref has a second commit on top of the base.
    private func repositoryWithMirror(
        base: [String: String], mirror: [String: String], mirrorRemoving: [String] = []
    ) throws -> (TestRepository, base: ObjectID, mirror: ObjectID) {
        let test = try TestRepository()
        let baseCommit = try test.commitWithCLI(base, message: "base")
        var tree = try test.repository.commit(baseCommit).tree
        var updates: [TreeUpdate] = try mirror.map { .upsert(path: $0.key, blob: try test.repository.writeBlob(Data($0.value.utf8))) }
        updates += mirrorRemoving.map { .remove(path: $0) }
        tree = try test.repository.updateTree(tree, updates)
        let mirrorCommit = try test.repository.createCommit(
            tree: tree, parents: [baseCommit], message: "Pull from ServiceNow",
            updatingReference: "refs/remotes/servicenow/main")
        return (test, baseCommit, mirrorCommit)
    }

    private func merge(_ test: TestRepository, _ commit: ObjectID) throws -> MergeOutcome {
        try test.repository.merge(commit, message: "Merge ServiceNow into main", ourLabel: "HEAD", theirLabel: "ServiceNow")
    }

    @Test func fastForwardUpdatesFilesAndBranch() throws {
        let (test, base, mirror) = try repositoryWithMirror(
            base: ["a.html": "a\n", "b.html": "b\n", "old.html": "o\n"], mirror: ["a.html": "A\n", "n/new.html": "N\n"],
            mirrorRemoving: ["old.html"])
        try test.write("b.html", "local edit elsewhere\n")
        try test.write("notes.txt", "untracked elsewhere\n")
        #expect(try merge(test, mirror) == .fastForward(to: mirror))
        #expect(try test.oid("main") == mirror)
        #expect(try test.read("a.html") == "A\n")
        #expect(try test.read("n/new.html") == "N\n")
        #expect(!FileManager.default.fileExists(atPath: test.url.appendingPathComponent("old.html").path))
        #expect(try test.read("b.html") == "local edit elsewhere\n")
        #expect(try test.gitLine("status", "--porcelain") == " M b.html\n?? notes.txt")
        #expect(try test.gitLine("reflog", "-1", "--format=%gs", "main") == "merge ServiceNow: Fast-forward")
        #expect(try merge(test, base) == .upToDate)
        #expect(try merge(test, mirror) == .upToDate)
        #expect(try test.fsck() == "")
    }

    @Test func unbornBranchTakesTheCommit() throws {
        let test = try TestRepository()
        let tree = try test.tree(["statements/a.html": "a\n", "statements/b.html": "b\n"])
        let mirror = try test.repository.createCommit(
            tree: tree, parents: [], message: "First pull", updatingReference: "refs/remotes/servicenow/main")
        try test.write("statements/b.html", "untracked and in the way\n")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["statements/b.html"])) { try merge(test, mirror) }
        #expect(try test.repository.head() == .branch(name: "main", target: nil))
        #expect(try test.gitLine("status", "--porcelain", "-uall") == "?? statements/b.html")
        try test.delete("statements/b.html")
        try test.write("README.md", "mine\n")
        #expect(try merge(test, mirror) == .fastForward(to: mirror))
        #expect(try test.repository.head() == .branch(name: "main", target: mirror))
        #expect(try test.read("statements/b.html") == "b\n")
        #expect(try test.gitLine("status", "--porcelain") == "?? README.md")
        #expect(try test.fsck() == "")
    }

    @Test func cleanThreeWayMergeCommitsWithTwoParents() throws {
        let paragraphs = (1...6).map { "<p>\($0)</p>\n\n" }
        let (test, _, mirror) = try repositoryWithMirror(
            base: ["s.html": paragraphs.joined(), "other.html": "o\n", "edited-locally.html": "e\n"],
            mirror: ["s.html": paragraphs.enumerated().map { $0.offset == 4 ? "<p>5 remote</p>\n\n" : $0.element }.joined()])
        let local = try test.commitWithCLI(
            ["s.html": paragraphs.enumerated().map { $0.offset == 0 ? "<p>1 local</p>\n\n" : $0.element }.joined(), "mine.html": "m\n"],
            message: "local edit")
        try test.write("edited-locally.html", "uncommitted\n")
        let outcome = try merge(test, mirror)
        guard case .merged(let commit) = outcome else {
            Issue.record("expected a merge commit, got \(outcome)")
            return
        }
        #expect(try test.oid("HEAD") == commit)
        #expect(try test.repository.commit(commit).parents == [local, mirror])
        #expect(try test.gitLine("log", "-1", "--format=%P|%s|%an", "HEAD") == "\(local.hex) \(mirror.hex)|Merge ServiceNow into main|\(TestRepository.name)")
        let merged = try test.read("s.html")
        #expect(merged.contains("<p>1 local</p>") && merged.contains("<p>5 remote</p>"))
        #expect(try test.gitLine("status", "--porcelain") == " M edited-locally.html")
        #expect(try test.read("edited-locally.html") == "uncommitted\n")
        #expect(try test.repository.state == .clean)
        #expect(try test.fsck() == "")
    }

    /// A merge that changes few of many files checks out only those: the work tree must still end up
    /// exactly the merged tree, additions, edits and removals included.
    @Test func cleanThreeWayMergeOfFewOfManyFiles() throws {
        var base: [String: String] = [:]
        for number in 1...40 { base["sys/\(number).html"] = "<p>\(number)</p>\n" }
        let (test, _, mirror) = try repositoryWithMirror(
            base: base, mirror: ["sys/1.html": "<p>1 remote</p>\n", "new/added.html": "<p>new</p>\n"], mirrorRemoving: ["sys/2.html"])
        let local = try test.commitWithCLI(["sys/40.html": "<p>40 local</p>\n"], message: "local edit")
        try test.write("sys/39.html", "uncommitted\n")
        guard case .merged(let commit) = try merge(test, mirror) else {
            Issue.record("expected a merge commit")
            return
        }
        #expect(try test.repository.commit(commit).parents == [local, mirror])
        #expect(try test.read("sys/1.html") == "<p>1 remote</p>\n")
        #expect(try test.read("new/added.html") == "<p>new</p>\n")
        #expect(!FileManager.default.fileExists(atPath: test.root.appendingPathComponent("sys/2.html").path))
        #expect(try test.read("sys/40.html") == "<p>40 local</p>\n")
        // The index is the merged tree and the work tree differs from it only by the uncommitted edit.
        #expect(try test.gitLine("status", "--porcelain") == " M sys/39.html")
        #expect(try test.gitLine("diff", "--cached", "--name-only", "HEAD") == "")
        #expect(try test.fsck() == "")
    }

    @Test func conflictsLeaveAGitMergeStateThatTheCLIFinishes() throws {
        let (test, _, mirror) = try repositoryWithMirror(
            base: ["s.html": "<p>one</p>\n", "t.html": "t\n"], mirror: ["s.html": "<p>remote</p>\n", "t.html": "T\n"])
        let local = try test.commitWithCLI(["s.html": "<p>local</p>\n"], message: "local")
        try test.write("untouched-local.txt", "keep me\n")
        #expect(try merge(test, mirror) == .conflicts(paths: ["s.html"]))
        #expect(try test.repository.state == .merge)
        #expect(try test.repository.conflictedPaths() == ["s.html"])
        #expect(try test.read("s.html") == "<<<<<<< HEAD\n<p>local</p>\n=======\n<p>remote</p>\n>>>>>>> ServiceNow\n")
        #expect(try test.read("t.html") == "T\n")
        #expect(try test.oid("MERGE_HEAD") == mirror)
        #expect(try test.gitLine("status", "--porcelain") == "UU s.html\nM  t.html\n?? untouched-local.txt")
        #expect(try test.repository.status().first { $0.path == "s.html" }?.isConflicted == true)
        #expect(throws: GitKitError.operationInProgress(.merge)) { try merge(test, mirror) }
        #expect(throws: GitKitError.unresolvedConflicts(paths: ["s.html"])) { try test.repository.writeIndexTree() }

        try test.write("s.html", "<p>resolved</p>\n")
        try test.git("add", "s.html")
        try test.git("commit", "-q", "--no-edit")
        #expect(try test.gitLine("log", "-1", "--format=%P|%B", "HEAD") == "\(local.hex) \(mirror.hex)|Merge ServiceNow into main")
        #expect(try test.repository.state == .clean)
        #expect(try test.read("untouched-local.txt") == "keep me\n")
        #expect(try test.fsck() == "")
    }

    @Test func conflictsResolvedThroughGitKit() throws {
        let (test, _, mirror) = try repositoryWithMirror(base: ["s.html": "1\n"], mirror: ["s.html": "remote\n"])
        let local = try test.commitWithCLI(["s.html": "local\n"], message: "local")
        #expect(try merge(test, mirror) == .conflicts(paths: ["s.html"]))
        try test.write("s.html", "both\n")
        try test.repository.stage(paths: ["s.html"])
        #expect(try test.repository.conflictedPaths() == [])
        let tree = try test.repository.writeIndexTree()
        let commit = try test.repository.createCommit(
            tree: tree, parents: [local, mirror], message: "Merge ServiceNow into main", updatingReference: "HEAD")
        try test.repository.cleanupState()
        #expect(try test.oid("HEAD") == commit)
        #expect(try test.gitLine("status", "--porcelain") == "")
        #expect(try test.repository.state == .clean)
    }

    @Test func refusesWhenLocalChangesWouldBeOverwritten() throws {
        let (test, base, mirror) = try repositoryWithMirror(
            base: ["a.html": "a\n", "b.html": "b\n", "c.html": "c\n"], mirror: ["a.html": "A\n", "b.html": "B\n", "d.html": "D\n"])
        // Fast-forward case: unstaged edit on a path the mirror changes.
        try test.write("a.html", "unstaged\n")
        try test.write("c.html", "edit elsewhere\n")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["a.html"])) { try merge(test, mirror) }
        #expect(try test.oid("HEAD") == base)
        #expect(try test.read("a.html") == "unstaged\n")
        #expect(try test.read("b.html") == "b\n")
        #expect(try test.read("c.html") == "edit elsewhere\n")
        // Staged edit and untracked file in the way.
        try test.git("checkout", "--", "a.html")
        try test.write("b.html", "staged\n")
        try test.git("add", "b.html")
        try test.write("d.html", "untracked\n")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["b.html", "d.html"])) { try merge(test, mirror) }
        #expect(try test.gitLine("status", "--porcelain") == "M  b.html\n M c.html\n?? d.html")

        // Three-way case.
        try test.git("reset", "-q", "--hard")
        try test.delete("d.html")
        let local = try test.commitWithCLI(["e.html": "e\n"], message: "local")
        try test.write("a.html", "unstaged again\n")
        let before = try test.gitLine("status", "--porcelain")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["a.html"])) { try merge(test, mirror) }
        #expect(try test.oid("HEAD") == local)
        #expect(try test.repository.state == .clean)
        #expect(try test.gitLine("status", "--porcelain") == before)
        #expect(try test.read("a.html") == "unstaged again\n")
    }

    @Test func refusesWhenAFileStandsWhereTheMergeNeedsADirectory() throws {
        let (test, base, mirror) = try repositoryWithMirror(
            base: ["a.html": "a\n", "sys/b.html": "b\n"], mirror: ["new/deep/c.html": "C\n", "sys/b.html": "B\n"])
        // An untracked file named like a directory the mirror adds, and unrelated local changes elsewhere.
        try test.write("new", "untracked file in the way\n")
        try test.write("sys/untracked.html", "beside a changed file: not in the way\n")
        try test.write("a.html", "edit elsewhere\n")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["new"])) { try merge(test, mirror) }
        #expect(try test.oid("HEAD") == base)
        #expect(try test.read("new") == "untracked file in the way\n")
        // A staged file there, deleted from disk, is in the way too.
        try test.git("add", "new")
        try test.delete("new")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["new"])) { try merge(test, mirror) }
        // Out of the way, the merge goes through and leaves the other local changes alone.
        try test.git("rm", "-q", "--cached", "new")
        #expect(try merge(test, mirror) == .fastForward(to: mirror))
        #expect(try test.read("new/deep/c.html") == "C\n")
        #expect(try test.read("sys/untracked.html") == "beside a changed file: not in the way\n")
        #expect(try test.read("a.html") == "edit elsewhere\n")
    }

    /// The check before a fast-forward looks at the whole work tree when the mirror changes at least a
    /// quarter of the files, and only at the paths it changes otherwise: both find the same obstacles.
    @Test(arguments: [0, 40])
    func theSameLocalChangesStopAFastForwardWhateverShareOfTheTreeItChanges(untouchedFiles: Int) throws {
        var base = ["a.html": "a\n", "sys/b.html": "b\n", "c.html": "c\n"]
        for index in 0..<untouchedFiles { base["other/\(index).html"] = "\(index)\n" }
        let (test, baseCommit, mirror) = try repositoryWithMirror(
            base: base, mirror: ["a.html": "A\n", "sys/b.html": "B\n", "new/deep/d.html": "D\n"])
        // Not in the way: edits to untouched files, untracked files beside touched ones or elsewhere.
        try test.write("c.html", "edit elsewhere\n")
        try test.write("sys/untracked.html", "beside a changed file\n")
        try test.write("notes/n.txt", "untracked elsewhere\n")
        if untouchedFiles > 0 { try test.write("other/0.html", "edited\n") }
        // In the way: an unstaged edit, a staged one, an untracked file where a file comes, and (below) a
        // file where a folder comes.
        try test.write("a.html", "unstaged\n")
        try test.write("sys/b.html", "staged\n")
        try test.git("add", "sys/b.html")
        try test.write("new/deep/d.html", "untracked in the way\n")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["a.html", "new/deep/d.html", "sys/b.html"])) {
            try merge(test, mirror)
        }
        try test.git("checkout", "HEAD", "--", "a.html", "sys/b.html")
        try test.delete("new")
        try test.write("new", "a file where a folder comes\n")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["new"])) { try merge(test, mirror) }
        #expect(try test.oid("HEAD") == baseCommit)
        try test.delete("new")
        #expect(try merge(test, mirror) == .fastForward(to: mirror))
        #expect(try test.read("c.html") == "edit elsewhere\n")
        #expect(try test.read("sys/untracked.html") == "beside a changed file\n")
        #expect(try test.read("new/deep/d.html") == "D\n")
    }

    @Test func refusesToMergeWithoutIdentityBeforeChangingAnything() throws {
        let (test, _, mirror) = try repositoryWithMirror(base: ["a": "1\n", "b": "1\n"], mirror: ["a": "2\n"])
        try test.commitWithCLI(["b": "2\n"], message: "local")
        try test.git("config", "--unset", "user.name")
        try test.git("config", "--unset", "user.email")
        #expect(throws: GitKitError.missingIdentity) { try merge(test, mirror) }
        #expect(try test.read("a") == "1\n")
        #expect(try test.repository.state == .clean)
    }
}
