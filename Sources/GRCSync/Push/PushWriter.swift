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

    func write(_ entries: [PushJournal.Entry]) async -> [String: Result] {
        let stop = StopSignal()
        let total = entries.count
        return await withTaskGroup(of: (String, Result).self) { group in
            for entry in entries {
                group.addTask {
                    if await stop.isStopped { return (entry.path, .skipped) }
                    do {
                        let record = try await client.update(
                            table: table, sysID: entry.sysID, fields: [field: entry.html], returning: returning)
                        let done = await stop.countWrite()
                        progress?(.writing(done: done, total: total))
                        if let limit = exitAfterWrites, done >= limit { exit(137) }
                        return (entry.path, .written(record))
                    } catch let error as ServiceNowError {
                        if error.kind == .authentication { await stop.stop() }
                        return (entry.path, .failed(error))
                    } catch {
                        return (entry.path, .failed(ServiceNowError.unexpected(error, path: entry.path)))
                    }
                }
            }
            var results: [String: Result] = [:]
            for await (path, result) in group { results[path] = result }
            return results
        }
    }
}

/// Shared between the writes of one push: whether to stop, and how many have been written.
private actor StopSignal {
    private(set) var isStopped = false
    private var written = 0

    func stop() { isStopped = true }

    func countWrite() -> Int {
        written += 1
        return written
    }
}

extension ServiceNowError {
    /// Wraps an error that is not a ServiceNow error (should not happen: the client maps everything).
    static func unexpected(_ error: any Error, path: String) -> ServiceNowError {
        ServiceNowError(kind: .network, status: nil, message: "\(error)", detail: nil, method: "PATCH", path: path, retryAfter: nil)
    }
}
