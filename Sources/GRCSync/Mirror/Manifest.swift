public import Foundation

/// The manifest: every statement file of the mirror and the record behind it, one JSON object per line,
/// sorted by path so that Git merges it line by line.
public struct Manifest: Sendable, Equatable {
    /// Where the manifest lives in a workspace tree.
    public static let path = ".grcsync/manifest.jsonl"

    /// Entries by path.
    public private(set) var entries: [String: ManifestEntry] = [:]

    public init(_ entries: [ManifestEntry] = []) {
        for entry in entries { self.entries[entry.path] = entry }
    }

    /// Entries in path order.
    public var sortedEntries: [ManifestEntry] { entries.values.sorted { $0.path < $1.path } }

    /// The entry of a record, by `sys_id`.
    public func entry(sysID: String) -> ManifestEntry? { bySysID[sysID] }

    /// The entry of a file, by path.
    public func entry(path: String) -> ManifestEntry? { entries[path] }

    private var bySysID: [String: ManifestEntry] {
        Dictionary(entries.values.map { ($0.sysID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds or replaces an entry (keyed by path).
    public mutating func insert(_ entry: ManifestEntry) { entries[entry.path] = entry }

    /// Removes the entry of a path.
    public mutating func remove(path: String) { entries[path] = nil }

    /// The `sys_id` → entry index, built once for callers that look up many records.
    public func indexBySysID() -> [String: ManifestEntry] { bySysID }

    /// Parses the manifest file; `origin` names it in errors (e.g. a commit id).
    public init(jsonl data: Data, origin: String) throws(ManifestError) {
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            do {
                insert(try decoder.decode(ManifestEntry.self, from: Data(line)))
            } catch {
                throw ManifestError(origin: origin, line: lineNumber, reason: "\(error)")
            }
        }
    }

    /// The file's bytes: one line per entry, keys in a fixed order, sorted by path, final newline.
    public func jsonl() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for entry in sortedEntries {
            // Encoding a struct of strings and ints cannot fail; a failure would be a programming error.
            guard let line = try? encoder.encode(entry) else { continue }
            out.append(line)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}

/// The manifest could not be read.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    public var origin: String
    public var line: Int
    public var reason: String

    public var description: String {
        "\(Manifest.path) in \(origin), line \(line), is not valid (\(reason)). The manifest is written only "
            + "by grcsync: if it was edited by hand or by a merge, restore it with "
            + "'git checkout servicenow/main -- \(Manifest.path)'."
    }
}
