import Dispatch
import Foundation
import GitKit
import ServiceNow
import Statements

/// Builds the next mirror tree from what ServiceNow returned: statement files rendered in the
/// workspace's format, at paths that never move once given, and the manifest that maps them.
struct MirrorSnapshot {
    let configuration: Configuration
    let repository: Repository

    /// The fields a listing asks for: just enough to see what changed.
    static let listingFields = ["sys_id", "sys_mod_count", "sys_updated_on"]

    /// The fields fetched for a record whose content is needed.
    var contentFields: [String] {
        var fields = ["sys_id", "sys_mod_count", "sys_updated_on", "sys_updated_by", configuration.statementField]
        for field in [configuration.systemField, configuration.controlField, configuration.titleField]
        where !fields.contains(field) {
            fields.append(field)
        }
        return fields
    }

    /// The records whose content must be fetched (new, or `sys_mod_count` moved) and the manifest
    /// entries whose records are gone from the listing.
    static func plan(listing: [Record], manifest: Manifest) -> (fetch: [String], removed: [ManifestEntry]) {
        let known = manifest.indexBySysID()
        var fetch: [String] = []
        var seen = Set<String>()
        for record in listing {
            guard let sysID = record.sysID, seen.insert(sysID).inserted else { continue }
            if known[sysID]?.modCount != record.modCount { fetch.append(sysID) }
        }
        let removed = manifest.sortedEntries.filter { !seen.contains($0.sysID) }
        return (fetch, removed)
    }

    struct Result {
        var tree: ObjectID?
        var manifest: Manifest
        var changes: [PullReport.Change]
        var keptAsHTML: [PullReport.KeptAsHTML]
    }

    /// Applies fetched records and removals to the mirror's tree. `tree` is nil when nothing changed.
    func apply(fetched: [Record], removed: [ManifestEntry], manifest old: Manifest, baseTree: ObjectID?)
        throws -> Result
    {
        var manifest = old
        var updates: [TreeUpdate] = []
        var changes: [PullReport.Change] = []
        var kept: [PullReport.KeptAsHTML] = []
        var taken = Set(old.entries.keys.map { $0.lowercased() })
        let known = old.indexBySysID()

        for entry in removed {
            updates.append(.remove(path: entry.path))
            manifest.remove(path: entry.path)
            changes.append(.init(kind: .removed, statement: StatementRef(entry), updatedBy: nil))
        }
        let records = fetched.filter { $0.sysID != nil }.sorted { ($0.sysID ?? "") < ($1.sysID ?? "") }
        let renderedRecords = Self.render(
            records.map { $0[configuration.statementField] ?? "" }, as: configuration.format)
        let baseBlobs = try baseBlobIDs(baseTree, lookups: records.count)
        for (record, rendered) in zip(records, renderedRecords) {
            guard let sysID = record.sysID else { continue }
            let previous = known[sysID]
            var path: String
            if let previous {
                path = previous.path
                if !path.hasSuffix("." + rendered.fileExtension) {
                    // The statement moved between .md and .html: same name, new extension.
                    updates.append(.remove(path: path))
                    manifest.remove(path: path)
                    taken.remove(path.lowercased())
                    path = StatementPath.replacingExtension(of: path, with: rendered.fileExtension)
                    taken.insert(path.lowercased())
                }
            } else {
                path = StatementPath.make(
                    system: record[configuration.systemField] ?? "",
                    control: record[configuration.controlField] ?? sysID,
                    fileExtension: rendered.fileExtension, taken: &taken)
            }
            if let reason = rendered.keptAsHTMLReason { kept.append(.init(path: path, reason: reason)) }
            let blob = try repository.writeBlob(Data(rendered.contents.utf8))
            let entry = ManifestEntry(
                path: path, table: configuration.table, sysID: sysID, field: configuration.statementField,
                format: rendered.fileExtension == StatementFormat.markdown.fileExtension ? .markdown : .html,
                modCount: record.modCount ?? 0, updatedOn: record.updatedOn ?? "",
                updatedBy: record["sys_updated_by"] ?? "",
                system: record[configuration.systemField] ?? "", control: record[configuration.controlField] ?? "",
                title: record[configuration.titleField] ?? "")
            manifest.insert(entry)
            let oldBlob = try baseBlobs.map { $0[path] } ?? baseTree.flatMap { try repository.blobID(at: path, in: $0) }
            if oldBlob != blob {
                updates.append(.upsert(path: path, blob: blob))
                changes.append(
                    .init(kind: previous == nil ? .added : .changed, statement: StatementRef(entry),
                          updatedBy: entry.updatedBy.isEmpty ? nil : entry.updatedBy))
            }
        }
        guard manifest != old || !updates.isEmpty else {
            return Result(tree: nil, manifest: old, changes: [], keptAsHTML: kept)
        }
        updates.append(.upsert(path: Manifest.path, blob: try repository.writeBlob(manifest.jsonl())))
        let tree = try repository.updateTree(baseTree, updates)
        return Result(tree: tree, manifest: manifest, changes: changes, keptAsHTML: kept)
    }

    /// The base tree's blob ids by path, read in one walk when many paths will be looked up (one
    /// `blobID(at:in:)` per record walks the tree from the root each time); nil for few lookups.
    private func baseBlobIDs(_ baseTree: ObjectID?, lookups: Int) throws -> [String: ObjectID]? {
        guard let baseTree, lookups > 256 else { return nil }
        var blobs: [String: ObjectID] = [:]
        for file in try repository.files(in: baseTree) { blobs[file.path] = file.blob }
        return blobs
    }

    /// Renders every statement, in parallel: rendering is pure and CPU-bound, and ~93 % of a first pull's
    /// ingest. The result is in the order of `sources`, so everything after it stays deterministic.
    static func render(_ sources: [String], as format: StatementFormat) -> [RenderedStatement] {
        guard let first = sources.first else { return [] }
        // The first render, on this thread, runs libxml2's and cmark-gfm's one-time initialisation before
        // any other thread parses.
        let head = StatementRenderer.render(html: first, as: format)
        let rest = sources.count - 1
        guard rest > 0 else { return [head] }
        let slots = RenderSlots(count: rest)
        // A few chunks per core, so that a core finishing early picks up more work.
        let chunks = min(rest, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in (rest * chunk / chunks)..<(rest * (chunk + 1) / chunks) {
                slots.store(StatementRenderer.render(html: sources[index + 1], as: format), at: index)
            }
        }
        return [head] + slots.values()
    }
}

/// The results of a parallel render: each slot is written by exactly one iteration of
/// `concurrentPerform`, and read only after it has returned, so no two threads touch the same memory.
private final class RenderSlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<RenderedStatement?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: RenderedStatement, at index: Int) { buffer[index] = value }

    /// Every slot's value; all were stored when this is called.
    func values() -> [RenderedStatement] { buffer.compactMap { $0 } }
}
