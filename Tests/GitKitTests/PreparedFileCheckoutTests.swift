import Foundation
import GitKit
import Testing

/// A checkout that moves a file the caller already wrote into place instead of libgit2 writing it from
/// its blob: what grcsync does with its 36 MB manifest. Checked with the git CLI: the index must say
/// exactly what git would have written, stat data included, or every later status would re-read the file.
@Suite struct PreparedFileCheckoutTests {
    private static let manifestPath = "meta/data/manifest.jsonl"

    /// A repository at a base commit, and a target tree that changes `a.txt`, adds `b/c.txt` and puts new
    /// content at `manifestPath` (whose directory the base does not have).
    private func fixture(attributes: String? = nil) throws -> (TestRepository, target: ObjectID, prepared: PreparedFile) {
        let test = try TestRepository()
        var base = ["a.txt": "a\n", "keep.txt": "k\n"]
        if let attributes { base[".gitattributes"] = attributes }
        try test.commitWithCLI(base, message: "base")
        let content = "{\"path\":\"one\"}\n{\"path\":\"two\"}\n"
        var files = base.merging(["a.txt": "A\n", "b/c.txt": "C\n"]) { $1 }
        files[Self.manifestPath] = content
        let target = try test.tree(files)
        let blob = try #require(try test.repository.blobID(at: Self.manifestPath, in: target))
        let file = test.url.appendingPathComponent(".git/manifest.next")
        try Data(content.utf8).write(to: file)
        return (test, target, PreparedFile(path: Self.manifestPath, blob: blob, file: file))
    }

    /// The index entry's stat fields as git prints them, against the file's own `lstat`.
    private func expectIndexStatMatchesFile(_ test: TestRepository, _ path: String) throws {
        let debug = try test.git("ls-files", "--debug", "--", path)
        var info = stat()
        #expect(lstat(test.url.appendingPathComponent(path).path, &info) == 0)
        #expect(debug.contains("ctime: \(info.st_ctim.tv_sec):\(info.st_ctim.tv_nsec)"), "\(debug)")
        #expect(debug.contains("mtime: \(info.st_mtim.tv_sec):\(info.st_mtim.tv_nsec)"), "\(debug)")
        #expect(debug.contains("dev: \(info.st_dev)\tino: \(info.st_ino)"), "\(debug)")
        #expect(debug.contains("uid: \(info.st_uid)\tgid: \(info.st_gid)"), "\(debug)")
        #expect(debug.contains("size: \(info.st_size)\t"), "\(debug)")
    }

    @Test func aWholeTreeCheckoutMovesThePreparedFileIntoPlace() throws {
        let (test, target, prepared) = try fixture()
        try test.repository.checkout(tree: target, prepared: prepared)
        #expect(!FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(try test.read(Self.manifestPath) == "{\"path\":\"one\"}\n{\"path\":\"two\"}\n")
        #expect(try test.read("a.txt") == "A\n")
        #expect(try test.read("b/c.txt") == "C\n")
        #expect(try test.gitLine("write-tree") == target.hex)
        #expect(try test.gitLine("diff-files", "--name-only") == "")
        try expectIndexStatMatchesFile(test, Self.manifestPath)
        #expect(try test.gitLine("ls-files", "-s", Self.manifestPath) == "100644 \(prepared.blob.hex) 0\t\(Self.manifestPath)")
    }

    @Test func aCheckoutOfSomePathsMovesItAndLeavesTheOthers() throws {
        let (test, target, prepared) = try fixture()
        try test.repository.checkout(tree: target, paths: ["a.txt", Self.manifestPath], prepared: prepared)
        #expect(!FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(try test.read("a.txt") == "A\n")
        #expect(!FileManager.default.fileExists(atPath: test.url.appendingPathComponent("b/c.txt").path))
        #expect(try test.gitLine("diff", "--cached", "--name-status") == "M\ta.txt\nA\t\(Self.manifestPath)")
        #expect(try test.gitLine("diff-files", "--name-only") == "")
        try expectIndexStatMatchesFile(test, Self.manifestPath)
    }

