public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
import Synchronization

/// Sends one HTTP request and returns the body and response, or throws (`URLError` for transport
/// failures). The seam where tests put a scripted server; the default is a `URLSession`.
public typealias HTTPTransport = @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)

/// The production transport: `concurrency` `URLSession`s per client, each with one connection, and each
/// request sent on the least busy one.
///
/// One session per connection because FoundationNetworking runs each session's libcurl multi handle on
/// one serial queue: with a single session, setting up and completing five concurrent transfers took
/// one core (~0.55 ms of that queue per request), so five responses arriving together were handled one
/// after another — about 5 ms added to every round of writes at 50 ms latency (measured on 2 cores:
/// 1,000 PATCH took 11.05 s instead of 10.0 s; with a session per connection, 10.6 s). Separate sessions
/// run on separate threads.
///
/// Each session allows exactly one connection, and the client never has more than `concurrency`
/// requests in flight, so every connection is reused: with URLSession's default of 6 connections per
/// host and fewer requests in flight, FoundationNetworking kept opening new connections instead of
/// reusing idle ones (measured: 27–48 new connections per 1,000 requests).
///
/// A 401 with `WWW-Authenticate` (which ServiceNow always sends) makes FoundationNetworking on Linux ask
/// the delegate for credentials and, without one, wait forever. The delegate here declines every
/// challenge — credentials are sent up front — and the 401 it saw is returned as the response.
final class URLSessionTransport: Sendable {
    /// One session and the delegate that declines its challenges (task identifiers are per session).
    private struct Lane: Sendable {
        let session: URLSession
        let challenges: ChallengeDecliner
    }

    private let lanes: [Lane]
    /// Requests in flight per lane.
    private let busy: Mutex<[Int]>

    init(concurrency: Int, timeout: Duration) {
        lanes = (0..<max(1, concurrency)).map { _ in
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 1
            configuration.timeoutIntervalForRequest = timeout.seconds
            // The resource timeout bounds a whole transfer; a 60 s request must not be cut by it first.
            configuration.timeoutIntervalForResource = timeout.seconds * 2
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.urlCache = nil
            configuration.urlCredentialStorage = nil
            let challenges = ChallengeDecliner()
            return Lane(
                session: URLSession(configuration: configuration, delegate: challenges, delegateQueue: nil),
                challenges: challenges)
        }
        busy = Mutex([Int](repeating: 0, count: lanes.count))
    }

    deinit {
        for lane in lanes { lane.session.finishTasksAndInvalidate() }
    }

    /// How many sessions (and so connections) requests are spread over.
    var sessionCount: Int { lanes.count }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let index = busy.withLock { busy in
            let index = busy.indices.min { busy[$0] < busy[$1] } ?? 0
            busy[index] += 1
            return index
        }
        defer { busy.withLock { $0[index] -= 1 } }
        let lane = lanes[index]
        let running = Mutex<URLSessionDataTask?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let identifier = Mutex(-1)
                let task = lane.session.dataTask(with: request) { data, response, error in
                    let id = identifier.withLock { $0 }
                    if error == nil, let http = response as? HTTPURLResponse {
                        continuation.resume(returning: (data ?? Data(), http))
                    } else if let declined = lane.challenges.take(id) {
                        continuation.resume(returning: (Data(), declined))
                    } else {
                        continuation.resume(throwing: error ?? URLError(.badServerResponse))
                    }
                }
                identifier.withLock { $0 = task.taskIdentifier }
                running.withLock { $0 = task }
                task.resume()
            }
        } onCancel: {
            running.withLock { $0?.cancel() }
        }
    }
}

/// Declines authentication challenges and remembers the 401 response that raised each one.
private final class ChallengeDecliner: NSObject, URLSessionTaskDelegate, Sendable {
    private let declined = Mutex<[Int: HTTPURLResponse]>([:])

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        if let response = challenge.failureResponse as? HTTPURLResponse {
            declined.withLock { $0[task.taskIdentifier] = response }
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// The 401 response declined for a task, if any (removed once taken).
    func take(_ taskIdentifier: Int) -> HTTPURLResponse? {
        declined.withLock { $0.removeValue(forKey: taskIdentifier) }
    }
}
