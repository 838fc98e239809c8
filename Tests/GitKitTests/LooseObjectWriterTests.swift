import Foundation
@testable import GitKit
import Testing

/// Large blobs written by `Repository.writeBlob(size:_:)` through `LooseObjectWriter` (deflated in
/// segments on other threads, joined into one zlib stream) are loose objects git itself reads and checks.
@Suite struct LooseObjectWriterTests {
    /// Manifest-like lines, compressible but never the same twice.
    private func text(_ size: Int) -> Data {
        var data = Data(capacity: size + 200)
        var line = 0
        while data.count < size {
            data.append(contentsOf: Array(#"{"control":"AC-\#(line % 997)","path":"statements/System-\#(line % 271)/AC-\#(line).html","sys_mod_count":\#(line * 7 % 13)}"#.utf8) + [0x0a])
            line += 1
        }
        return data.prefix(size)
    }

    /// Hands `data` over in pieces of awkward sizes (one byte, odd sizes, more than a segment).
    private func write(_ data: Data, to repository: Repository, declaring size: Int? = nil) throws -> ObjectID {
        try repository.writeBlob(size: size ?? data.count) { write in
            let pieces = [1, 7, 65_536, 100_003, LooseObjectWriter.segmentSize + 5, 3]
            var offset = 0, turn = 0
            while offset < data.count {
                let end = min(data.count, offset + pieces[turn % pieces.count])
                try data[offset..<end].withUnsafeBytes(write)
                offset = end
                turn += 1
            }
        }
    }

    private func looseFile(_ id: ObjectID, in test: TestRepository) -> URL {
        test.url.appendingPathComponent(".git/objects/\(id.hex.prefix(2))/\(id.hex.dropFirst(2))")
    }

    private func temporaryFiles(in test: TestRepository) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: test.url.appendingPathComponent(".git/objects").path)
            .filter { $0.hasPrefix("tmp_") }
    }

    @Test(arguments: [
        LooseObjectWriter.parallelSize, LooseObjectWriter.parallelSize + 1,
        3 * LooseObjectWriter.segmentSize - 1, 5 * LooseObjectWriter.segmentSize + 12_345,
    ])
    func largeBlobsAreLooseObjectsGitReads(size: Int) throws {
        let test = try TestRepository()
        let content = text(size)
        let segments = Counter()
        let id = try test.repository.writeBlob(size: size, workerCPU: { _ in segments.increment() }) { write in
            try content.withUnsafeBytes(write)
        }
        // Each segment of the header and content was deflated on a thread that reported its CPU time.
        let header = "blob \(size)\0".utf8.count
        #expect(segments.value == (header + size + LooseObjectWriter.segmentSize - 1) / LooseObjectWriter.segmentSize)
        #expect(try write(content, to: test.repository) == id)
        #expect(id == (try test.repository.hashBlob(content)))
        #expect(try test.repository.blobData(id) == content)
        // Git itself: the same id for the same bytes, the bytes back, a sound object database.
        let path = test.root.appendingPathComponent("content")
        try content.write(to: path)
        #expect(try test.gitLine("hash-object", path.path) == id.hex)
        #expect(try test.gitLine("cat-file", "-s", id.hex) == "\(size)")
        try test.git("fsck", "--strict", "--no-dangling")
        // Read-only, as git leaves objects, and nothing left behind.
        let attributes = try FileManager.default.attributesOfItem(atPath: looseFile(id, in: test).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o444)
        #expect(try temporaryFiles(in: test).isEmpty)
    }

    @Test func segmentsReachBackIntoTheSegmentBefore() throws {
        // A 16 KB block of noise repeated: deflated in one stream it costs about one block. Each segment
        // starts inside a repetition of what ended the one before: unprimed, every segment would pay for
        // a whole block of noise again.
        var generator = SystemRandomNumberGenerator()
        let block = Data((0..<16_384).map { _ in UInt8.random(in: 0...255, using: &generator) })
        var content = Data()
        while content.count < 4 * LooseObjectWriter.segmentSize + 1_000 { content += block }
        let parallel = try TestRepository(), single = try TestRepository()
        let id = try write(content, to: parallel.repository)
        #expect(try single.repository.writeBlob(content) == id)
        let joined = try #require(try FileManager.default.attributesOfItem(atPath: looseFile(id, in: parallel).path)[.size] as? Int)
        let oneStream = try #require(try FileManager.default.attributesOfItem(atPath: looseFile(id, in: single).path)[.size] as? Int)
        #expect(joined < oneStream + 4 * 1_024, "segments joined: \(joined) bytes, libgit2 in one stream: \(oneStream)")
        try parallel.git("fsck", "--strict", "--no-dangling")
    }

    @Test func piecesThatDoNotAddUpLeaveNothingBehind() throws {
        let test = try TestRepository()
        let content = text(LooseObjectWriter.parallelSize + 100)
        #expect(throws: GitError.self) { try write(content, to: test.repository, declaring: content.count + 1) }
        #expect(throws: GitError.self) { try write(content, to: test.repository, declaring: content.count - 1) }
        #expect(try temporaryFiles(in: test).isEmpty)
        #expect(try test.git("count-objects", "-v").contains("count: 0\n"))
    }

    @Test func aBlobTheRepositoryHasIsNotWrittenAgain() throws {
        let test = try TestRepository()
        let content = text(LooseObjectWriter.parallelSize + 100)
        // Packed first: the loose copy is not made.
        let pack = try PackWriter(repository: test.repository)
        try pack.add(PackWriter.prepare(content))
        try pack.finish()
        let id = try write(content, to: test.repository)
        #expect(!FileManager.default.fileExists(atPath: looseFile(id, in: test).path))
        // Loose already: written once, kept as it is.
        let other = text(LooseObjectWriter.parallelSize + 200)
        let first = try write(other, to: test.repository)
        // The same file, not a new one moved over it: the same inode and modification time.
        func identity() throws -> [AnyHashable?] {
            let attributes = try FileManager.default.attributesOfItem(atPath: looseFile(first, in: test).path)
            return [attributes[.systemFileNumber] as? AnyHashable, attributes[.modificationDate] as? AnyHashable]
        }
        let before = try identity()
        #expect(before.allSatisfy { $0 != nil })
        #expect(try write(other, to: test.repository) == first)
        #expect(try identity() == before)
        // Also when the writer is not told the object is stored: it finds the file in place and keeps it.
        let writer = try LooseObjectWriter(
            objectsDirectory: test.url.appendingPathComponent(".git/objects"), blobSize: other.count)
        try other.withUnsafeBytes { try writer.write($0) }
        #expect(try writer.finish() == first)
        #expect(try identity() == before)
        #expect(try temporaryFiles(in: test).isEmpty)
        try test.git("fsck", "--strict", "--no-dangling")
    }
}

/// A count other threads add to.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
