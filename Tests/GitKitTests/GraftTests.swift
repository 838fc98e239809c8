import Foundation
import GitKit
import Testing

/// `Repository.tree(_:takingPaths:from:)`, checked against the tree built the long way: the other
/// tree with the wanted paths upserted into it.
@Suite struct GraftTests {
    /// Writes a tree with the git CLI from `entries` (mode, object, path), so that symbolic links,
    /// submodules and executable files can be part of it.
    private func tree(_ test: TestRepository, _ entries: [(String, ObjectID, String)]) throws -> ObjectID {
        try test.git("read-tree", "--empty")
        for (mode, id, path) in entries {
            try test.git("update-index", "--add", "--cacheinfo", "\(mode),\(id.hex),\(path)")
        }
        return try #require(ObjectID(hex: try test.gitLine("write-tree")))
    }

    @Test func theBranchsOwnDifferencesCarriedIntoTheMirrorGiveTheSameTreeAsThePushedPathsCarriedIntoTheBranch() throws {
        let test = try TestRepository()
        func blob(_ text: String) throws -> ObjectID { try test.repository.writeBlob(Data(text.utf8)) }
        let commit = try test.repository.createCommit(tree: test.repository.emptyTree(), parents: [], message: "sub")
        let statements = try (0..<40).map { ("100644", try blob("statement \($0)"), "statements/sys-\($0 % 4)/AC-\($0).html") }
        // The mirror: statements, the manifest, config.yaml, and things the branch has removed or changed.
        let mirror = try tree(test, statements + [
            ("100644", try blob("pushed 3"), "statements/sys-3/AC-3.html"),
            ("100644", try blob("manifest v2"), ".grcsync/manifest.jsonl"),
            ("100644", try blob("format: html"), "config.yaml"),
            ("100644", try blob("removed on the branch"), "notes/old.txt"),
            ("100644", try blob("a file on the mirror"), "flip"),
            ("100644", try blob("new on the mirror"), "statements/sys-1/NEW-1.html"),
        ])
        // The branch: the old pushed text (the mirror has the new), its own config, an executable script,
        // a symbolic link, a submodule, a folder where the mirror has a file, and a pushed path the
        // mirror does not have.
        let head = try tree(test, statements.filter { $0.2 != "statements/sys-3/AC-3.html" } + [
            ("100644", try blob("pushed 3, before"), "statements/sys-3/AC-3.html"),
            ("100644", try blob("manifest v1"), ".grcsync/manifest.jsonl"),
            ("100644", try blob("format: html\nconcurrency: 5"), "config.yaml"),
            ("100755", try blob("#!/bin/sh\necho hi"), "scripts/ci.sh"),
            ("120000", try blob("config.yaml"), "link"),
            ("160000", commit, "vendor/sub"),
            ("100644", try blob("now a folder"), "flip/inside.txt"),
            ("100644", try blob("only on the branch"), "statements/sys-2/GONE-1.html"),
        ])
        let wanted = Set(["statements/sys-3/AC-3.html", ".grcsync/manifest.jsonl", "statements/sys-1/NEW-1.html",
                          "statements/sys-2/GONE-1.html"])
        let longWay = try test.repository.updateTree(head, wanted.compactMap { path in
            try test.repository.blobID(at: path, in: mirror).map { .upsert(path: path, blob: $0) }
        })
        let differences = try test.repository.changes(from: head, to: mirror)
        let own = differences.filter { !wanted.contains($0.path) || $0.kind == .deleted }.map(\.path)
        #expect(own.contains("vendor/sub") && own.contains("link") && own.contains("flip"))
        // In any order: a folder that replaces a file is taken before what is inside it.
        let grafted = try test.repository.tree(mirror, takingPaths: own.reversed(), from: head)
        #expect(grafted == longWay)
        #expect(try test.git("ls-tree", "-r", grafted.hex) == test.git("ls-tree", "-r", longWay.hex))
        #expect(try test.repository.isExecutableFile(at: "scripts/ci.sh", in: grafted))
        #expect(try !test.repository.isExecutableFile(at: "config.yaml", in: grafted))
        #expect(try !test.repository.isExecutableFile(at: "missing", in: grafted))
        // Nothing to take: the tree is the base itself.
        #expect(try test.repository.tree(mirror, takingPaths: [], from: head) == mirror)
    }
}
