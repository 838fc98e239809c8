import Foundation
@testable import GitKit
import Testing

/// A whole-tree checkout skips libgit2's filter lookups only when no filter could apply: anything that
/// can define one (attributes files wherever libgit2 reads them, `core.autocrlf`) keeps them, and the
/// files come out as git writes them.
@Suite struct UnfilteredCheckoutTests {
    private static let files = ["a.txt": "one\ntwo\n", "sub/b.txt": "three\n", "sub/deeper/c.txt": "four\n"]

    /// A repository with an empty first commit, and a tree of `files` (plus `extra`) to check out.
    private func fixture(_ extra: [String: String] = [:]) throws -> (TestRepository, ObjectID) {
        let test = try TestRepository()
        try test.commitWithCLI([:], message: "empty")
        return (test, try test.tree(Self.files.merging(extra) { $1 }))
    }

    private func bytes(_ test: TestRepository, _ path: String) throws -> String {
        try String(decoding: Data(contentsOf: test.url.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test func withNothingThatDefinesAFilterTheFilesAreWrittenAsTheyAre() throws {
        let (test, tree) = try fixture()
        #expect(try test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
        try test.repository.checkout(tree: tree)
        for (path, content) in Self.files { #expect(try bytes(test, path) == content) }
        #expect(try test.git("diff", "--stat", tree.hex).isEmpty)
    }

    @Test func aGitattributesFileInTheTreeKeepsTheFilters() throws {
        let (test, tree) = try fixture(["sub/.gitattributes": "*.txt text eol=crlf\n"])
        #expect(try !test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
        try test.repository.checkout(tree: tree)
        #expect(try bytes(test, "sub/b.txt") == "three\r\n")
        #expect(try bytes(test, "sub/deeper/c.txt") == "four\r\n")
        #expect(try bytes(test, "a.txt") == "one\ntwo\n")
    }

    @Test func anUntrackedGitattributesFileInAFolderOfTheTreeKeepsTheFilters() throws {
        let (test, tree) = try fixture()
        try test.write("sub/deeper/.gitattributes", "*.txt text eol=crlf\n")
        #expect(try !test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
        try test.repository.checkout(tree: tree)
        #expect(try bytes(test, "sub/deeper/c.txt") == "four\r\n")
        #expect(try bytes(test, "sub/b.txt") == "three\n")
    }

    @Test func aGitattributesFileOnlyInTheIndexKeepsTheFilters() throws {
        let (test, tree) = try fixture()
        try test.write(".gitattributes", "*.txt text eol=crlf\n")
        try test.git("add", ".gitattributes")
        try FileManager.default.removeItem(at: test.url.appendingPathComponent(".gitattributes"))
        #expect(try !test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
    }

    @Test func infoAttributesKeepsTheFilters() throws {
        let (test, tree) = try fixture()
        let info = test.url.appendingPathComponent(".git/info")
        try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
        try Data("*.txt text eol=crlf\n".utf8).write(to: info.appendingPathComponent("attributes"))
        #expect(try !test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
        try test.repository.checkout(tree: tree)
        #expect(try bytes(test, "a.txt") == "one\r\ntwo\r\n")
    }

    @Test func autocrlfOrAnAttributesFileSettingKeepsTheFilters() throws {
        let (test, tree) = try fixture()
        try test.git("config", "core.autocrlf", "true")
        #expect(try !test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
        try test.repository.checkout(tree: tree)
        #expect(try bytes(test, "a.txt") == "one\r\ntwo\r\n")
        for value in ["input", "false"] {
            try test.git("config", "core.autocrlf", value)
            #expect(try test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
        }
        // A bare `autocrlf` line (no value) means true.
        try test.git("config", "--unset", "core.autocrlf")
        let config = test.url.appendingPathComponent(".git/config")
        try Data((try String(contentsOf: config, encoding: .utf8) + "[core]\n\tautocrlf\n").utf8).write(to: config)
        #expect(try !test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
        try test.git("config", "core.autocrlf", "false")
        try test.git("config", "core.attributesFile", test.home.appendingPathComponent("absent").path)
        #expect(try !test.repository.filtersCannotApply(checkingOut: test.repository.lookupTree(tree)))
    }
}
