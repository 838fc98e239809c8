import Foundation
import GitKit
import ServiceNow
import Statements

/// Turns fetched records into the next mirror tree, one batch at a time, so that a first pull of
/// 100,000 statements holds only the batches in flight, never all the records or all the files.
///
/// `add(_:)` renders a batch on all cores and stores each statement as a blob at once; what it keeps per
/// record is small (the blob id and the manifest fields). `finish` then gives every record its path — in
/// `sys_id` order, so the names chosen for colliding controls do not depend on the order the batches
/// arrived in — and writes the manifest and the tree. Many new statements go into one pack file
/// (`PackWriter`), a few into loose objects, as `git fetch` does (its `transfer.unpackLimit` is 100).
final class MirrorIngest {
    /// From this many records on, blobs go into a pack instead of loose object files.
    static let packThreshold = 100

    /// What is kept of a record once its statement is stored, besides its manifest entry (in `entries`,
    /// at the same position; its path comes in `finish`). Never the record itself: a copy of 100,000
    /// records' dictionaries was the largest thing a first pull held.
    private struct Item {
        /// What names a new file: the control, or the `sys_id` when the record has no control field.
        var name: String
        var blob: ObjectID
        var fileExtension: String
        var keptAsHTMLReason: String?
    }

    /// One statement rendered and, when packing, already hashed and deflated (off the calling thread).
    private struct Prepared: Sendable {
        var rendered: RenderedStatement
        var packed: PackWriter.PreparedBlob?
    }

    private let configuration: Configuration
    private let repository: Repository
    private var pack: PackWriter?
    /// The records' manifest entries, kept apart from the rest of their items so that a first pull can
    /// give them to the manifest as they are (`build`).
    private var entries: [ManifestEntry] = []
    private var items: [Item] = []
    private let clock = ContinuousClock()
    /// Time spent rendering and writing so far (the ingest's own work, excluding the network's).
    private(set) var busy: Duration = .zero
    /// The CPU time of that work, over all the threads that did it.
    let cpu = CPUTime()

    /// The `sys_id`s added so far (until `finish`).
    private(set) var sysIDs = Set<String>()
    /// One copy of each system name, control title, author and timestamp: thousands of records share
    /// each of them (a control's title is the same in every system; 8 MB at 100,000 statements). Keyed
    /// by bytes: each record keeps its own spelling.
    private var interned = Set<ExactString>()

    /// An ingest expecting about `expected` records (it decides between a pack and loose objects).
    init(configuration: Configuration, repository: Repository, expected: Int) throws {
        self.configuration = configuration
        self.repository = repository
        pack = expected >= Self.packThreshold ? try PackWriter(repository: repository) : nil
        entries.reserveCapacity(expected)
        items.reserveCapacity(expected)
    }

    /// Renders and stores one batch of records; records without a `sys_id` are ignored.
    func add(_ records: [Record]) throws {
        let started = clock.now
        defer { busy += clock.now - started }
        let records = records.filter { $0.sysID != nil }
        let field = configuration.statementField, format = configuration.format, packing = pack != nil
        let cpu = self.cpu
        let prepared = parallelMap(records.map { $0[field] ?? "" }, countingCPUIn: cpu) { html -> Prepared in
            Self.prepare(html, as: format, packing: packing)
        }
        try cpu.count { try store(records, prepared, field: field) }
    }

    /// Renders one statement and, when packing, hashes and deflates it: pure, runs on any thread.
    private static func prepare(_ html: String, as format: StatementFormat, packing: Bool) -> Prepared {
        let rendered = StatementRenderer.render(html: html, as: format)
        guard packing else { return Prepared(rendered: rendered, packed: nil) }
        // Packed statements need no contents later: only the pack entry is kept.
        return Prepared(
            rendered: RenderedStatement(fileExtension: rendered.fileExtension, contents: "",
                                        keptAsHTMLReason: rendered.keptAsHTMLReason),
            packed: PackWriter.prepare(rendered.contents.utf8))
    }

