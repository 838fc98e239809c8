import Foundation
import GitKit
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
