import CGit2
import Foundation

/// Writes one large loose object — `objects/xx/…`, the zlib stream of "blob <size>\0" and the content, as
/// git and libgit2 write them — from content handed over in pieces, deflating it on all cores.
///
/// libgit2's write stream hashes and deflates each piece in turn on the calling thread: for the 36 MB
/// manifest of 100,000 statements, ~0.07 s of SHA-1 and ~0.14 s of zlib one after the other, after the
/// last answer of every push. Here the calling thread only hashes (through libgit2, `ObjectHasher`)
/// while the content is deflated in segments of 256 KB on other threads, each segment primed with the
/// 32 KB before it, as pigz does: the decoder has those bytes in its window when it reaches the segment,
/// so matches reach back into them and the stream is as small as one deflated in one go. Each segment
/// but the last ends with a sync flush (byte-aligned, no final block), so the segments join into one
/// raw deflate stream; the zlib header goes before them and the Adler-32 of the whole, combined from the
/// segments' own (`adler32_combine`), after them. Git, libgit2 and zlib read the result like any other
/// loose object (the tests check it with `git fsck` and `git cat-file`).
///
/// The file is written under a temporary name in the objects folder and moved into place once its id is
/// known; if anything fails, or the writer is dropped unfinished, the temporary file is removed and the
/// repository is as before.
final class LooseObjectWriter {
    /// Bytes of content per segment.
    static let segmentSize = 1 << 18
    /// Deflate's window, the longest distance a match can reach back: what each segment is primed with.
    static let window = 1 << 15
    /// Segments handed out and not yet written, at most (bounds the memory held).
    static let segmentsInFlight = 3
    /// From this size on a blob is worth writing this way (`Repository.writeBlob(size:_:)`): two segments.
    static let parallelSize = 2 * segmentSize

    private let objectsDirectory: URL
    private let temporaryURL: URL
    private var file: FileHandle?
    private let hasher: ObjectHasher
    private let declaredSize: Int
    private var received = 0
    /// The segment being filled (the object's header first, in the first).
    private var segment: [UInt8] = []
    /// The last `window` bytes of the segment before `segment`.
    private var dictionary: [UInt8] = []
    private var dispatched = 0
    private var written = 0
    private var adler = adler32(0, nil, 0)
    private let results = Results()
    private let deflaters: Deflaters
    private var finished = false