    private func store(_ records: [Record], _ prepared: [Prepared], field: String) throws {
        for (record, statement) in zip(records, prepared) {
            guard let sysID = record.sysID else { continue }
            let blob: ObjectID
            if let pack, let packed = statement.packed {
                try pack.add(packed)
                blob = packed.id
            } else {
                blob = try repository.writeBlob(Data(statement.rendered.contents.utf8))
            }
            let fileExtension = statement.rendered.fileExtension
            let entry = ManifestEntry(
                path: "", table: configuration.table, sysID: sysID, field: field,
                format: fileExtension == StatementFormat.markdown.fileExtension ? .markdown : .html,
                modCount: record.modCount ?? 0, updatedOn: intern(record.updatedOn ?? ""),
                updatedBy: intern(record["sys_updated_by"] ?? ""), system: intern(record[configuration.systemField] ?? ""),
                control: record[configuration.controlField] ?? "", title: intern(record[configuration.titleField] ?? ""))
            entries.append(entry)
            items.append(Item(name: record[configuration.controlField] ?? sysID, blob: blob, fileExtension: fileExtension,
                              keptAsHTMLReason: statement.rendered.keptAsHTMLReason))
            sysIDs.insert(sysID)
        }
    }

    private func intern(_ value: String) -> String {
        // A string of up to 15 bytes is held inside its `String`, with nothing to share.
        guard value.utf8.count > 15 else { return value }
        return interned.insert(ExactString(value)).memberAfterInsert.value
    }

    /// Gives the records their paths, applies `removed`, and writes the manifest and the tree on top of
    /// `baseTree`. The tree is nil when nothing changed.
    /// `manifest` is the mirror's manifest so far; it is updated in place (consumed, so that a pull of
    /// 100,000 statements never holds an old and a new copy of it). With `keepingManifestFile`, the new
    /// manifest's bytes are also written to a file, for the checkout that follows (`Result.manifestFile`).
    /// With `keepingManifest`, the updated manifest comes back in `Result.manifest` (a push that goes on
    /// from this commit needs it), unless it started empty (a first pull's is only written).
    func finish(removed: [ManifestEntry], manifest: consuming Manifest, baseTree: ObjectID?,
                keepingManifestFile: Bool = false, keepingManifest: Bool = false) throws -> MirrorSnapshot.Result {
        let started = clock.now
        let cpuStarted = ThreadCPUClock.now()
        defer {
            busy += clock.now - started
            cpu.add(ThreadCPUClock.now() - cpuStarted)
        }
        // Neither is asked about again; at 100,000 records they are ~6 MB held through the checkout.
        sysIDs = []
        interned = []
        // The fetch's decoded responses, freed batch by batch, left free pages in the arenas of the
        // threads that decoded them (~14 MB after a first pull of 100,000): given back before the build
        // allocates the paths, the tree updates and the manifest's bytes.
        FreedMemory.release()
        var manifest = manifest
        let startedEmpty = manifest.count == 0
        var result = try build(removed: removed, manifest: &manifest, baseTree: baseTree, keepingManifestFile: keepingManifestFile)
        if keepingManifest, !startedEmpty {
            result.manifest = consume manifest
        } else {
            Self.discardInBackground(consume manifest)
        }
        return result
    }

    /// Frees `value` on another thread: tearing down a 100,000-entry manifest takes ~0.1 s that the
    /// caller need not wait for. The memory freed is then given back to the system
    /// (`FreedMemory.release`), before the checkout that follows a pull allocates its own.
    private static func discardInBackground<Value: Sendable>(_ value: consuming Value) {
        let retired = Retired(value)
        DispatchQueue.global(qos: .utility).async {
            retired.value = nil
            FreedMemory.release()
        }
    }

