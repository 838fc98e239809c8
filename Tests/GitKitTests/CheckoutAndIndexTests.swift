import Foundation
import GitKit
import Testing

@Suite struct CheckoutAndIndexTests {
    @Test func stageAddsRemovesAndWritesTheIndexTree() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n", "gone.txt": "g\n", "dir/x.txt": "x\n"], message: "base")
        try test.write("a.txt", "a2\n")
        try test.write("dir/y.txt", "y\n")
        try test.delete("gone.txt")
        try test.repository.stage(paths: ["a.txt", "gone.txt", "dir"])
        #expect(try test.gitLine("diff", "--cached", "--name-status") == "M\ta.txt\nA\tdir/y.txt\nD\tgone.txt")
        let tree = try test.repository.writeIndexTree()
        #expect(try test.gitLine("write-tree") == tree.hex)
        #expect(throws: GitKitError.invalidPath("../x")) { try test.repository.stage(paths: ["../x"]) }
    }

    @Test func safeCheckoutRefusesToOverwriteLocalChanges() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n", "b.txt": "b\n"], message: "base")
        let target = try test.tree(["a.txt": "A\n", "b.txt": "B\n", "c.txt": "C\n"])
        try test.write("a.txt", "local edit\n")
        try test.write("c.txt", "untracked in the way\n")
        #expect(throws: GitKitError.uncommittedChanges(paths: ["a.txt", "c.txt"])) {
            try test.repository.checkout(tree: target)
        }
        #expect(try test.read("a.txt") == "local edit\n")
        #expect(try test.read("b.txt") == "b\n")
        #expect(try test.read("c.txt") == "untracked in the way\n")
        // Only some paths.
        try test.repository.checkout(tree: target, paths: ["b.txt"])
        #expect(try test.read("b.txt") == "B\n")
        #expect(try test.read("a.txt") == "local edit\n")
        #expect(try test.gitLine("diff", "--cached", "--name-only") == "b.txt")
        // Forced.
        try test.repository.checkout(tree: target, force: true)
        #expect(try test.read("a.txt") == "A\n")
        #expect(try test.read("c.txt") == "C\n")
    }

    /// A push lets go of the index while its requests are out; whatever reads it next must see it as it
    /// is on disk, including what another process staged meanwhile, and what GitKit stages must land.
    @Test func releasedIndexIsReadAgainWhenNeeded() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n", "b.txt": "b\n"], message: "base")
        try test.write("a.txt", "a2\n")
        try test.repository.stage(paths: ["a.txt"])
        #expect(try test.repository.conflictedPaths() == [])
        test.repository.releaseIndex()
        try test.write("b.txt", "b2\n")
        _ = try test.git("add", "b.txt")
        test.repository.releaseIndex()
        try test.write("c.txt", "c\n")
        try test.repository.stage(paths: ["c.txt"])
        #expect(try test.gitLine("diff", "--cached", "--name-status") == "M\ta.txt\nM\tb.txt\nA\tc.txt")
        #expect(try test.repository.writeIndexTree().hex == test.gitLine("write-tree"))
    }
}
