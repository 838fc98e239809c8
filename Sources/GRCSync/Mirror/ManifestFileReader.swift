import Foundation
import GitKit

/// Reads the entries of a manifest file, on all cores when it is large: a 100,000-line manifest (~36 MB)
/// is cut at line boundaries into a few pieces per core, each parsed on its own thread, and the entries
/// come back in file order, so that the result is exactly that of reading line by line.
///
/// Lines in the shape `Manifest.jsonl()` writes are read by `ManifestLineParser`; any other line goes
/// through `JSONDecoder`, so older or hand-edited manifests load as before and invalid lines fail with
/// its reason.
enum ManifestFileReader {
    /// Below this size one thread reads the file (starting threads would cost more than they save).
    static let parallelThreshold = 1 << 20

    /// The entries of `data` in file order; `origin` names the file in errors.
    ///
    /// The pieces parse straight into the one array returned, each from the position its first line has
    /// in the file (lines are counted first, ~5 ms at 36 MB): pieces of their own, concatenated after,
    /// held a second copy of every entry (19 MB at 100,000 entries) at the moment the manifest's bytes
    /// were still held too. Blank lines leave gaps, closed in file order once every piece is done.
    static func entries(in data: Data, origin: String) throws(ManifestError) -> [ManifestEntry] {
        let wanted = data.count < parallelThreshold ? 1 : Processors.active * 2
        let (pieces, firstLines) = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let pieces = Self.pieces(of: bytes, count: wanted)
            var firstLines = [0]
            for piece in pieces.dropLast() { firstLines.append(firstLines[firstLines.count - 1] + lineCount(bytes, piece)) }
            return (pieces, firstLines)
        }
        let capacity = firstLines[firstLines.count - 1] + data.withUnsafeBytes { lineCount($0.bindMemory(to: UInt8.self), pieces[pieces.count - 1]) }
        var failure: ManifestError?
        let entries = [ManifestEntry](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let destination = Destination(base: buffer.baseAddress)
            let results = pieces.count == 1
                ? [read(data, pieces[0], into: destination, at: 0)]
                : concurrentMap(count: pieces.count) { read(data, pieces[$0], into: destination, at: firstLines[$0]) }
            var end = 0
            for (piece, result) in results.enumerated() {
                if let base = buffer.baseAddress, firstLines[piece] != end {
                    (base + end).moveInitialize(from: base + firstLines[piece], count: result.written)
                }
                end += result.written
                if failure == nil, let problem = result.failure {
                    failure = ManifestError(origin: origin, line: firstLines[piece] + problem.line, reason: problem.reason)
                }
            }
            if failure != nil {
                buffer.baseAddress?.deinitialize(count: end)
                end = 0
            }
            initialized = end
        }
        if let failure { throw failure }
        return entries
    }

    /// Where pieces write their entries: one buffer, each piece in its own range, read only after all
    /// of them are done.
    struct Destination: @unchecked Sendable {
        let base: UnsafeMutablePointer<ManifestEntry>?
    }

    /// What one piece held: how many entries it wrote, its number of lines, and the first line that
    /// failed (entries before it are written and counted).
    struct PieceResult: Sendable {
        var written = 0
        var lines = 0
        var failure: (line: Int, reason: String)?
    }

    /// The lines of `range`, as `read` numbers them: one per newline, plus an unterminated last line.
    static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard !range.isEmpty, let base = bytes.baseAddress else { return 0 }
        var count = 0
        var position = base + range.lowerBound
        let end = base + range.upperBound
        while position < end, let newline = memchr(position, Int32(UInt8(ascii: "\n")), end - position) {
            count += 1
            position = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return bytes[range.upperBound - 1] == UInt8(ascii: "\n") ? count : count + 1
    }

    /// Byte ranges that cover `bytes`, each ending just after a newline (or at the end of the file).
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        let wanted = max(1, count)
        var pieces: [Range<Int>] = []
        var start = 0
        for piece in 1...wanted {
            var end = piece == wanted ? bytes.count : max(start, bytes.count * piece / wanted)
            while end < bytes.count, end > 0, bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
            if end > start { pieces.append(start..<end) }
            start = end
        }
        return pieces.isEmpty ? [0..<0] : pieces
    }

    /// Parses the lines of `range` into `destination` from `offset` on, the way `Manifest.init(jsonl:origin:)`
    /// always has: empty lines are skipped, line numbers count them. It writes at most one entry per line.
    static func read(_ data: Data, _ range: Range<Int>, into destination: Destination, at offset: Int) -> PieceResult {
        var result = PieceResult()
        var decoder: JSONDecoder?
        var repeated = ManifestLineParser.RepeatedValues()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let all = raw.bindMemory(to: UInt8.self)
            guard let target = destination.base.map({ $0 + offset }) else { return }
            var start = range.lowerBound
            while start < range.upperBound {
                var end = start
                while end < range.upperBound, all[end] != UInt8(ascii: "\n") { end += 1 }
                result.lines += 1
                defer { start = end + 1 }
                if end == start { continue }
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                if let entry = ManifestLineParser.parse(line, repeated: &repeated) {
                    (target + result.written).initialize(to: entry)
                    result.written += 1
                    continue
                }
                let fallback = decoder ?? JSONDecoder()
                decoder = fallback
                do {
                    (target + result.written).initialize(to: try fallback.decode(ManifestEntry.self, from: Data(buffer: line)))
                    result.written += 1
                } catch {
                    result.failure = (result.lines, "\(error)")
                    return
                }
            }
        }
        return result
    }
}