    private func build(removed: [ManifestEntry], manifest: inout Manifest, baseTree: ObjectID?,
                       keepingManifestFile: Bool) throws -> MirrorSnapshot.Result {
        // The records in `sys_id` order, as positions in `entries` and `items`.
        let order = entries.indices.sorted { entries[$0].sysID < entries[$1].sysID }
        // A first pull (an empty manifest, nothing removed, each record once) hands the new entries to
        // the manifest as they are, their paths filled in, instead of copying them into it: 16 MB less
        // at 100,000 statements, at the peak of the pull's build.
        let adopting = manifest.count == 0 && removed.isEmpty
            && !zip(order, order.dropFirst()).contains { entries[$0].sysID == entries[$1].sysID }
        if !adopting {
            // Room for the records that are new. Changed records replace their entries: reserving room
            // for them too grew the tables of 100,000 entries by a few, a copy of all three (~27 MB) held
            // beside the originals while it was made — the peak of a push of 1,000.
            manifest.reserveCapacity(manifest.count + entries.count { manifest.entry(sysID: $0.sysID) == nil })
        }
        var updates: [TreeUpdate] = []
        // The entries whose statement changed, by position, for the report's changes: made once the
        // items, the names in use, the tree updates and the pack's index are gone (~15 MB at 100,000).
        var changedPositions: [(position: Int32, kind: PullReport.Change.Kind)] = []
        var kept: [PullReport.KeptAsHTML] = []
        // The paths in use, compared ignoring case, for new names only: built on the first new record
        // (a pull or push of changed records never needs it).
        var taken: Set<CaseFoldedPath>?
        // Each system's folder, named once (a system has hundreds of statements); by bytes, as names are.
        var folders: [ExactString: String] = [:]
        var changed = false

        for entry in removed {
            updates.append(.remove(path: entry.path))
            changed = manifest.remove(path: entry.path) || changed
        }
        let baseBlobs = try baseBlobIDs(baseTree, lookups: entries.count)
        updates.reserveCapacity(updates.count + entries.count + 1)
        changedPositions.reserveCapacity(entries.count)
        for position in order {
            let item = items[position]
            var entry = entries[position]
            // Each record comes once and new records only take free paths, so the manifest still holds
            // the record's previous entry here.
            let previous = adopting ? nil : manifest.entry(sysID: entry.sysID)
            if let previous {
                entry.path = previous.path
                if !entry.path.hasSuffix("." + item.fileExtension) {
                    // The statement moved between .md and .html: same name, new extension.
                    updates.append(.remove(path: entry.path))
                    changed = manifest.remove(path: entry.path) || changed
                    taken?.remove(CaseFoldedPath(entry.path))
                    entry.path = StatementPath.replacingExtension(of: entry.path, with: item.fileExtension)
                    taken?.insert(CaseFoldedPath(entry.path))
                }
            } else {
                // Removed records' paths stay taken for this snapshot, as they were before.
                var names = taken ?? Self.pathsInUse(manifest, removed, room: entries.count)
                taken = nil
                let system = ExactString(entry.system)
                let folder: String
                if let named = folders[system] {
                    folder = named
                } else {
                    folder = StatementPath.folder(system: entry.system)
                    folders[system] = folder
                }
                entry.path = StatementPath.make(
                    inFolder: folder, control: item.name, fileExtension: item.fileExtension, taken: &names)
                taken = names
            }
            if let reason = item.keptAsHTMLReason { kept.append(.init(path: entry.path, reason: reason)) }
            entries[position].path = entry.path
            if !adopting { changed = manifest.insert(entry) || changed }
            let oldBlob = try baseBlobs.map { $0.isEmpty ? nil : $0[entry.path] }
                ?? baseTree.flatMap { try repository.blobID(at: entry.path, in: $0) }
            if oldBlob != item.blob {
                updates.append(.upsert(path: entry.path, blob: item.blob))
                changedPositions.append((Int32(position), previous == nil ? .added : .changed))
            }
        }
        items = []
        taken = nil
        // Adopted, the new entries are the new manifest: written as they are, never indexed.
        let adopted = adopting ? entries : nil
        if let adopted, !adopted.isEmpty { changed = true }
        guard changed || !updates.isEmpty else {
            entries = []
            try finishPack(inOrderOf: nil)
            return MirrorSnapshot.Result(tree: nil, changes: ChangeList(), keptAsHTML: kept)
        }
        // The manifest's blob (~0.3 s at 100,000: serialising, SHA-1, zlib) is written on another thread
        // while this one writes the statements' trees; the root is then written again with it (the first
        // root, a few entries, is left unreferenced). A copy of its bytes, when asked for, lets the checkout
        // that follows move the file into place instead of libgit2 inflating the 36 MB blob to write it.
        let copy = keepingManifestFile ? repository.gitDirectory.appendingPathComponent("grcsync/manifest.next") : nil
        let manifestBlob = Self.writeInBackground(
            { [manifest] in adopted.map(Manifest.jsonlPieces(of:)) ?? manifest.jsonlPieces() },
            into: repository.gitDirectory, copy: copy, cpu: cpu)
        let statementsTree = try repository.updateTree(baseTree, updates)
        updates = []
        // Trees may name blobs not yet readable; nothing reads the new ones before the checkout.
        try finishPack(inOrderOf: statementsTree)
        let changes = ChangeList(removed: removed, changed: changedPositions, of: entries)
        entries = []
        let blob = try manifestBlob()
        let tree = try repository.updateTree(statementsTree, [.upsert(path: Manifest.path, blob: blob)])
        return MirrorSnapshot.Result(
            tree: tree, changes: changes, keptAsHTML: kept,
            manifestFile: copy.map { PreparedFile(path: Manifest.path, blob: blob, file: $0) })
    }

