import Foundation
import GitKit
import Testing

@Suite struct ObjectsAndTreesTests {
    @Test func objectIDParsesOnlyFortyHexDigits() {
        #expect(ObjectID(hex: "4B825DC642CB6EB9A060E54BF8D69288FBEE4904")?.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        #expect(ObjectID(hex: "4b825dc") == nil)
        #expect(ObjectID(hex: String(repeating: "g", count: 40)) == nil)
        #expect(ObjectID(hex: String(repeating: "0", count: 41)) == nil)
    }

    @Test func blobsMatchGitHashObject() throws {
        let test = try TestRepository()
        let data = Data("<p>Hello</p>\n".utf8)
        let hashed = try test.repository.hashBlob(data)
        let expected = try GitCLI.run(["hash-object", "--stdin"], in: test.url, home: test.home, input: data)
        #expect(hashed.hex == expected.trimmingCharacters(in: .newlines))
        let written = try test.repository.writeBlob(data)
        #expect(written == hashed)
        #expect(try test.repository.blobData(written) == data)
        #expect(try test.gitLine("cat-file", "-p", written.hex) == "<p>Hello</p>")
        #expect(try test.repository.blobData(test.repository.writeBlob(Data())) == Data())
    }

    @Test func aLargeBlobsContentOutlivesTheRepositoryThatReadIt() throws {
        let test = try TestRepository()
        // Above 1 MB the data is libgit2's own buffer, kept alive by the Data.
        let large = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 12) })
        let id = try test.repository.writeBlob(large)
        var read = try Repository.open(at: test.url).blobData(id)
        #expect(read == large)
        // Changing the data changes nothing stored: the object reads back as it was.
        read[0] ^= 0xFF
        #expect(try Repository.open(at: test.url).blobData(id) == large)
        #expect(try test.git("cat-file", "-s", id.hex) == "\(3 << 20)\n")
    }

    @Test func pathsGitWouldNotStoreAreRefusedAndTheirNeighboursAreNot() throws {
        let test = try TestRepository()
        let blob = try test.repository.writeBlob(Data("x".utf8))
        for path in ["", "a//b", "/a", "a/", "./x", "a/../b", "..", ".git/x", "a/.GiT/b", "a/.GIT", "a/x\0y"] {
            #expect(throws: GitKitError.invalidPath(path)) { try test.repository.updateTree(nil, [.upsert(path: path, blob: blob)]) }
        }
        let fine = [".gitx/a", "a/.gi", "a/git", "a/..x", "a/.../b", "a/.gît", "a/_git", "a/.g1t", "a/.GITS", "a/\u{0E}git"]
        let tree = try test.repository.updateTree(nil, fine.map { .upsert(path: $0, blob: blob) })
        for path in fine { #expect(try test.repository.blobID(at: path, in: tree) == blob) }
    }

    @Test func emptyTreeIsGitsEmptyTree() throws {
        let test = try TestRepository()
        #expect(try test.repository.emptyTree().hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        #expect(try test.repository.updateTree(nil, []).hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    }

    @Test func updateTreeBuildsNestedTreesLikeGit() throws {
        let test = try TestRepository()
        let files = [
            "statements/sys-a/AC-2.html": "ac2\n", "statements/sys-a/AC-1.html": "ac1\n",
            "statements/sys-b/AU-3.html": "au3\n", "statements/sys-a.txt": "x\n", ".grcsync/manifest": "m\n",
        ]
        let tree = try test.tree(files)
        let listing = try test.gitLine("ls-tree", "-r", "--name-only", tree.hex)
        #expect(listing.split(separator: "\n").map(String.init) == [
            ".grcsync/manifest", "statements/sys-a.txt", "statements/sys-a/AC-1.html",
            "statements/sys-a/AC-2.html", "statements/sys-b/AU-3.html",
        ])
        // Same content through git itself gives the same tree id.
        for (path, content) in files { try test.write(path, content) }
        try test.git("add", "-A")
        #expect(try test.gitLine("write-tree") == tree.hex)
        let commit = try test.repository.createCommit(tree: tree, parents: [], message: "Pull", updatingReference: "HEAD")
        #expect(try test.oid("HEAD") == commit)
        #expect(try test.fsck() == "")
    }

    @Test func updateTreeReplacesRemovesAndPrunesEmptyDirectories() throws {
        let test = try TestRepository()
        let base = try test.tree(["a/b/c.txt": "c\n", "a/d.txt": "d\n", "e.txt": "e\n"])
        let newBlob = try test.repository.writeBlob(Data("new\n".utf8))
        let updated = try test.repository.updateTree(base, [
            .remove(path: "a/b/c.txt"), .upsert(path: "e.txt", blob: newBlob), .upsert(path: "f/g/h.txt", blob: newBlob),
            .remove(path: "does/not/exist"), .remove(path: "e.txt/not-a-dir"),
        ])
        let files = try test.repository.files(in: updated)
        #expect(files.map(\.path) == ["a/d.txt", "e.txt", "f/g/h.txt"])
        #expect(try test.repository.blobID(at: "e.txt", in: updated) == newBlob)
        #expect(try test.repository.blobID(at: "a/b", in: updated) == nil)
        #expect(try test.gitLine("ls-tree", "-d", "-r", "--name-only", updated.hex) == "a\nf\nf/g")
        // Removing the last file leaves the empty tree.
        let emptied = try test.repository.updateTree(
            updated, [.remove(path: "a/d.txt"), .remove(path: "e.txt"), .remove(path: "f/g/h.txt")])
        #expect(emptied == (try test.repository.emptyTree()))
        // No change: same id.
        #expect(try test.repository.updateTree(base, []) == base)
        _ = try test.repository.createCommit(tree: updated, parents: [], message: "t", updatingReference: "refs/heads/t")
        #expect(try test.fsck() == "")
    }

    @Test func updateTreeSendsUpsertsToTheFolderTheyNameAfterARemovalInBetween() throws {
        let test = try TestRepository()
        let blobs = try (0..<4).map { try test.repository.writeBlob(Data("\($0)\n".utf8)) }
        let base = try test.tree(["a/b/old.txt": "old\n", "c.txt": "c\n"])
        // Upserts into a folder already seen reuse it; removing the folder itself must not leave later
        // upserts in the folder that was removed.
        let updated = try test.repository.updateTree(base, [
            .upsert(path: "a/b/x.txt", blob: blobs[0]), .upsert(path: "z/y.txt", blob: blobs[1]),
            .remove(path: "a/b"), .upsert(path: "a/b/y.txt", blob: blobs[2]), .upsert(path: "z/w.txt", blob: blobs[3]),
        ])
        #expect(try test.repository.files(in: updated) == [
            TreeFile(path: "a/b/y.txt", blob: blobs[2], isExecutable: false),
            TreeFile(path: "c.txt", blob: try #require(try test.repository.blobID(at: "c.txt", in: base)), isExecutable: false),
            TreeFile(path: "z/w.txt", blob: blobs[3], isExecutable: false),
            TreeFile(path: "z/y.txt", blob: blobs[1], isExecutable: false),
        ])
        // Interleaved folders give the tree the same files give one by one.
        let paths = (0..<60).map { "statements/s\($0 % 7)/AC-\($0).html" }
        let together = try test.repository.updateTree(base, paths.map { .upsert(path: $0, blob: blobs[0]) })
        var oneByOne = base
        for path in paths { oneByOne = try test.repository.updateTree(oneByOne, [.upsert(path: path, blob: blobs[0])]) }
        #expect(together == oneByOne)
    }

    @Test func updateTreeSplitsPathsAtEverySlashAsGitDoes() throws {
        // A "/" followed by a combining accent is one Swift Character; Git still splits there.
        let test = try TestRepository()
        let blob = try test.repository.writeBlob(Data("x\n".utf8))
        let tree = try test.repository.updateTree(nil, [
            .upsert(path: "a/\u{301}b", blob: blob), .upsert(path: "c/\u{301}d/e", blob: blob),
        ])
        #expect(try test.gitLine("ls-tree", "--name-only", tree.hex) == "a\nc")
        #expect(try test.repository.files(in: tree).map(\.path) == ["a/\u{301}b", "c/\u{301}d/e"])
        let removed = try test.repository.updateTree(tree, [.remove(path: "c/\u{301}d/e")])
        #expect(try test.repository.files(in: removed).map(\.path) == ["a/\u{301}b"])
        #expect(throws: GitKitError.invalidPath(".git/\u{301}x")) {
            try test.repository.updateTree(nil, [.upsert(path: ".git/\u{301}x", blob: blob)])
        }
    }

    @Test func updateTreeKeepsTheExecutableBit() throws {
        let test = try TestRepository()
        try test.write("run.sh", "echo hi\n")
        try test.git("add", "run.sh")
        try test.git("update-index", "--chmod=+x", "run.sh")
        let base = ObjectID(hex: try test.gitLine("write-tree"))
        let blob = try test.repository.writeBlob(Data("echo bye\n".utf8))
        let updated = try test.repository.updateTree(base, [.upsert(path: "run.sh", blob: blob), .upsert(path: "n", blob: blob)])
        #expect(try test.repository.files(in: updated) == [
            TreeFile(path: "n", blob: blob, isExecutable: false), TreeFile(path: "run.sh", blob: blob, isExecutable: true),
        ])
    }

    @Test func updateTreeRefusesBadPathsAndFileDirectoryClashes() throws {
        let test = try TestRepository()
        let blob = try test.repository.writeBlob(Data("x".utf8))
        for path in ["", "/abs", "a//b", "a/./b", "../up", "a/.git/config", ".GIT", "trailing/"] {
            #expect(throws: GitKitError.invalidPath(path)) {
                try test.repository.updateTree(nil, [.upsert(path: path, blob: blob)])
            }
        }
        let base = try test.tree(["a": "file\n", "d/x": "x\n"])
        #expect(throws: GitKitError.self) { try test.repository.updateTree(base, [.upsert(path: "a/b", blob: blob)]) }
        #expect(throws: GitKitError.self) { try test.repository.updateTree(base, [.upsert(path: "d", blob: blob)]) }
        // In order: removing the file first makes room for the directory.
        let moved = try test.repository.updateTree(base, [.remove(path: "a"), .upsert(path: "a/b", blob: blob)])
        #expect(try test.repository.files(in: moved).map(\.path) == ["a/b", "d/x"])
    }

    @Test func filesAreInGitOrderWithBlobIDs() throws {
        let test = try TestRepository()
        let tree = try test.tree(["a-b": "1", "a/b": "2", "a.c": "3", "a0": "4", "Z": "5"])
        let files = try test.repository.files(in: tree)
        let git = try test.gitLine("ls-tree", "-r", tree.hex).split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return (String(parts[1]), String(parts[0].split(separator: " ")[2]))
        }
        #expect(files.map(\.path) == git.map(\.0))
        #expect(files.map(\.blob.hex) == git.map(\.1))
        #expect(try test.repository.blobID(at: "a/b", in: tree) == files.first { $0.path == "a/b" }?.blob)
        #expect(try test.repository.blobID(at: "missing", in: tree) == nil)
    }
}
