import Foundation
import ServiceNow

/// Writes statements with PATCH of the statement field only, as many at a time as the client allows.
/// A 401 stops the writes not yet started; any other error fails only its statement.
struct PushWriter {
    /// How one write ended.
    enum Result {
        case written(Record)
        case failed(ServiceNowError)
        case skipped
    }

    let client: ServiceNowClient
    let table: String
    let field: String
    let returning: [String]
    let progress: ProgressHandler?
    /// Testing only: `GRCSYNC_TEST_EXIT_AFTER_WRITES=k` ends the process after k successful writes, to
    /// prove that an interrupted push recovers. Never set in normal use.
    let exitAfterWrites: Int?

    /// How many writes are in flight at once (the client enforces the same bound for all requests).
    let concurrency: Int

    func write(_ entries: [PushJournal.Entry]) async -> [String: Result] {
        let total = entries.count
        var pending = entries.makeIterator()
        var results: [String: Result] = [:]
        var written = 0
        var stopped = false
        await withTaskGroup(of: (String, Result).self) { group in
            // A sliding window: a new write starts only when one finishes, so that a 401 stops every
            // write not yet started.
            for _ in 0..<max(1, concurrency) {
                guard let entry = pending.next() else { break }
                group.addTask { await writeOne(entry) }
            }
            for await (path, result) in group {
                results[path] = result
                switch result {
                case .written:
                    written += 1
                    progress?(.writing(done: written, total: total))
                    if let limit = exitAfterWrites, written >= limit { exit(137) }
                case .failed(let error) where error.kind == .authentication:
                    stopped = true
                default:
                    break
                }
                if let entry = pending.next() {
                    if stopped {
                        results[entry.path] = .skipped
                        while let rest = pending.next() { results[rest.path] = .skipped }
                    } else {
                        group.addTask { await writeOne(entry) }
                    }
                }
            }
        }
        return results
    }

    private func writeOne(_ entry: PushJournal.Entry) async -> (String, Result) {
        do {
            let record = try await client.update(table: table, sysID: entry.sysID, fields: [field: entry.html], returning: returning)
            return (entry.path, .written(record))
        } catch let error as ServiceNowError {
            return (entry.path, .failed(error))
        } catch {
            return (entry.path, .failed(ServiceNowError.unexpected(error, path: entry.path)))
        }
    }
}

extension ServiceNowError {
    /// Wraps an error that is not a ServiceNow error (should not happen: the client maps everything).
    static func unexpected(_ error: any Error, path: String) -> ServiceNowError {
        ServiceNowError(kind: .network, status: nil, message: "\(error)", detail: nil, method: "PATCH", path: path, retryAfter: nil)
    }
}