    /// The paths of `manifest` and of `removed` (which stay taken for this snapshot), with room for
    /// `room` more: the table grows once, not step by step with old and new tables held together.
    private static func pathsInUse(_ manifest: Manifest, _ removed: [ManifestEntry], room: Int) -> Set<CaseFoldedPath> {
        var paths = Set<CaseFoldedPath>(minimumCapacity: manifest.count + removed.count + room)
        for entry in manifest.unorderedEntries { paths.insert(CaseFoldedPath(entry.path)) }
        for entry in removed { paths.insert(CaseFoldedPath(entry.path)) }
        return paths
    }

    /// Makes the packed blobs readable, written in the order of `tree` (see `PackWriter.finish`).
    private func finishPack(inOrderOf tree: ObjectID?) throws {
        guard let pack else { return }
        self.pack = nil
        try pack.finish(inOrderOf: tree)
    }

    /// The manifest file's size and bytes (`Manifest.jsonlPieces`), made on the thread that writes them.
    private typealias ManifestPieces = @Sendable () -> (
        size: Int, write: @Sendable ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    )

    /// Starts writing the manifest as a blob on another thread, through a repository handle of its own
    /// (and the same bytes into the file `copy`, when given); the returned function waits for the blob's
    /// id (or rethrows the first error). Its CPU time is added to `cpu`.
    private static func writeInBackground(_ manifest: @escaping ManifestPieces, into gitDirectory: URL, copy: URL?, cpu: CPUTime)
        -> () throws -> ObjectID
    {
        let outcome = BackgroundOutcome<ObjectID>()
        DispatchQueue.global(qos: .userInitiated).async {
            outcome.finish(Result {
                do {
                    return try write(manifest, into: gitDirectory, copy: copy, cpu: cpu)
                } catch {
                    if let copy { try? FileManager.default.removeItem(at: copy) }
                    throw error
                }
            })
        }
        return { try outcome.wait() }
    }

    /// Writes the manifest as a blob (and into `copy`): serialised on one more thread while this one
    /// hashes it and others deflate it (`Repository.writeBlob(size:workerCPU:_:)`).
    private static func write(_ manifest: ManifestPieces, into gitDirectory: URL, copy: URL?, cpu: CPUTime) throws -> ObjectID {
        try cpu.count {
            let repository = try Repository.open(at: gitDirectory)
            let copyHandle = try copy.map(Self.create)
            defer { try? copyHandle?.close() }
            let file = manifest()
            // The threads that deflate it count too.
            let blob = try repository.writeBlob(size: file.size, workerCPU: { cpu.add($0) }) { write in
                try PiecePipeline.run(
                    produce: { piece in
                        try cpu.count {
                            try file.write { bytes in
                                try copyHandle?.write(contentsOf: bytes)
                                try piece(bytes)
                            }
                        }
                    },
                    consume: write)
            }
            try copyHandle?.close()
            return blob
        }
    }

    /// An empty file at `url` (truncating any left by an interrupted command), open for writing.
    private static func create(_ url: URL) throws -> FileHandle {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw GitKitError.cannotWrite(url) }
        return try FileHandle(forWritingTo: url)
    }

    /// The base tree's blob ids by path, read in one walk when very many paths will be looked up; nil
    /// otherwise, and each record's path is looked up on its own (a few tree levels: a pull of 1,000
    /// changes in 100,000 statements should not walk all 100,000).
    private func baseBlobIDs(_ baseTree: ObjectID?, lookups: Int) throws -> [String: ObjectID]? {
        guard let baseTree, lookups > 20_000 else { return nil }
        var blobs: [String: ObjectID] = [:]
        for file in try repository.files(in: baseTree) { blobs[file.path] = file.blob }
        return blobs
    }
}

/// A value handed to another thread to be freed there.
private final class Retired<Value: Sendable>: @unchecked Sendable {
    // Set once here, cleared once on the thread that frees it.
    var value: Value?

    init(_ value: consuming Value) { self.value = value }
}

/// The result of work done on another thread, waited for once.
private final class BackgroundOutcome<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once before `done` is signalled, read only after waiting on it.
    private var result: Result<Value, any Error>?

    func finish(_ result: Result<Value, any Error>) {
        self.result = result
        done.signal()
    }

    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
