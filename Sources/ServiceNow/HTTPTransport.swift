public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
import Synchronization

/// Sends one HTTP request and returns the body and response, or throws (`URLError` for transport
/// failures). The seam where tests put a scripted server; the default is a `URLSession`.
public typealias HTTPTransport = @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)

/// The production transport: one `URLSession` per client.
///
/// The session allows exactly `concurrency` connections per host: with URLSession's default of 6 and
/// fewer requests in flight, FoundationNetworking kept opening new connections instead of reusing
/// idle ones (measured: 27–48 new connections per 1,000 requests).
///
/// A 401 with `WWW-Authenticate` (which ServiceNow always sends) makes FoundationNetworking on Linux ask
/// the delegate for credentials and, without one, wait forever. The delegate here declines every
/// challenge — credentials are sent up front — and the 401 it saw is returned as the response.
final class URLSessionTransport: Sendable {
    let session: URLSession
    private let challenges: ChallengeDecliner

    init(concurrency: Int, timeout: Duration) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, concurrency)
        configuration.timeoutIntervalForRequest = timeout.seconds
        // The resource timeout bounds a whole transfer; a 60 s request must not be cut by it first.
        configuration.timeoutIntervalForResource = timeout.seconds * 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        challenges = ChallengeDecliner()
        session = URLSession(configuration: configuration, delegate: challenges, delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let running = Mutex<URLSessionDataTask?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let challenges = self.challenges
                let identifier = Mutex(-1)
                let task = session.dataTask(with: request) { data, response, error in
                    let id = identifier.withLock { $0 }
                    if error == nil, let http = response as? HTTPURLResponse {
                        continuation.resume(returning: (data ?? Data(), http))
                    } else if let declined = challenges.take(id) {
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
