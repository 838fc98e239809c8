import Foundation
@testable import GitKit
import Testing

/// `PackWriter.finish(inOrderOf:)`: the pack's entries in the order a checkout of the tree reads them.
@Suite struct PackOrderTests {
    @Test func entriesFollowTheTreeThenTheRestInTheOrderAdded() throws {
        let test = try TestRepository()
        let writer = try PackWriter(repository: test.repository)
        // Added in an order unrelated to the paths; one blob at two paths; two blobs the tree does not name;
        // one entry larger than the writer's buffer.
        var updates: [TreeUpdate] = []
        var unnamed: [ObjectID] = []
        for index in 0..<400 {
            let content = index == 7 ? Self.noise(count: 3_000_000) : Data((0..<(200 + index)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) })
            let prepared = PackWriter.prepare(content)
            try writer.add(prepared)
            if index == 5 || index == 9 {
                unnamed.append(prepared.id)
                continue
            }
            let path = "statements/sys-\(index * 7919 % 13)/AC-\(index * 104_729 % 400).html"
            updates.append(.upsert(path: path, blob: prepared.id))
            if index == 3 { updates.append(.upsert(path: "aaa/first.html", blob: prepared.id)) }
        }
        let tree = try test.repository.updateTree(nil, updates)
        let name = try #require(try writer.finish(inOrderOf: tree))

        // The order Git reads the tree in, each blob once, then the two the tree does not name.
        var expected: [String] = []
        for line in try test.git("ls-tree", "-r", tree.hex).split(separator: "\n") {
            let id = String(line.split(separator: " ")[2].prefix(40))
            if !expected.contains(id) { expected.append(id) }
        }
        expected += unnamed.map(\.hex)
        let packPath = test.url.appendingPathComponent(".git/objects/pack/\(name)")
        let verified = try test.git("verify-pack", "-v", packPath.appendingPathExtension("idx").path)
        let packed = verified.split(separator: "\n").compactMap { line -> (offset: Int, id: String, size: Int)? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5, fields[1] == "blob", let size = Int(fields[3]), let offset = Int(fields[4]) else { return nil }
            return (offset, String(fields[0]), size)
        }.sorted { $0.offset < $1.offset }
        #expect(packed.map(\.id) == expected)
        // The large entry really is larger than the rewrite's buffer (2 MB) once deflated.
        #expect(packed.contains { $0.size > 2 << 20 })

        // Every blob reads back; git's own index of the pack is the one written; git checks it all.
        for update in updates {
            if case .upsert(_, let blob) = update { #expect(try test.repository.blobData(blob).count > 0) }
        }
        let copy = test.home.appendingPathComponent("copy.pack")
        try FileManager.default.copyItem(at: packPath.appendingPathExtension("pack"), to: copy)
        let printed = try test.git("index-pack", copy.path)
        #expect("pack-" + printed.trimmingCharacters(in: .newlines) == name)
        #expect(try Data(contentsOf: packPath.appendingPathExtension("idx"))
            == Data(contentsOf: copy.deletingPathExtension().appendingPathExtension("idx")))
        try test.git("fsck", "--strict", "--no-dangling")
        // Nothing is left beside the pack and its index.
        #expect(try FileManager.default.contentsOfDirectory(atPath: packPath.deletingLastPathComponent().path).count == 2)
        let spoolFolder = test.url.appendingPathComponent(".git/grcsync").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: spoolFolder).isEmpty)
    }

    @Test func aRewrittenPackIsThePackWrittenInThatOrder() throws {
        let contents = (0..<150).map { Data("statement \($0)\n".utf8) }
        let paths = contents.indices.map { String(format: "s/%03d.html", $0) }
        // Added backwards and rewritten in the tree's order…
        let test = try TestRepository()
        let writer = try PackWriter(repository: test.repository)
        var updates: [TreeUpdate] = []
        for index in contents.indices.reversed() {
            let prepared = PackWriter.prepare(contents[index])
            try writer.add(prepared)
            updates.append(.upsert(path: paths[index], blob: prepared.id))
        }
        let rewritten = try #require(try writer.finish(inOrderOf: test.repository.updateTree(nil, updates)))
        // …against the same blobs added in that order and written as they came.
        let other = try TestRepository()
        let inOrder = try PackWriter(repository: other.repository)
        for content in contents { try inOrder.add(PackWriter.prepare(content)) }
        let written = try #require(try inOrder.finish())
        // The same bytes (a pack is named by its checksum), and the same index.
        #expect(rewritten == written)
        let rewrittenIndex = test.url.appendingPathComponent(".git/objects/pack/\(rewritten).idx")
        let writtenIndex = other.url.appendingPathComponent(".git/objects/pack/\(written).idx")
        #expect(try Data(contentsOf: rewrittenIndex) == Data(contentsOf: writtenIndex))
    }

    /// `count` bytes zlib cannot shrink (xorshift).
    private static func noise(count: Int) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return Data((0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        })
    }
}
