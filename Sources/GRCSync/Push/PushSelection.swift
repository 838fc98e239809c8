import Foundation
import GitKit
import Statements

/// Which statements a push sends: those that differ between the mirror tip and HEAD, narrowed by paths
/// or control ids; and which files it leaves alone, with the reason.
struct PushSelection {
    /// A statement to send.
    struct Candidate {
        var path: String
        var entry: ManifestEntry
        var blob: ObjectID
        /// The workspace file's contents (as committed in HEAD).
        var contents: String
        /// What is sent to ServiceNow.
        var html: String
        var statement: StatementRef { StatementRef(path: path, control: entry.control, system: entry.system, title: entry.title, sysID: entry.sysID) }

        /// The change against ServiceNow's version in the mirror tree (at the mirror's path, which a
        /// committed `git mv` may have changed): Git's unified form, or a word diff.
        func diff(against mirrorTree: ObjectID, in repository: Repository, word: Bool = false) throws -> String {
            let old = try repository.blobID(at: entry.path, in: mirrorTree).map { try repository.blobData($0) }
            if word {
                return WordDiff.render(old: String(decoding: old ?? Data(), as: UTF8.self), new: contents)
            }
            return try repository.unifiedDiff(oldPath: entry.path, old: old, newPath: path, new: Data(contents.utf8))
        }
    }

    /// A committed `git mv` of a statement with no content change: not a change to push, but the mirror
    /// follows the new path.
    struct Rename {
        var from: String
        var to: String
    }

    var candidates: [Candidate] = []
    var renames: [Rename] = []
    var refused: [PushReport.Refusal] = []

    init(repository: Repository, baseTree: ObjectID, headTree: ObjectID, manifest: Manifest, paths: [String], controls: [String]) throws {
        let wantedControls = Set(controls.map { $0.uppercased() })
        func wanted(_ path: String, _ entry: ManifestEntry?) -> Bool {
            if paths.isEmpty && controls.isEmpty { return true }
            let byPath = paths.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            let byControl = entry.map { wantedControls.contains($0.control.uppercased()) } ?? false
            return byPath || byControl
        }
        for change in try repository.changes(from: baseTree, to: headTree, detectRenames: true)
        where StatementPath.isStatement(change.path) || (change.oldPath.map(StatementPath.isStatement) ?? false) {
            let entry = manifest.entry(path: change.oldPath ?? change.path)
            guard wanted(change.path, entry) || (change.oldPath.map { wanted($0, entry) } ?? false) else { continue }
            switch change.kind {
            case .added:
                refused.append(.init(path: change.path, reason: "new file: push does not create records in ServiceNow; create the control there, pull, and move your text into its file"))
            case .deleted:
                refused.append(.init(path: change.path, reason: "deleted: push does not delete records; restore it with 'git checkout servicenow/main -- \(change.path)'"))
            case .modified, .typeChanged, .renamed:
                guard let entry, let blob = change.newBlob else {
                    refused.append(.init(path: change.path, reason: "no record in the manifest for this file"))
                    continue
                }
                if change.kind == .renamed, let from = change.oldPath {
                    renames.append(Rename(from: from, to: change.path))
                    if change.oldBlob == change.newBlob { continue }
                }
                let contents = String(decoding: try repository.blobData(blob), as: UTF8.self)
                let fileExtension = (change.path as NSString).pathExtension
                do {
                    let html = try StatementRenderer.html(fromFileContents: contents, fileExtension: fileExtension)
                    candidates.append(Candidate(path: change.path, entry: entry, blob: blob, contents: contents, html: html))
                } catch {
                    refused.append(.init(path: change.path, reason: "cannot be converted to HTML: \(error)"))
                }
            }
        }
    }
}
