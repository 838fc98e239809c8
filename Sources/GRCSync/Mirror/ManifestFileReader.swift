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
    static func entries(in data: Data, origin: String) throws(ManifestError) -> [ManifestEntry] {
        let wanted = data.count < parallelThreshold ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        let pieces = data.withUnsafeBytes { Self.pieces(of: $0.bindMemory(to: UInt8.self), count: wanted) }
        let results = pieces.count == 1 ? [read(data, pieces[0])] : concurrentMap(count: pieces.count) { read(data, pieces[$0]) }
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(results.reduce(0) { $0 + $1.entries.count })
        var linesBefore = 0
        for result in results {
            if let failure = result.failure {
                throw ManifestError(origin: origin, line: linesBefore + failure.line, reason: failure.reason)
            }
            entries += result.entries
            linesBefore += result.lines
        }
        return entries
    }

    /// What one piece held: its entries, its number of lines, and the first line that failed.
    struct PieceResult: Sendable {
        var entries: [ManifestEntry] = []
        var lines = 0
        var failure: (line: Int, reason: String)?
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

    /// Parses the lines of `range`, the way `Manifest.init(jsonl:origin:)` always has: empty lines are
    /// skipped, line numbers count them.
    static func read(_ data: Data, _ range: Range<Int>) -> PieceResult {
        var result = PieceResult()
        var decoder: JSONDecoder?
        var repeated = ManifestLineParser.RepeatedValues()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let all = raw.bindMemory(to: UInt8.self)
            result.entries.reserveCapacity(range.count / 300)
            var start = range.lowerBound
            while start < range.upperBound {
                var end = start
                while end < range.upperBound, all[end] != UInt8(ascii: "\n") { end += 1 }
                result.lines += 1
                defer { start = end + 1 }
                if end == start { continue }
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                if let entry = ManifestLineParser.parse(line, repeated: &repeated) {
                    result.entries.append(entry)
                    continue
                }
                let fallback = decoder ?? JSONDecoder()
                decoder = fallback
                do {
                    result.entries.append(try fallback.decode(ManifestEntry.self, from: Data(buffer: line)))
                } catch {
                    result.failure = (result.lines, "\(error)")
                    return
                }
            }
        }
        return result
    }
}
