import Foundation
import GitKit
import Testing

/// Timings, not assertions: run with `GITKIT_PERF=1 swift test --filter GitKitTests.PerformanceTests`
/// (use `-c release` for figures worth quoting). Prints one line per step.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GITKIT_PERF"] == "1"))
struct PerformanceTests {
    @Test(arguments: ProcessInfo.processInfo.environment["GITKIT_PERF_SIZES"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [10_000, 100_000])
    func largeTrees(fileCount: Int) throws {
        let test = try TestRepository()
        let repository = test.repository
        let content = String(repeating: "<p>statement text</p>\n", count: 70)
        func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            let result = try body()
            print("GITKIT_PERF \(fileCount) files: \(label): \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
            return result
        }
        // ~100 systems with fileCount/100 statements each, like statements/<system>/<control>.html
        let paths = (0..<fileCount).map { "statements/sys-\($0 % 100)/CTRL-\($0).html" }
        let blobs = try time("write \(fileCount) blobs") {
            try paths.enumerated().map { try repository.writeBlob(Data((content + "\($0.offset)\n").utf8)) }
        }
        let updates = zip(paths, blobs).map { TreeUpdate.upsert(path: $0, blob: $1) }
        let tree = try time("updateTree from nothing") { try repository.updateTree(nil, updates) }
        let files = try time("files(in:)") { try repository.files(in: tree) }
        #expect(files.count == fileCount)
        let changed = try (0..<max(1, fileCount / 100)).map { index in
            TreeUpdate.upsert(path: paths[index * 97 % fileCount], blob: try repository.writeBlob(Data("changed \(index)\n".utf8)))
        }
        let updated = try time("updateTree with 1% changes") { try repository.updateTree(tree, changed) }
        let changes = try time("changes(from:to:) of 1%") { try repository.changes(from: tree, to: updated) }
        #expect(changes.count == changed.count)
        _ = try time("blobID(at:in:)") { try repository.blobID(at: paths[fileCount / 2], in: updated) }
    }
}
