import Foundation
import GitKit
import Statements
import ServiceNow

/// Records a push in Git: a mirror commit whose tree is what ServiceNow returned, then the sync commit on
/// the branch that merges it — user commits are never rewritten.
struct PushRecorder {
    let workspace: Workspace

    /// Commits ServiceNow's returned records (and the renames carried from the branch) on the mirror.
    /// Returns the new tip, or `parent` when nothing changed. `parentManifest` is `parent`'s manifest when
    /// the caller has it already (decoding 100,000 entries again costs ~0.4 s). With `keepingManifestFile`
    /// the new manifest is also left in a file for `syncCommit` (the caller discards it if unused). With
    /// `keepingManifest`, the new tip's manifest comes back too, for a caller that goes on from that tip.
    func recordMirror(parent: ObjectID, parentManifest: consuming Manifest? = nil, records: [Record], renames: [PushSelection.Rename],
                      operation: String, summary: String, job: String, counts: (changed: Int, conflicts: Int),
                      keepingManifestFile: Bool = false, keepingManifest: Bool = false) throws -> RecordedMirror {
        let repository = workspace.repository
        var manifest = try parentManifest.take() ?? workspace.mirror.manifest(at: parent)
        var tree = try repository.commit(parent).tree
        if !renames.isEmpty {
            var updates: [TreeUpdate] = []
            for rename in renames {
                guard var entry = manifest.entry(path: rename.from), let blob = try repository.blobID(at: rename.from, in: tree)
                else { continue }
                manifest.remove(path: rename.from)
                entry.path = rename.to
                manifest.insert(entry)
                updates += [.remove(path: rename.from), .upsert(path: rename.to, blob: blob)]
            }
            updates.append(.upsert(path: Manifest.path, blob: try repository.writeBlob(manifest.jsonl())))
            tree = try repository.updateTree(tree, updates)
        }
        let snapshot = MirrorSnapshot(configuration: workspace.configuration, repository: repository)
        var result = try snapshot.apply(
            fetched: records, removed: [], manifest: consume manifest, baseTree: tree, keepingManifestFile: keepingManifestFile,
            keepingManifest: keepingManifest)
        let finalTree = result.tree ?? tree
        guard finalTree != (try repository.commit(parent).tree) else {
            result.manifestFile?.discard()
            return RecordedMirror(tip: parent, manifestFile: nil, manifest: result.manifest.take())
        }
        let tip = try workspace.mirror.record(
            tree: finalTree, parent: parent, summary: summary, body: PullService.body(result.changes),
            trailers: Trailers([
                (MirrorBranch.TrailerKey.instance, workspace.configuration.instance.absoluteString),
                (MirrorBranch.TrailerKey.operation, operation),
                (MirrorBranch.TrailerKey.format, workspace.configuration.format.rawValue),
                (MirrorBranch.TrailerKey.job, job),
                (MirrorBranch.TrailerKey.changed, "\(counts.changed)"),
                ("Grcsync-Conflicts", "\(counts.conflicts)"),
            ]))
        return RecordedMirror(tip: tip, manifestFile: result.manifestFile, manifest: result.manifest.take())
    }

    /// What `recordMirror` made: the mirror's new tip (the parent when nothing changed), the new manifest in
    /// a file when asked for, and the tip's manifest when asked for.
    struct RecordedMirror {
        var tip: ObjectID
        var manifestFile: PreparedFile?
        var manifest: Manifest?
    }

    /// The sync commit: HEAD's tree with the mirror's version of `paths` (what ServiceNow stored) and the
    /// mirror's manifest, with parents HEAD and the mirror commit. Moves the branch (compare-and-swap)
    /// and updates the index and work tree for the files whose content changed. Returns the commit and
    /// the paths whose files were rewritten. `manifestFile`, the mirror commit's manifest already in a
    /// file, is moved into the work tree instead of libgit2 writing the manifest from its blob.
    func syncCommit(head: ObjectID, branch: String, mirrorCommit: ObjectID, paths: [String], message: String,
                    manifestFile: PreparedFile? = nil) throws -> (commit: ObjectID, rewritten: [String])
    {
        let repository = workspace.repository
        let headTree = try repository.commit(head).tree
        let mirrorTree = try repository.commit(mirrorCommit).tree
        let tree: ObjectID
        let changes: [FileChange]
        let wanted = Set(paths + [Manifest.path])
        // The sync tree is the branch with the pushed paths as the mirror now has them. It is built from
        // the mirror's tree, which already holds them: the branch's own differences from it (its other
        // files, pushed paths the mirror lacks) are carried over — usually none, or a few (config.yaml)
        // — instead of 1,001 path lookups and 270 rewritten trees.
        let differences = try repository.changes(from: headTree, to: mirrorTree)
        let own = differences.filter { !wanted.contains($0.path) || $0.kind == .deleted }
        let pushed = differences.filter { wanted.contains($0.path) && $0.kind != .deleted }
        // A pushed file the branch made executable keeps that bit, a pushed path that is something else on
        // the branch (a symbolic link: libgit2 reports it deleted and added) becomes a file, and a pushed
        // path under a file of the branch's (or the reverse) fails: the sync tree is then built the long way.
        let longWay = try Self.overlaps(pushed.map(\.path), own.map(\.path))
            || pushed.contains { try repository.isExecutableFile(at: $0.path, in: headTree) }
        if !longWay {
            // With nothing of the branch's own to carry over, this is the mirror's tree itself.
            tree = try repository.tree(mirrorTree, takingPaths: own.map(\.path), from: headTree)
            changes = pushed
        } else {
            var updates: [TreeUpdate] = []
            for path in paths + [Manifest.path] {
                if let blob = try repository.blobID(at: path, in: mirrorTree) { updates.append(.upsert(path: path, blob: blob)) }
            }
            tree = try repository.updateTree(headTree, updates)
            changes = try repository.changes(from: headTree, to: tree)
        }
        // Files with uncommitted edits keep them: never overwrite work the user has not committed.
        let dirty = Set(try repository.status(of: paths + [Manifest.path]).map(\.path))
        let commit = try repository.createCommit(
            tree: tree, parents: [head, mirrorCommit], message: message, updatingReference: "refs/heads/\(branch)")
        let changed = changes.map(\.path).filter { !dirty.contains($0) || $0 == Manifest.path }
        if !changed.isEmpty {
            // These files are grcsync's (the manifest) or committed and unmodified: safe to bring up to date.
            try repository.checkout(tree: tree, paths: changed, force: true, prepared: manifestFile)
        }
        return (commit, changed.filter { $0 != Manifest.path })
    }

    /// Whether a path is in both lists, or a path of one list is a folder above a path of the other.
    static func overlaps(_ one: [String], _ other: [String]) -> Bool {
        func folders(_ paths: [String]) -> Set<Substring> {
            Set(paths.flatMap { path in path.indices.filter { path[$0] == "/" }.map { path[..<$0] } })
        }
        let oneSet = Set(one.map { Substring($0) }), otherSet = Set(other.map { Substring($0) })
        return !oneSet.isDisjoint(with: otherSet) || !folders(one).isDisjoint(with: otherSet)
            || !folders(other).isDisjoint(with: oneSet)
    }
}
