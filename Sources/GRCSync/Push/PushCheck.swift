import ServiceNow
import Statements

/// The check before writing, in batches (never one request per statement): a record whose
/// `sys_mod_count` moved since the manifest is a conflict; one whose content already equals ours is in
/// sync; one that is gone cannot be written; the rest are written.
struct PushCheck {
    struct Write {
        var candidate: PushSelection.Candidate
        var baseModCount: Int
    }

    struct Conflict {
        var candidate: PushSelection.Candidate
        var remote: Record
        var detail: String
    }

    struct InSync {
        var candidate: PushSelection.Candidate
        var remote: Record
    }

    struct Outcome {
        var toWrite: [Write] = []
        var conflicts: [Conflict] = []
        var inSync: [InSync] = []
        var gone: [PushSelection.Candidate] = []
    }

    let workspace: Workspace
    let client: ServiceNowClient

    func run(_ candidates: [PushSelection.Candidate], manifest: Manifest) async throws -> Outcome {
        guard !candidates.isEmpty else { return Outcome() }
        let configuration = workspace.configuration
        let fields = MirrorSnapshot(configuration: configuration, repository: workspace.repository).contentFields
        let records = try await client.fetch(table: configuration.table, sysIDs: candidates.map(\.entry.sysID), fields: fields)
        let bySysID = Dictionary(records.compactMap { r in r.sysID.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        var outcome = Outcome()
        for candidate in candidates {
            guard let remote = bySysID[candidate.entry.sysID] else {
                outcome.gone.append(candidate)
                continue
            }
            let remoteHTML = remote[configuration.statementField] ?? ""
            let count = remote.modCount ?? 0
            if HTMLEquivalence.areEquivalent(remoteHTML, candidate.html) {
                outcome.inSync.append(InSync(candidate: candidate, remote: remote))
            } else if count != candidate.entry.modCount {
                let by = remote["sys_updated_by"].map { " by \($0)" } ?? ""
                outcome.conflicts.append(Conflict(
                    candidate: candidate, remote: remote,
                    detail: "ServiceNow changed this statement\(by) since your last pull (mod count \(candidate.entry.modCount) → \(count)). "
                        + "Run 'grcsync pull' and merge, or 'grcsync push --force' to overwrite."))
            } else {
                outcome.toWrite.append(Write(candidate: candidate, baseModCount: count))
            }
        }
        return outcome
    }
}