    /// Starts a blob of exactly `size` bytes in the repository whose objects folder is `objectsDirectory`.
    /// `workerCPU`, when given, is told the CPU time each segment took to deflate, on its thread.
    init(objectsDirectory: URL, blobSize size: Int, workerCPU: (@Sendable (Duration) -> Void)? = nil) throws {
        self.objectsDirectory = objectsDirectory
        declaredSize = size
        hasher = try ObjectHasher(type: GIT_OBJECT_BLOB, size: size)
        var template = Array(objectsDirectory.appendingPathComponent("tmp_obj_grcsync_XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        temporaryURL = URL(fileURLWithPath: String(cString: template.map { UInt8(bitPattern: $0) }))
        guard descriptor >= 0 else { throw GitKitError.cannotWrite(objectsDirectory) }
        file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        deflaters = Deflaters(
            count: max(1, min(Self.segmentsInFlight, Processors.active)),
            results: results, workerCPU: workerCPU)
        // zlib's header: deflate with a 32 KB window (0x78), level 1 (0x01), as libgit2 writes loose objects.
        try appendToFile([0x78, 0x01])
        segment.reserveCapacity(Self.segmentSize)
        segment += Array("blob \(size)\0".utf8)
    }

    deinit {
        deflaters.finish()
        if !finished {
            try? file?.close()
            unlink(temporaryURL.path)
        }
    }

    /// Adds the next piece of the content.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try hasher.update(bytes)
        received += bytes.count
        var rest = bytes.assumingMemoryBound(to: UInt8.self)[...]
        while !rest.isEmpty {
            let taken = rest.prefix(Self.segmentSize - segment.count)
            segment.append(contentsOf: UnsafeBufferPointer(rebasing: taken))
            rest = rest.dropFirst(taken.count)
            if segment.count == Self.segmentSize { try dispatch(last: false) }
        }
    }

    /// Writes the rest of the object, moves it into place — unless `isStored` says the repository has
    /// it already, in a pack or loose (libgit2 does not write an object twice either) — and returns its id.
    func finish(unlessStored isStored: (ObjectID) -> Bool = { _ in false }) throws -> ObjectID {
        precondition(!finished, "LooseObjectWriter.finish() called twice")
        guard received == declaredSize else {
            throw GitError(operation: "write blob", code: -1, klass: 0,
                           message: "the content was \(received) bytes, not the \(declaredSize) declared")
        }
        try dispatch(last: true)
        while written < dispatched { try writeNext(waiting: true) }
        deflaters.finish()
        try appendToFile(withUnsafeBytes(of: UInt32(adler).bigEndian) { Array($0) })
        try file?.close()
        file = nil
        let id = try hasher.finish()
        if isStored(id) {
            unlink(temporaryURL.path)
        } else {
            try install(id)
        }
        finished = true
        return id
    }

    /// Hands `segment` to another thread to deflate (first waiting for the oldest one out, while too
    /// many are), then writes those that are done, in order.
    private func dispatch(last: Bool) throws {
        while dispatched - written >= Self.segmentsInFlight { try writeNext(waiting: true) }
        let bytes = segment, dictionary = self.dictionary, index = dispatched
        self.dictionary = Array(segment.suffix(Self.window))
        segment.removeAll(keepingCapacity: true)
        dispatched += 1
        deflaters.submit(Deflaters.Job(index: index, bytes: bytes, dictionary: dictionary, last: last))
        while written < dispatched, try writeNext(waiting: false) {}
    }

    /// Writes the next segment in order if it is done (or once it is, `waiting`); false if it was not.
    @discardableResult
    private func writeNext(waiting: Bool) throws -> Bool {
        guard let deflated = try results.take(written, waiting: waiting) else { return false }
        try appendToFile(deflated.bytes)
        adler = adler32_combine(adler, deflated.adler, off_t(deflated.length))
        written += 1
        return true
    }

    private func appendToFile(_ bytes: [UInt8]) throws {
        guard let file else { throw GitKitError.cannotWrite(temporaryURL) }
        do {
            try file.write(contentsOf: bytes)
        } catch {
            throw GitKitError.cannotWrite(temporaryURL)
        }
    }

    /// Moves the finished file to `objects/xx/…`, read-only as git leaves objects; an object already
    /// there holds the same bytes (its name is their hash), and is kept.
    private func install(_ id: ObjectID) throws {
        let hex = id.hex
        let directory = objectsDirectory.appendingPathComponent(String(hex.prefix(2)), isDirectory: true)
        let destination = directory.appendingPathComponent(String(hex.dropFirst(2)))
        defer { unlink(temporaryURL.path) }
        if mkdir(directory.path, 0o777) != 0, errno != EEXIST { throw GitKitError.cannotWrite(directory) }
        guard access(destination.path, F_OK) != 0 else { return }
        guard chmod(temporaryURL.path, 0o444) == 0, rename(temporaryURL.path, destination.path) == 0 else {
            throw GitKitError.cannotWrite(destination)
        }
    }

    /// One segment deflated on its own, as a piece of one raw deflate stream.
    struct Deflated: Sendable {
        var bytes: [UInt8]
        var adler: uLong
        var length: Int
    }

    /// Deflates `bytes` on `stream` (a raw deflate stream at zlib's fastest level, reset here) as if the
    /// `dictionary` bytes had just come before them, ending on a byte boundary with no final block (sync
    /// flush), or ending the stream when `last`.
    static func deflateSegment(_ bytes: [UInt8], primedWith dictionary: [UInt8], last: Bool, on stream: inout z_stream) throws -> Deflated {
        guard deflateReset(&stream) == Z_OK else { throw zlibFailure("deflateReset") }
        if !dictionary.isEmpty {
            let status = dictionary.withUnsafeBufferPointer {
                deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
            }
            guard status == Z_OK else { throw zlibFailure("deflateSetDictionary") }
        }
        // Room for text deflated to a third (the manifest deflates to a seventh); the loop below grows it
        // for content that deflates less. deflateBound's room for the worst case was 2.5 MB more memory
        // in a push's highest moment, its pages touched for nothing.
        var output = [UInt8](repeating: 0, count: bytes.count / 3 + 4_096)
        var produced = 0
        let flush = last ? Z_FINISH : Z_SYNC_FLUSH
        try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                if produced == output.count { output += [UInt8](repeating: 0, count: max(output.count / 2, 4_096)) }
                let room = output.count - produced
                let status = output.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = uInt(room)
                    return CGit2.deflate(&stream, flush)
                }
                produced += room - Int(stream.avail_out)
                if last ? status == Z_STREAM_END : (status == Z_OK && stream.avail_out > 0) { break }
                guard status == Z_OK || status == Z_BUF_ERROR else { throw zlibFailure("deflate") }
            }
        }
        stream.next_in = nil
        stream.next_out = nil
        output.removeLast(output.count - produced)
        let adler = bytes.withUnsafeBufferPointer { adler32_z(adler32(0, nil, 0), $0.baseAddress, $0.count) }
        return Deflated(bytes: output, adler: adler, length: bytes.count)
    }

    fileprivate static func zlibFailure(_ function: String) -> GitError {
        GitError(operation: function, code: -1, klass: 0, message: "zlib's \(function) failed (out of memory?)")
    }

    /// The segments deflated on other threads, by position, until written.
    fileprivate final class Results: @unchecked Sendable {
        private let condition = NSCondition()
        // Guarded by `condition`.
        private var done: [Int: Result<Deflated, any Error>] = [:]

        func store(_ result: Result<Deflated, any Error>, at index: Int) {
            condition.withLock {
                done[index] = result
                condition.broadcast()
            }
        }

        /// The segment at `index` (or its error) when it is done, waiting for it if `waiting`; nil when it
        /// is not done and not waited for.
        func take(_ index: Int, waiting: Bool) throws -> Deflated? {
            try condition.withLock {
                while waiting && done[index] == nil { condition.wait() }
                return done.removeValue(forKey: index)
            }?.get()
        }
    }
}

