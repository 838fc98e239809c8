import Foundation
import GitKit
import Testing

@Suite struct DiffAndStatusTests {
    @Test func treeChangesWithAndWithoutRenames() throws {
        let test = try TestRepository()
        let long = String(repeating: "paragraph of a statement\n", count: 20)
        let old = try test.tree(["keep": "k\n", "edit": "1\n", "gone": "g\n", "move/from.html": long])
        let new = try test.tree(["keep": "k\n", "edit": "2\n", "new": "n\n", "move/to.html": long + "x\n"])
        let blob = { (text: String) in try? test.repository.hashBlob(Data(text.utf8)) }
        #expect(try test.repository.changes(from: old, to: new) == [
            FileChange(path: "edit", kind: .modified, oldBlob: blob("1\n"), newBlob: blob("2\n")),
            FileChange(path: "gone", kind: .deleted, oldBlob: blob("g\n"), newBlob: nil),
            FileChange(path: "move/from.html", kind: .deleted, oldBlob: blob(long), newBlob: nil),
            FileChange(path: "move/to.html", kind: .added, oldBlob: nil, newBlob: blob(long + "x\n")),
            FileChange(path: "new", kind: .added, oldBlob: nil, newBlob: blob("n\n")),
        ])
        let renamed = try test.repository.changes(from: old, to: new, detectRenames: true)
        #expect(renamed.contains(FileChange(
            path: "move/to.html", oldPath: "move/from.html", kind: .renamed, oldBlob: blob(long), newBlob: blob(long + "x\n"))))
        #expect(renamed.count == 4)
        #expect(try test.repository.changes(from: nil, to: old).allSatisfy { $0.kind == .added })
        #expect(try test.repository.changes(from: old, to: nil).count == 4)
    }

    @Test func workTreeAndIndexChanges() throws {
        let test = try TestRepository()
        let head = try test.commitWithCLI(["a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n", "d/e.txt": "e\n"], message: "base")
        let tree = try test.repository.commit(head).tree
        try test.write("a.txt", "a changed, not staged\n")
        try test.write("b.txt", "b staged\n")
        try test.git("add", "b.txt")
        try test.delete("c.txt")
        try test.write("untracked/dir/u.txt", "u\n")
        let hash = { (text: String) in try? test.repository.hashBlob(Data(text.utf8)) }

        let workTree = try test.repository.changesInWorkTree(against: tree)
        #expect(workTree == [
            FileChange(path: "a.txt", kind: .modified, oldBlob: hash("a\n"), newBlob: hash("a changed, not staged\n")),
            FileChange(path: "b.txt", kind: .modified, oldBlob: hash("b\n"), newBlob: hash("b staged\n")),
            FileChange(path: "c.txt", kind: .deleted, oldBlob: hash("c\n"), newBlob: nil),
            FileChange(path: "untracked/dir/u.txt", kind: .added, oldBlob: nil, newBlob: hash("u\n")),
        ])
        // The same paths as git's own view.
        let gitPaths = try test.gitLine("diff", "--name-only", head.hex).split(separator: "\n").map(String.init)
            + test.gitLine("ls-files", "--others", "--exclude-standard").split(separator: "\n").map(String.init)
        #expect(workTree.map(\.path) == gitPaths.sorted())
        #expect(try test.repository.changesInWorkTree(against: tree, includeUntracked: false).count == 3)
        #expect(try test.repository.changesInIndex(against: tree) == [
            FileChange(path: "b.txt", kind: .modified, oldBlob: hash("b\n"), newBlob: hash("b staged\n")),
        ])
        #expect(try test.repository.changesInIndex(against: nil).count == 4)
    }

    @Test func renamesInTheWorkTree() throws {
        let test = try TestRepository()
        let long = String(repeating: "a line of text that is long enough\n", count: 10)
        let head = try test.commitWithCLI(["old.html": long], message: "base")
        try test.git("mv", "old.html", "new.html")
        let changes = try test.repository.changesInWorkTree(against: test.repository.commit(head).tree, detectRenames: true)
        #expect(changes.map(\.kind) == [.renamed])
        #expect(changes.first?.oldPath == "old.html" && changes.first?.path == "new.html")
    }

    @Test func statusMatchesGitStatus() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n", "m.txt": "m\n"], message: "base")
        try test.write("a.txt", "a2\n")
        try test.write("b.txt", "b2\n")
        try test.git("add", "b.txt")
        try test.write("b.txt", "b3\n")
        try test.git("rm", "-q", "c.txt")
        try test.write("new/file.txt", "n\n")
        try test.write("staged.txt", "s\n")
        try test.git("add", "staged.txt")
        let status = try test.repository.status()
        #expect(status == [
            StatusEntry(path: "a.txt", index: nil, workTree: .modified, isConflicted: false),
            StatusEntry(path: "b.txt", index: .modified, workTree: .modified, isConflicted: false),
            StatusEntry(path: "c.txt", index: .deleted, workTree: nil, isConflicted: false),
            StatusEntry(path: "new/file.txt", index: nil, workTree: .added, isConflicted: false),
            StatusEntry(path: "staged.txt", index: .added, workTree: nil, isConflicted: false),
        ])
        let porcelain = try test.gitLine("status", "--porcelain", "-uall").split(separator: "\n").map { String($0.dropFirst(3)) }
        #expect(status.map(\.path) == porcelain.sorted())
        #expect(try test.repository.status(includeUntracked: false).map(\.path) == ["a.txt", "b.txt", "c.txt", "staged.txt"])
    }

    @Test func statusOfPathsSeesOnlyThemAndWhatIsUnder() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n", "d/e.txt": "e\n", "d/f.txt": "f\n"], message: "base")
        try test.write("a.txt", "a2\n")
        try test.write("b.txt", "b2\n")
        try test.git("add", "b.txt")
        try test.git("rm", "-q", "c.txt")
        try test.write("d/f.txt", "f2\n")
        try test.write("d/new/u.txt", "u\n")
        try test.write("ab.txt", "untracked sibling\n")
        let full = try test.repository.status()
        // Literal paths: "a.txt" is not a pattern for "ab.txt"; a directory means everything under it.
        let some = try test.repository.status(of: ["a.txt", "c.txt", "d", "missing.txt", "b*"])
        #expect(some.map(\.path) == ["a.txt", "c.txt", "d/f.txt", "d/new/u.txt"])
        #expect(some == full.filter { ["a.txt", "c.txt", "d/f.txt", "d/new/u.txt"].contains($0.path) })
        #expect(try test.repository.status(of: ["b.txt"]) == full.filter { $0.path == "b.txt" })
        #expect(try test.repository.status(of: ["d/new"], includeUntracked: false).isEmpty)
        #expect(try test.repository.status(of: []).isEmpty)
    }

    @Test func unifiedDiffMatchesGitDiffNoIndex() throws {
        let test = try TestRepository()
        let old = (1...30).map { "<p>paragraph \($0)</p>\n\n" }.joined()
        var lines = old.components(separatedBy: "\n")
        lines[4] = "<p>paragraph 3, edited</p>"
        lines[40] = "<p>paragraph 21, edited</p>"
        lines.insert("<p>inserted</p>", at: 50)
        let new = lines.joined(separator: "\n")
        try test.write("a/AC-2.html", old)
        try test.write("b/AC-2.html", new)
        let git = try GitCLI.run(
            ["diff", "--no-index", "--no-color", "a/AC-2.html", "b/AC-2.html"], in: test.url, home: test.home, allowFailure: true)
        let ours = try test.repository.unifiedDiff(oldPath: "AC-2.html", old: Data(old.utf8), newPath: "AC-2.html", new: Data(new.utf8))
        #expect(ours.hasPrefix("diff --git a/AC-2.html b/AC-2.html\n"))
        #expect(ours.contains("\n--- a/AC-2.html\n+++ b/AC-2.html\n"))
        #expect(hunks(ours) == hunks(git))
        #expect(hunks(ours).filter { $0.hasPrefix("@@") }.count == 3)

        let oneLine = try test.repository.unifiedDiff(oldPath: "x", old: Data(old.utf8), newPath: "x", new: Data(new.utf8), contextLines: 0)
        #expect(hunks(oneLine).filter { !$0.hasPrefix("@@") }.count == 5)
        #expect(try test.repository.unifiedDiff(oldPath: "x", old: Data(old.utf8), newPath: "x", new: Data(old.utf8)) == "")

        let added = try test.repository.unifiedDiff(oldPath: "n.html", old: nil, newPath: "n.html", new: Data("<p>new</p>\n".utf8))
        #expect(added.contains("new file mode 100644"))
        #expect(added.contains("--- /dev/null\n+++ b/n.html\n@@ -0,0 +1 @@\n+<p>new</p>\n"))
        let deleted = try test.repository.unifiedDiff(oldPath: "n.html", old: Data("<p>old</p>\n".utf8), newPath: "n.html", new: nil)
        #expect(deleted.contains("--- a/n.html\n+++ /dev/null\n@@ -1 +0,0 @@\n-<p>old</p>\n"))
    }

    /// The hunks of a patch: from the first "@@" on.
    private func hunks(_ patch: String) -> [String] {
        let lines = patch.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("@@") }) else { return [] }
        return Array(lines[start...]).filter { !$0.isEmpty }
    }
}
