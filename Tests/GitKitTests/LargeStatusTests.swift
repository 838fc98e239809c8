import CGit2
import Foundation
import Testing
@testable import GitKit

/// `status()` on a work tree large enough for the metadata pass on all cores (`WorkTreeScan`), against
/// `git status` itself, for every kind of change a user can make.
@Suite struct LargeStatusTests {
    /// 6,000 tracked files in 60 directories, committed with the CLI.
    private func largeRepository() throws -> TestRepository {
        let test = try TestRepository()
        for directory in 0..<60 {
            for file in 0..<100 {
                try test.write("d\(directory)/f\(file).html", "<p>statement \(directory)-\(file)</p>\n")
            }
        }
        try test.write(".gitignore", "*.log\nbuild/\n")
        try test.git("add", "-A")
        try test.git("commit", "-q", "-m", "base")
        return test
    }

    @Test func everyKindOfChangeIsWhatGitStatusShows() throws {
        let test = try largeRepository()
        // A conflict first (a merge needs a clean tree).
        try test.git("checkout", "-q", "-b", "other")
        try test.write("d0/f0.html", "<p>theirs</p>\n")
        try test.git("commit", "-qam", "theirs")
        try test.git("checkout", "-q", "main")
        try test.write("d0/f0.html", "<p>ours</p>\n")
        try test.git("commit", "-qam", "ours")
        _ = try GitCLI.run(["merge", "-q", "other"], in: test.url, home: test.home, allowFailure: true)

        try test.write("d1/f1.html", "<p>statement 1-X</p>\n")  // same size, new content
        try test.write("d1/f2.html", "<p>a longer statement than before</p>\n")
        try sameSizeKeepingTheModificationTime("d1/f3.html", in: test)
        try test.delete("d2/f0.html")
        try makeExecutable("d2/f1.html", in: test)
        try test.delete("d2/f2.html")
        try FileManager.default.createSymbolicLink(atPath: test.url.appendingPathComponent("d2/f2.html").path, withDestinationPath: "f3.html")
        try test.write("d3/new.html", "<p>untracked</p>\n")
        try test.write("fresh/deep/a.html", "<p>untracked dir</p>\n")
        try test.write("fresh/b.html", "<p>untracked dir</p>\n")
        try test.write("d4/debug.log", "ignored\n")
        try test.write("build/out.html", "ignored dir\n")
        try FileManager.default.createDirectory(at: test.url.appendingPathComponent("empty/dir"), withIntermediateDirectories: true)
        try test.write("d5/f0.html", "<p>staged</p>\n")
        try test.git("add", "d5/f0.html")
        try test.write("d5/new.html", "<p>staged new</p>\n")
        try test.git("add", "d5/new.html")
        try test.git("rm", "-q", "d5/f1.html")
        try test.write("d5/f2.html", "<p>staged</p>\n")
        try test.git("add", "d5/f2.html")
        try test.write("d5/f2.html", "<p>staged, then edited again</p>\n")
        try test.delete("d6/f0.html")
        try test.write("d6/f0.html/inside.html", "<p>a file became a directory</p>\n")

        let ours = try test.repository.status().map(Self.describe)
        let git = try Self.gitStatus(test)
        #expect(ours == git)
        #expect(ours.contains("UU d0/f0.html"))
        #expect(ours.count == 16, "\(ours)")
    }

    @Test func aCleanLargeTreeHasNoEntriesAndAnUntrackedOneIsFound() throws {
        let test = try largeRepository()
        #expect(try test.repository.status().isEmpty)
        #expect(try Self.gitStatus(test).isEmpty)
        try test.write("d59/late.html", "<p>new</p>\n")
        #expect(try test.repository.status().map(Self.describe) == ["?? d59/late.html"])
        #expect(try test.repository.status(includeUntracked: false).isEmpty)
    }