/// The threads that deflate a `LooseObjectWriter`'s segments: threads of their own, not Dispatch's pool
/// (the threads that call the writer and produce its pieces are usually the pool's, blocked on each
/// other, and on Linux the pool adds threads only slowly while its own are blocked: deflating the 36 MB
/// manifest took 0.9 s instead of 0.15 s). A few, started with the writer and kept for all its
/// segments, each with one zlib stream reset between them: a thread and a stream per segment left a
/// malloc arena per thread holding their buffers, ~10 MB more at the highest point of a push.
private final class Deflaters: @unchecked Sendable {
    struct Job {
        var index: Int
        var bytes: [UInt8]
        var dictionary: [UInt8]
        var last: Bool
    }

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var jobs: [Job] = []
    private var closed = false
    private let group = DispatchGroup()

    init(count: Int, results: LooseObjectWriter.Results, workerCPU: (@Sendable (Duration) -> Void)?) {
        for _ in 0..<count {
            group.enter()
            let thread = Thread { [self] in
                work(results: results, workerCPU: workerCPU)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    func submit(_ job: Job) {
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// Lets the threads end once the jobs submitted are done, and waits for them.
    func finish() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
        group.wait()
    }

    private func next() -> Job? {
        condition.withLock {
            while jobs.isEmpty && !closed { condition.wait() }
            return jobs.isEmpty ? nil : jobs.removeFirst()
        }
    }

    private func work(results: LooseObjectWriter.Results, workerCPU: (@Sendable (Duration) -> Void)?) {
        var stream = z_stream()
        let ready = grcsync_deflate_init_raw(&stream, Z_BEST_SPEED) == Z_OK
        defer { if ready { deflateEnd(&stream) } }
        while let job = next() {
            let started = ThreadCPUClock.now()
            results.store(Result {
                guard ready else { throw LooseObjectWriter.zlibFailure("deflateInit2") }
                return try LooseObjectWriter.deflateSegment(job.bytes, primedWith: job.dictionary, last: job.last, on: &stream)
            }, at: job.index)
            workerCPU?(ThreadCPUClock.now() - started)
        }
    }
}
