import Foundation
import ServiceNow

/// Writes statements with PATCH of the statement field only, as many at a time as the client allows.
/// A 401 stops the writes not yet started; any other error fails only its statement.
struct PushWriter {
    /// How one write ended.
    enum Result: Sendable {
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

    /// Writes `entries`, as many at a time as `concurrency` allows.
    func write(_ entries: [PushJournal.Entry]) async -> [String: Result] {
        let (batches, feed) = AsyncStream.makeStream(of: [PushJournal.Entry].self)
        feed.yield(entries)
        feed.finish()
        return await write(batches)
    }

    /// Writes the entries of each batch as it arrives (a push starts writing what its check cleared
    /// first while the rest is being checked), until the stream ends.
    ///
    /// A sliding window: a new write starts only when one finishes, so that a 401 stops every write
    /// not yet started, including those of batches still to come (they end `.skipped`).
    func write(_ batches: AsyncStream<[PushJournal.Entry]>) async -> [String: Result] {
        let feed = BatchFeed(batches)
        var pending: [PushJournal.Entry] = []
        var next = 0
        var results: [String: Result] = [:]
        var total = 0
        var written = 0
        var inFlight = 0
        var stopped = false
        await withTaskGroup(of: Event.self) { group in
            group.addTask { .batch(await feed.next()) }
            for await event in group {
                switch event {
                case .batch(let batch?):
                    pending += batch
                    total += batch.count
                    group.addTask { .batch(await feed.next()) }
                case .batch(nil):
                    break
                case .done(let path, let result):
                    inFlight -= 1
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
                }
                while next < pending.count && (stopped || inFlight < max(1, concurrency)) {
                    let entry = pending[next]
                    next += 1
                    if stopped {
                        results[entry.path] = .skipped
                    } else {
                        inFlight += 1
                        group.addTask { await writeOne(entry) }
                    }
                }
            }
        }
        return results
    }

    private enum Event: Sendable {
        /// The next batch to write, nil when there are no more.
        case batch([PushJournal.Entry]?)
        case done(String, Result)
    }

    private func writeOne(_ entry: PushJournal.Entry) async -> Event {
        do {
            let record = try await client.update(table: table, sysID: entry.sysID, fields: [field: entry.html], returning: returning)
            return .done(entry.path, .written(record))
        } catch let error as ServiceNowError {
            return .done(entry.path, .failed(error))
        } catch {
            return .done(entry.path, .failed(ServiceNowError.unexpected(error, path: entry.path)))
        }
    }
}

/// Hands out a stream's batches to one reader at a time (the writer asks for the next batch only after
/// the previous one arrived), from whichever task of the writer's group asks.
private final class BatchFeed: @unchecked Sendable {
    // Only ever used by one task at a time: the writer keeps at most one `next()` outstanding.
    private var iterator: AsyncStream<[PushJournal.Entry]>.Iterator

    init(_ batches: AsyncStream<[PushJournal.Entry]>) {
        iterator = batches.makeAsyncIterator()
    }

    func next() async -> [PushJournal.Entry]? {
        await iterator.next()
    }
}

extension ServiceNowError {
    /// Wraps an error that is not a ServiceNow error (should not happen: the client maps everything).
    static func unexpected(_ error: any Error, path: String) -> ServiceNowError {
        ServiceNowError(kind: .network, status: nil, message: "\(error)", detail: nil, method: "PATCH", path: path, retryAfter: nil)
    }
}
