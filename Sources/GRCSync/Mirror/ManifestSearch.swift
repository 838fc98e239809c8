import Foundation

/// A few entries of a manifest file found by path in its bytes, without parsing the other lines.
///
/// A push of 1,000 statements needs the entries of the files it sends before its first request, and the
/// whole manifest only when it records the result: parsing 100,000 lines (~0.13 s on two cores) can run
/// beside the requests. A manifest written by `Manifest.jsonl()` has one line per path, in order, so a
/// path is found by binary search and only its line is parsed.
///
/// The search is used only after checking that every line holds its path the way `Manifest.jsonl()`
/// writes it (`"path":"…"`, ASCII, no escape) and that the paths strictly increase (a few ms for
/// 100,000 lines). Any other file — hand-edited, merged out of order, a path listed twice, a path beyond
/// ASCII (which String comparison may find equal to another spelling) — a path asked for beyond ASCII,
/// and a line only `JSONDecoder` reads get `.unknown`, and the caller reads the whole manifest: every
/// other answer is the one the full read gives.
struct ManifestSearch: Sendable {
    enum Answer: Equatable {
        case found(ManifestEntry)
        /// The manifest has no entry for the path.
        case absent
        case unknown
    }

    private let data: Data
    /// Where each line starts, and one past the end of the data.
    private let lineStarts: [Int]
    /// Whether every line is in the expected shape and the paths strictly increase.
    private let searchable: Bool

    init(_ data: Data) {
        self.data = data
        var starts = [0]
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            starts.reserveCapacity(bytes.count / 300 + 2)
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress,
                  let newline = memchr(base + offset, 0x0A, bytes.count - offset)
            {
                offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
            if starts.last != bytes.count { starts.append(bytes.count) }
        }
        lineStarts = starts
        searchable = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var previous: Range<Int>?
            for line in 0..<(starts.count - 1) {
                guard let path = Self.path(ofLine: line, starts: starts, in: bytes) else { return false }
                if let previous, Self.compare(bytes, previous, bytes, path) >= 0 { return false }
                previous = path
            }
            return true
        }
    }

    /// The entry whose path is `path`, as reading the whole file would give it.
    func entry(path: String) -> Answer {
        // Paths are compared as bytes, which for ASCII is what String comparison does.
        guard searchable, path.utf8.allSatisfy({ $0 < 0x80 }) else { return .unknown }
        let target = Array(path.utf8)
        return data.withUnsafeBytes { raw -> Answer in
            let bytes = raw.bindMemory(to: UInt8.self)
            return target.withUnsafeBufferPointer { target -> Answer in
                var low = 0, high = lineStarts.count - 1  // lines low..<high
                while low < high {
                    let middle = (low + high) / 2
                    guard let found = Self.path(ofLine: middle, starts: lineStarts, in: bytes) else { return .unknown }
                    let order = Self.compare(bytes, found, target, 0..<target.count)
                    if order < 0 {
                        low = middle + 1
                    } else if order > 0 {
                        high = middle
                    } else {
                        let end = Self.end(ofLine: middle, starts: lineStarts, in: bytes)
                        let line = UnsafeBufferPointer(rebasing: bytes[lineStarts[middle]..<end])
                        return ManifestLineParser.parse(line).map(Answer.found) ?? .unknown
                    }
                }
                return .absent
            }
        }
    }

    /// Where a line ends, its newline excluded.
    private static func end(ofLine line: Int, starts: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let end = starts[line + 1]
        return end > starts[line] && bytes[end - 1] == 0x0A ? end - 1 : end
    }

    /// Byte order of two ranges: negative, zero or positive.
    private static func compare(
        _ one: UnsafeBufferPointer<UInt8>, _ oneRange: Range<Int>, _ other: UnsafeBufferPointer<UInt8>, _ otherRange: Range<Int>
    ) -> Int {
        let common = min(oneRange.count, otherRange.count)
        if common > 0, let a = one.baseAddress, let b = other.baseAddress {
            let order = memcmp(a + oneRange.lowerBound, b + otherRange.lowerBound, common)
            if order != 0 { return Int(order) }
        }
        return oneRange.count - otherRange.count
    }

    private static let pathKey = Array("\"path\":\"".utf8)

    /// Where a line's path is, read from its `"path":"…"` as `Manifest.jsonl()` writes it; nil for
    /// anything else: no such key, an escape or a byte beyond ASCII in the value.
    private static func path(ofLine line: Int, starts: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let start = starts[line], end = end(ofLine: line, starts: starts, in: bytes)
        guard end > start, bytes[start] == UInt8(ascii: "{"), let base = bytes.baseAddress else { return nil }
        var keyStart = start + 1
        while keyStart + pathKey.count <= end,
              bytes[keyStart] != UInt8(ascii: "\"") || memcmp(base + keyStart, pathKey, pathKey.count) != 0
        {
            keyStart += 1
        }
        guard keyStart + pathKey.count <= end else { return nil }
        let valueStart = keyStart + pathKey.count
        var valueEnd = valueStart
        while valueEnd < end, bytes[valueEnd] != UInt8(ascii: "\"") {
            if bytes[valueEnd] == UInt8(ascii: "\\") || bytes[valueEnd] >= 0x80 { return nil }
            valueEnd += 1
        }
        return valueEnd < end ? valueStart..<valueEnd : nil
    }
}