    @Test(arguments: [false, true])
    func theScanKeepsWhatMayHaveChangedAndLittleElse(readingTheFile: Bool) throws {
        let test = try largeRepository()
        func examine() throws -> [String] {
            let indexFile = test.url.path + "/.git/index"
            if readingTheFile {
                let file = try #require(IndexFile(path: indexFile))
                let scan = WorkTreeScan(index: .file(file), workDirectory: test.url.path + "/", indexFile: indexFile)
                return try #require(withExtendedLifetime(file) { scan.pathsToExamine(includeUntracked: true) })
            }
            let index = try test.repository.index()
            let scan = WorkTreeScan(index: .libgit2(index.pointer), workDirectory: test.url.path + "/", indexFile: indexFile)
            return try #require(withExtendedLifetime(index) { scan.pathsToExamine(includeUntracked: true) })
        }
        // Entries written in the index file's own instant are kept (racily clean); the rest are not.
        #expect(try examine().count < 600)
        try test.write("d7/f7.html", "<p>statement 7-Y</p>\n")
        try test.delete("d8/f8.html")
        try test.write("d9/new.html", "<p>new</p>\n")
        try test.write("fresh/deep/a.html", "<p>new</p>\n")
        let kept = try examine()
        for path in ["d7/f7.html", "d8/f8.html", "d9/new.html", "fresh"] { #expect(kept.contains(path), "\(path)") }
        #expect(!kept.contains("fresh/deep/a.html"), "an untracked directory is handed over whole")
        #expect(kept.count < 600)
    }

    @Test func theIndexFileReadsWhatLibgit2ReadsAndDeclinesWhatItDoesNotKnow() throws {
        let test = try largeRepository()
        try test.write("d3/intent.html", "<p>intent to add</p>\n")
        try test.git("add", "-N", "d3/intent.html")  // an extended flag: index version 3
        let indexFile = test.url.path + "/.git/index"
        let file = try #require(IndexFile(path: indexFile))
        let index = try test.repository.index()
        #expect(file.entries.count == git_index_entrycount(index.pointer))
        for position in 0..<file.entries.count {
            let ours = file.entries[position], theirs = try #require(git_index_get_byindex(index.pointer, position)).pointee
            #expect(String(cString: ours.path!) == String(cString: theirs.path!))
            #expect(ours.mode == theirs.mode && ours.file_size == theirs.file_size && ours.ino == theirs.ino)
            #expect(ours.mtime.seconds == theirs.mtime.seconds && ours.mtime.nanoseconds == theirs.mtime.nanoseconds)
            #expect(ours.ctime.seconds == theirs.ctime.seconds && ours.uid == theirs.uid && ours.gid == theirs.gid)
            #expect(ObjectID(ours.id) == ObjectID(theirs.id))
            #expect(ours.flags & 0x3000 == theirs.flags & 0x3000)
            #expect(ours.flags_extended & 0x6000 == theirs.flags_extended & 0x6000)
        }
        #expect(file.contains(path: "d3/intent.html") && file.contains(prefix: "d59/") && !file.contains(prefix: "d6/f0.html/"))
        #expect(!file.contains(path: "d3") && !file.contains(prefix: "d600/"))
        try test.git("update-index", "--index-version", "4")
        #expect(IndexFile(path: indexFile) == nil, "version 4 compresses paths")
        try test.git("update-index", "--index-version", "2")
        try test.git("update-index", "--split-index")
        #expect(IndexFile(path: indexFile) == nil, "a split index's entries are elsewhere")
    }

    @Test func aSettledCleanTreeIsAnsweredFromTheIndexFileAndStagedChangesStillShow() throws {
        let test = try largeRepository()
        // Files older than the index: none is racily clean, so the pass keeps nothing.
        try test.git("ls-files", "-z").split(separator: "\0").forEach { try backdate(String($0), in: test) }
        try test.git("update-index", "--really-refresh")
        let indexFile = test.url.path + "/.git/index"
        var file = try #require(IndexFile(path: indexFile))
        let scan = WorkTreeScan(index: .file(file), workDirectory: test.url.path + "/", indexFile: indexFile)
        #expect(withExtendedLifetime(file) { scan.pathsToExamine(includeUntracked: true) } == [])
        #expect(test.repository.headTree(matches: file))
        #expect(try test.repository.status().isEmpty)

        // Staged only: the work tree matches the index, the index no longer matches HEAD.
        try test.write("d10/f10.html", "<p>staged edit</p>\n")
        try test.write("d11/added.html", "<p>staged new file</p>\n")
        try backdate("d10/f10.html", in: test)
        try backdate("d11/added.html", in: test)
        try test.git("add", "d10/f10.html", "d11/added.html")
        file = try #require(IndexFile(path: indexFile))
        #expect(!test.repository.headTree(matches: file))
        let ours = try test.repository.status().map(Self.describe)
        #expect(ours == ["M  d10/f10.html", "A  d11/added.html"])
        #expect(ours == (try Self.gitStatus(test)))
    }

    private func backdate(_ path: String, in test: TestRepository) throws {
        var times = [timespec(tv_sec: time(nil) - 3_600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3_600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, test.url.appendingPathComponent(path).path, &times, AT_SYMLINK_NOFOLLOW) == 0)
    }

    /// Rewrites a file with content of the same size and puts its modification time back: only the
    /// change time (and the content) tell.
    private func sameSizeKeepingTheModificationTime(_ path: String, in test: TestRepository) throws {
        let file = test.url.appendingPathComponent(path).path
        var before = stat()
        #expect(lstat(file, &before) == 0)
        let text = try test.read(path)
        try test.write(path, String(text.reversed().dropFirst()) + "\n")
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
    }

    private func makeExecutable(_ path: String, in test: TestRepository) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: test.url.appendingPathComponent(path).path)
    }

    /// "XY path" as `git status --porcelain` writes it.
    private static func describe(_ entry: StatusEntry) -> String {
        if entry.isConflicted { return "UU \(entry.path)" }
        if entry.workTree == .added && entry.index == nil { return "?? \(entry.path)" }
        func letter(_ kind: ChangeKind?) -> String {
            switch kind {
            case nil: " "
            case .added: "A"
            case .modified: "M"
            case .deleted: "D"
            case .renamed: "R"
            case .typeChanged: "T"
            }
        }
        return letter(entry.index) + letter(entry.workTree) + " " + entry.path
    }

    /// `git status --porcelain`, every untracked file listed, conflicts of any kind as "UU".
    private static func gitStatus(_ test: TestRepository) throws -> [String] {
        let output = try GitCLI.run(
            ["-c", "status.renames=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"],
            in: test.url, home: test.home)
        return output.split(separator: "\0").map { line in
            let code = line.prefix(2)
            let conflicted = ["DD", "AU", "UD", "UA", "DU", "AA", "UU"].contains(String(code))
            return (conflicted ? "UU" : String(code)) + " " + line.dropFirst(3)
        }.sorted { $0.dropFirst(3).utf8.lexicographicallyPrecedes($1.dropFirst(3).utf8) }
    }
}
