import Foundation

/// A `git fast-import` stream of one commit holding given files, written to disk so that fast-import
/// is timed reading it, not waiting for this process to produce it.
struct FastImportStream {
    /// The branch the stream creates.
    static let branch = "refs/heads/import"

    /// Writes a stream of the files at `paths` (relative to `root`, read from disk) to `destination`.
    static func write(paths: [String], root: URL, to destination: URL) throws {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: destination)
        else { throw BenchmarkError.unexpected("cannot create \(destination.path)") }
        defer { try? handle.close() }
        let message = "Import the statements grcsync pulled\n"
        var buffer = Data()
        buffer.append(contentsOf: Array("commit \(branch)\ncommitter Benchmark <benchmark@example.com> 1704186000 +0000\n".utf8))
        buffer.append(contentsOf: Array("data \(message.utf8.count)\n\(message)".utf8))
        for path in paths {
            guard !path.contains("\n"), !path.hasPrefix("\"") else {
                throw BenchmarkError.unexpected("the path \(path) needs quoting in a fast-import stream")
            }
            let contents = try Data(contentsOf: root.appendingPathComponent(path))
            buffer.append(contentsOf: Array("M 100644 inline \(path)\ndata \(contents.count)\n".utf8))
            buffer.append(contents)
            buffer.append(0x0A)
            if buffer.count > 4 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: Array("\n".utf8))
        try handle.write(contentsOf: buffer)
    }
}