    @Test func aCheckoutOfThePreparedPathAloneOnlyMovesIt() throws {
        let (test, target, prepared) = try fixture()
        try test.repository.checkout(tree: target, paths: [Self.manifestPath], force: true, prepared: prepared)
        #expect(try test.read("a.txt") == "a\n")
        #expect(try test.gitLine("diff", "--cached", "--name-status") == "A\t\(Self.manifestPath)")
        #expect(try test.gitLine("status", "--porcelain") == "A  \(Self.manifestPath)")
        try expectIndexStatMatchesFile(test, Self.manifestPath)
    }

    @Test func aFileThatIsNotTheTreesBlobIsLeftAlone() throws {
        let (test, target, prepared) = try fixture()
        var other = prepared
        other.blob = try test.repository.writeBlob(Data("something else\n".utf8))
        try test.repository.checkout(tree: target, prepared: other)
        #expect(FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(try test.read(Self.manifestPath) == "{\"path\":\"one\"}\n{\"path\":\"two\"}\n")
        #expect(try test.gitLine("write-tree") == target.hex)
        // Not checked out at all: not moved either.
        let (second, secondTarget, secondPrepared) = try fixture()
        try second.repository.checkout(tree: secondTarget, paths: ["a.txt"], prepared: secondPrepared)
        #expect(FileManager.default.fileExists(atPath: secondPrepared.file.path))
        #expect(!FileManager.default.fileExists(atPath: second.url.appendingPathComponent(Self.manifestPath).path))
    }

    @Test func aSymbolicLinkWithTheSameBlobIsWrittenByLibgit2() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n"], message: "base")
        try FileManager.default.createDirectory(
            at: test.url.appendingPathComponent("meta/data"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: test.url.appendingPathComponent(Self.manifestPath).path, withDestinationPath: "../../a.txt")
        try test.git("add", "-A")
        try test.git("commit", "-qm", "link")
        let linked = try test.repository.commit(try test.oid("HEAD")).tree
        try test.git("rm", "-q", Self.manifestPath)
        try test.git("commit", "-qm", "unlink")
        let file = test.url.appendingPathComponent(".git/manifest.next")
        try Data("../../a.txt".utf8).write(to: file)
        let blob = try #require(try test.repository.blobID(at: Self.manifestPath, in: linked))
        try test.repository.checkout(tree: linked, prepared: PreparedFile(path: Self.manifestPath, blob: blob, file: file))
        #expect(FileManager.default.fileExists(atPath: file.path))
        let destination = try FileManager.default.destinationOfSymbolicLink(
            atPath: test.url.appendingPathComponent(Self.manifestPath).path)
        #expect(destination == "../../a.txt")
        #expect(try test.gitLine("diff-files", "--name-only") == "")
    }

    @Test func aPathWithAFilterIsWrittenByLibgit2() throws {
        let (test, target, prepared) = try fixture(attributes: "*.jsonl text eol=crlf\n")
        try test.repository.checkout(tree: target, prepared: prepared)
        #expect(FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(try test.read(Self.manifestPath) == "{\"path\":\"one\"}\r\n{\"path\":\"two\"}\r\n")
        #expect(try test.gitLine("diff-files", "--name-only") == "")
    }

    @Test func aFastForwardMergeMovesItAndLeavesACleanWorkTree() throws {
        let (test, target, prepared) = try fixture()
        let head = try test.oid("HEAD")
        let mirror = try test.repository.createCommit(
            tree: target, parents: [head], message: "mirror", updatingReference: "refs/remotes/servicenow/main")
        try test.write("notes.txt", "untracked elsewhere\n")
        let outcome = try test.repository.merge(
            mirror, message: "Merge", ourLabel: "HEAD", theirLabel: "ServiceNow", prepared: prepared)
        #expect(outcome == .fastForward(to: mirror))
        #expect(!FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(try test.gitLine("status", "--porcelain") == "?? notes.txt")
        #expect(try test.repository.status().map(\.path) == ["notes.txt"])
        try expectIndexStatMatchesFile(test, Self.manifestPath)
        #expect(try test.fsck() == "")
    }

