import Foundation
@testable import GitKit
import Testing

@Suite struct PackWriterTests {
    private func blobs(_ count: Int) -> [Data] {
        (0..<count).map { index in
            // Sizes around the header's 4-bit and 11-bit boundaries, an empty blob, and statement-sized text.
            let sizes = [0, 1, 15, 16, 2_047, 2_048, 70_000]
            let size = index < sizes.count ? sizes[index] : 1_000 + index
            return Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) })
        }
    }

    @Test func blobsBecomeOnePackThatGitAccepts() throws {
        let test = try TestRepository()
        let writer = try PackWriter(repository: test.repository)
        let contents = blobs(300)
        var ids: [ObjectID] = []
        for content in contents {
            let prepared = PackWriter.prepare(content)
            try writer.add(prepared)
            ids.append(prepared.id)
        }
        // The same blob twice is packed once.
        try writer.add(PackWriter.prepare(contents[10]))
        #expect(writer.count == 300)
        let name = try #require(try writer.finish())
        #expect(name.hasPrefix("pack-"))

        for (id, content) in zip(ids, contents) {
            #expect(try test.repository.hashBlob(content) == id)
            #expect(try test.repository.blobData(id) == content)
        }
        // Git itself: no loose objects, one pack holding every blob, and fsck finds nothing wrong.
        let counts = try test.git("count-objects", "-v")
        #expect(counts.contains("count: 0\n"))
        #expect(counts.contains("in-pack: 300\n"))
        #expect(counts.contains("packs: 1\n"))
        try test.git("fsck", "--strict", "--no-dangling")
        let verified = try test.git("verify-pack", "-v", test.url.appendingPathComponent(".git/objects/pack/\(name).idx").path)
        #expect(verified.contains("non delta: 300 objects"))
        #expect(try test.git("cat-file", "-s", ids[300 - 1].hex) == "\(contents[300 - 1].count)\n")
    }

    @Test func theIndexIsTheOneGitWritesForThePack() throws {
        let test = try TestRepository()
        let writer = try PackWriter(repository: test.repository)
        // Enough ids that every first byte's fan-out slot is filled in, and a duplicate.
        let contents = blobs(1_500)
        for content in contents { try writer.add(PackWriter.prepare(content)) }
        try writer.add(PackWriter.prepare(contents[3]))
        let name = try #require(try writer.finish())
        let pack = test.url.appendingPathComponent(".git/objects/pack/\(name)")
        let ours = try Data(contentsOf: pack.appendingPathExtension("idx"))
        // git index-pack reads the pack, checks every object and writes its own index.
        let copy = test.home.appendingPathComponent("copy.pack")
        try FileManager.default.copyItem(at: pack.appendingPathExtension("pack"), to: copy)
        let printed = try test.git("index-pack", copy.path)
        let theirs = try Data(contentsOf: copy.deletingPathExtension().appendingPathExtension("idx"))
        #expect(ours == theirs)
        // git names a pack by its checksum, and so does the writer.
        #expect("pack-" + printed.trimmingCharacters(in: .newlines) == name)
        // Both files are read-only, as Git leaves them; no temporary file is left behind.
        for file in [pack.appendingPathExtension("pack"), pack.appendingPathExtension("idx")] {
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o444)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: pack.deletingLastPathComponent().path).count == 2)
    }

    @Test func theSamePackWrittenAgainKeepsTheOneThere() throws {
        let test = try TestRepository()
        let contents = blobs(120)
        var names: [String] = []
        for _ in 0..<2 {
            let writer = try PackWriter(repository: test.repository)
            for content in contents { try writer.add(PackWriter.prepare(content)) }
            names.append(try #require(try writer.finish()))
        }
        #expect(names[0] == names[1])
        let pack = test.url.appendingPathComponent(".git/objects/pack")
        #expect(try FileManager.default.contentsOfDirectory(atPath: pack.path).sorted() == [names[0] + ".idx", names[0] + ".pack"])
        try test.git("fsck", "--strict", "--no-dangling")
    }

    @Test func aLinkedWorkTreesPackGoesIntoTheSharedObjectDatabase() throws {
        let test = try TestRepository()
        try test.commitWithCLI(["a.txt": "a\n"], message: "base")
        let linked = test.root.appendingPathComponent("linked")
        try test.git("worktree", "add", "-q", linked.path)
        let repository = try Repository.open(at: linked)
        let writer = try PackWriter(repository: repository)
        let contents = blobs(120)
        for content in contents { try writer.add(PackWriter.prepare(content)) }
        let name = try #require(try writer.finish())
        #expect(FileManager.default.fileExists(atPath: test.url.appendingPathComponent(".git/objects/pack/\(name).idx").path))
        let blob = PackWriter.prepare(contents[7]).id
        #expect(try repository.blobData(blob) == contents[7])
        let tree = try repository.updateTree(nil, [.upsert(path: "x.txt", blob: blob)])
        #expect(try GitCLI.run(["cat-file", "-s", "\(tree.hex):x.txt"], in: linked, home: test.home) == "\(contents[7].count)\n")
        try test.git("fsck", "--strict", "--no-dangling")
    }

    @Test func offsetsBeyond31BitsGoToTheLargeOffsetTable() throws {
        func id(_ first: UInt8) throws -> ObjectID {
            try #require(ObjectID(hex: String(format: "%02x", first) + String(repeating: "0", count: 38)))
        }
        var index = PackIndex()
        index.append(.init(id: try id(0xC0), offset: 0x1_0000_0000, crc: 3))
        index.append(.init(id: try id(0x01), offset: 12, crc: 1))
        index.append(.init(id: try id(0x80), offset: 0x8000_0000, crc: 2))
        index.append(.init(id: try id(0x7F), offset: 0x7FFF_FFFF, crc: 4))
        let bytes = index.serialized(packChecksum: [UInt8](repeating: 0xAB, count: 20))
        func word(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        #expect(Array(bytes[0..<8]) == [0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2])
        // Fan-out: cumulative counts by first byte.
        #expect(word(8 + 4 * 0x00) == 0)
        #expect(word(8 + 4 * 0x01) == 1)
        #expect(word(8 + 4 * 0x7F) == 2)
        #expect(word(8 + 4 * 0x80) == 3)
        #expect(word(8 + 4 * 0xFF) == 4)
        let names = 8 + 1_024, crcs = names + 4 * 20, offsets = crcs + 4 * 4, large = offsets + 4 * 4
        #expect((0..<4).map { bytes[names + 20 * $0] } == [0x01, 0x7F, 0x80, 0xC0])
        #expect((0..<4).map { word(crcs + 4 * $0) } == [1, 4, 2, 3])
        // 0x7FFFFFFF still fits; 0x80000000 and above are positions in the 64-bit table, in id order.
        #expect((0..<4).map { word(offsets + 4 * $0) } == [12, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001])
        #expect([word(large), word(large + 4), word(large + 8), word(large + 12)] == [0, 0x8000_0000, 1, 0])
        #expect(Array(bytes[(large + 16)..<(large + 36)]) == [UInt8](repeating: 0xAB, count: 20))
        #expect(bytes.count == large + 16 + 40)
    }

    @Test func aTreeCanUseThePackedBlobsAtOnce() throws {
        let test = try TestRepository()
        let writer = try PackWriter(repository: test.repository)
        let prepared = PackWriter.prepare(Data("<p>Packed.</p>\n".utf8))
        try writer.add(prepared)
        try writer.finish()
        let tree = try test.repository.updateTree(nil, [.upsert(path: "statements/a/AC-2.html", blob: prepared.id)])
        #expect(try test.repository.blobID(at: "statements/a/AC-2.html", in: tree) == prepared.id)
    }

    @Test func anUnfinishedWriterLeavesNothingBehind() throws {
        let test = try TestRepository()
        do {
            let writer = try PackWriter(repository: test.repository)
            try writer.add(PackWriter.prepare(Data("never stored".utf8)))
        }
        let packs = try FileManager.default.contentsOfDirectory(atPath: test.url.appendingPathComponent(".git/objects/pack").path)
        #expect(packs.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: test.url.appendingPathComponent(".git/grcsync/pack.spool").path))
        #expect(try test.git("count-objects", "-v").contains("count: 0\n"))
    }

    @Test func finishingTwiceOrAddingAfterwardsIsRefused() throws {
        let test = try TestRepository()
        let writer = try PackWriter(repository: test.repository)
        #expect(try writer.finish() == nil)
        #expect(throws: GitKitError.packFinished) { try writer.add(PackWriter.prepare(Data())) }
        #expect(throws: GitKitError.packFinished) { try writer.finish() }
    }
}
