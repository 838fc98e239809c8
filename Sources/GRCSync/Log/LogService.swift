import Foundation
import GitKit

/// `grcsync log`: the pulls and pushes recorded in the mirror branch, newest first.
public struct LogService {
    let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public func run(limit: Int? = nil) throws -> [LogEntry] {
        guard let tip = try workspace.mirror.tip().commit else { return [] }
        let formatter = ISO8601DateFormatter()
        var entries: [LogEntry] = []
        for commit in try workspace.repository.commits(from: tip, firstParentOnly: true) {
            if let limit, entries.count >= limit { break }
            let trailers = Trailers(message: commit.message)
            guard let operation = trailers[MirrorBranch.TrailerKey.operation] else { continue }
            entries.append(
                LogEntry(
                    commit: commit.id.hex, date: formatter.string(from: commit.committer.date),
                    who: "\(commit.committer.name) <\(commit.committer.email)>", operation: operation,
                    job: trailers[MirrorBranch.TrailerKey.job],
                    added: Int(trailers[MirrorBranch.TrailerKey.added] ?? "") ?? 0,
                    changed: Int(trailers[MirrorBranch.TrailerKey.changed] ?? "") ?? 0,
                    removed: Int(trailers[MirrorBranch.TrailerKey.removed] ?? "") ?? 0,
                    summary: commit.summary,
                    push: trailers[MirrorBranch.TrailerKey.job].flatMap { job in
                        operation == "push" ? PushJobRecord.load(job: job, in: workspace.stateDirectory) : nil
                    }))
        }
        return entries
    }
}