    @Test func aPathThatReadsAsAPatternExcludesOnlyItself() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n"], message: "base")
        let path = "meta/m*[a]?.jsonl"
        let target = try test.tree(["a.txt": "a\n", path: "prepared\n", "meta/mine.jsonl": "M\n", "meta/ma?.jsonl": "Q\n"])
        let file = test.url.appendingPathComponent(".git/manifest.next")
        try Data("prepared\n".utf8).write(to: file)
        let prepared = PreparedFile(path: path, blob: try #require(try test.repository.blobID(at: path, in: target)), file: file)
        try test.repository.checkout(tree: target, prepared: prepared)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try test.read(path) == "prepared\n")
        #expect(try test.read("meta/mine.jsonl") == "M\n")
        #expect(try test.read("meta/ma?.jsonl") == "Q\n")
        #expect(try test.gitLine("write-tree") == target.hex)
        #expect(try test.gitLine("diff-files", "--name-only") == "")
    }

    /// Puts `target` on the mirror (on top of the base), changes `a.txt` on the branch too, and merges the
    /// mirror with `prepared`: `a.txt` conflicts, the rest merges cleanly.
    private func mergeConflictingOnATxt(_ test: TestRepository, _ target: ObjectID, _ prepared: PreparedFile) throws -> MergeOutcome {
        let mirror = try test.repository.createCommit(
            tree: target, parents: [try test.oid("HEAD")], message: "mirror", updatingReference: "refs/remotes/servicenow/main")
        try test.commitWithCLI(["a.txt": "ours\n"], message: "ours")
        return try test.repository.merge(mirror, message: "Merge", ourLabel: "HEAD", theirLabel: "ServiceNow", prepared: prepared)
    }

    /// A merge that conflicts elsewhere but takes the prepared file's blob as it is: `git_merge` writes
    /// everything else (markers included) and the file is moved into place, staged, with its stat data.
    @Test func aConflictingMergeMovesItIntoPlaceAndKeepsTheConflicts() throws {
        let (test, target, prepared) = try fixture()
        let outcome = try mergeConflictingOnATxt(test, target, prepared)
        #expect(outcome == .conflicts(paths: ["a.txt"]))
        #expect(!FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(try test.read(Self.manifestPath) == "{\"path\":\"one\"}\n{\"path\":\"two\"}\n")
        #expect(try test.read("a.txt").contains("<<<<<<< HEAD"))
        let porcelain = try test.gitLine("status", "--porcelain")
        #expect(porcelain == "UU a.txt\nA  b/c.txt\nA  \(Self.manifestPath)", "\(porcelain)")
        #expect(try test.gitLine("ls-files", "-s", Self.manifestPath) == "100644 \(prepared.blob.hex) 0\t\(Self.manifestPath)")
        // The conflicted file is listed once per stage; the manifest is not listed.
        let unstaged = Set(try test.gitLine("diff-files", "--name-only").split(separator: "\n"))
        #expect(unstaged == ["a.txt"], "\(unstaged)")
        try expectIndexStatMatchesFile(test, Self.manifestPath)
        // Resolved and committed with git itself, the merge holds the mirror's manifest.
        try test.write("a.txt", "resolved\n")
        _ = try test.git("add", "a.txt")
        _ = try test.git("commit", "-q", "--no-edit")
        #expect(try test.gitLine("rev-parse", "HEAD:\(Self.manifestPath)") == prepared.blob.hex)
        #expect(try test.fsck() == "")
    }

    @Test func aConflictingMergeWithAFilterWritesItWithLibgit2() throws {
        let (test, target, prepared) = try fixture(attributes: "*.jsonl text eol=crlf\n")
        let outcome = try mergeConflictingOnATxt(test, target, prepared)
        #expect(outcome == .conflicts(paths: ["a.txt"]))
        #expect(FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(try test.read(Self.manifestPath) == "{\"path\":\"one\"}\r\n{\"path\":\"two\"}\r\n")
        #expect(Set(try test.gitLine("diff-files", "--name-only").split(separator: "\n")) == ["a.txt"])
    }
}
