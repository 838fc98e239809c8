import Foundation
import GitKit
import ServiceNow

/// A push's check and writes, overlapped: each batch the check clears is journaled and handed to the
/// writer as soon as its response is classified, so the first statements are on their way while the
/// rest are still being checked (at 100,000 statements, 1,000 at 50 ms a request: ~0.1 s sooner; the
/// check's requests then share the connections with the writes).
///
/// The journal on disk names every write handed over, before it is handed over: a push killed at any
/// point is finished by the next push or pull (`PushRecovery`), as before.
struct CheckedWrites {
    /// What was checked, written and left.
    struct Outcome {
        var check: PushCheck.Outcome
        /// Every write handed to the writer, in the order handed over.
        var writes: [PushCheck.Write]
        /// How each write ended, by path.
        var results: [String: PushWriter.Result]
        /// When the check failed after writes had begun: the error, and the candidates it left
        /// unchecked (nothing was sent for them).
        var failure: (error: any Error, unchecked: [PushSelection.Candidate])?
    }

    let check: PushCheck
    let writer: PushWriter
    /// The journal to extend (without entries: they are added as writes are handed over) and where it lives.
    let journal: PushJournal
    let stateDirectory: URL

    /// Checks and writes `candidates`. With `force`, `overwrite` is called with the conflicts once the
    /// check is complete (to record what they overwrite); they are then written too.
    ///
    /// Throws when the check fails before any write was handed over (nothing was sent); once writes are
    /// out, waits for them and returns the failure in `Outcome.failure`, so that they are recorded.
    func run(
        _ candidates: [PushSelection.Candidate], force: Bool, overwrite: (_ conflicts: [PushCheck.Conflict]) throws -> Void
    ) async throws -> Outcome
    {
        var journal = journal
        var writes: [PushCheck.Write] = []
        var checked = PushCheck.Outcome()
        let (batches, feed) = AsyncStream.makeStream(of: [PushJournal.Entry].self)
        let writing = Task { [writer] in await writer.write(batches) }

        func send(_ batch: [PushCheck.Write]) throws {
            guard !batch.isEmpty else { return }
            let entries = batch.map(Self.journalEntry)
            var extended = journal
            extended.entries += entries
            try extended.write(to: stateDirectory)
            journal = extended
            writes += batch
            feed.yield(entries)
        }

        var failure: (any Error)?
        do {
            checked = try await check.run(candidates) { batch in
                checked.append(batch)
                try send(batch.toWrite)
            }
            if force && !checked.conflicts.isEmpty {
                try overwrite(checked.conflicts)
                try send(checked.conflicts.map { PushCheck.Write(candidate: $0.candidate, baseModCount: $0.remote.modCount ?? 0) })
            }
        } catch {
            failure = error
        }
        feed.finish()
        let results = await writing.value
        guard let failure else { return Outcome(check: checked, writes: writes, results: results, failure: nil) }
        guard !writes.isEmpty else { throw failure }
        let settled = Set(writes.map(\.candidate.path) + checked.inSync.map(\.candidate.path) + checked.conflicts.map(\.candidate.path))
        return Outcome(check: checked, writes: writes, results: results,
                       failure: (failure, candidates.filter { !settled.contains($0.path) }))
    }

    private static func journalEntry(_ write: PushCheck.Write) -> PushJournal.Entry {
        PushJournal.Entry(
            path: write.candidate.path, sysID: write.candidate.entry.sysID, baseModCount: write.baseModCount,
            html: write.candidate.html, blob: write.candidate.blob.hex)
    }
}
