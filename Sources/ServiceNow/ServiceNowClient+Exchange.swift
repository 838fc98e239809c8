import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sending: authentication, rate limit, concurrency limit, retries, statistics and logging.
extension ServiceNowClient {
    /// Sends `request` until it succeeds, fails in a way retrying cannot fix, or runs out of attempts.
    ///
    /// A 2xx answer whose body is not JSON (a hibernation page served with 200) counts as a failure.
    func send(_ request: TableRequest) async throws -> (Data, HTTPURLResponse) {
        let policy = configuration.retry
        var attempt = 1
        var renewedToken = false
        while true {
            var authorization: String?
            do {
                if Task.isCancelled { throw CancellationError() }
                if request.authenticated { authorization = try await authorizationHeader() }
                return try await transmit(request, authorization: authorization)
            } catch {
                let failure = ResponseClassification.error(forTransportFailure: error, method: request.method, path: request.path)
                // An OAuth token can be revoked or expire early: renew it once and try again.
                if failure.kind == .authentication, request.authenticated, let oauth, !renewedToken,
                   let token = authorization?.dropFirst("Bearer ".count)
                {
                    renewedToken = true
                    await oauth.reject(String(token))
                    counters.withLock { $0.retries += 1 }
                    logger.notice("access token rejected; renewing it once", metadata: ["path": "\(request.path)"])
                    continue
                }
                guard failure.isRetryable, attempt < policy.maxAttempts else { throw failure }
                let delay = policy.delay(beforeRetry: attempt, retryAfter: failure.retryAfter)
                logger.notice("retrying after a transient failure", metadata: [
                    "method": "\(request.method)", "path": "\(request.path)", "attempt": "\(attempt + 1)",
                    "status": "\(failure.status.map(String.init) ?? "-")", "kind": "\(failure.kind)",
                    "delay_ms": "\(Int(delay.seconds * 1000))",
                ])
                counters.withLock { $0.retries += 1 }
                do {
                    try await sleep(delay)
                } catch {
                    throw ServiceNowError(kind: .cancelled, message: "cancelled while waiting to retry", method: request.method, path: request.path)
                }
                attempt += 1
            }
        }
    }

    /// One attempt: waits for the rate limit and a free slot, then sends.
    private func transmit(_ request: TableRequest, authorization: String?) async throws -> (Data, HTTPURLResponse) {
        guard let url = request.url(on: configuration.instance) else {
            throw ServiceNowError(kind: .badRequest, message: "the request URL could not be formed", method: request.method, path: request.path)
        }
        var urlRequest = URLRequest(url: url, timeoutInterval: configuration.requestTimeout.seconds)
        urlRequest.httpMethod = request.method
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        urlRequest.setValue("grcsync", forHTTPHeaderField: "User-Agent")
        if let authorization { urlRequest.setValue(authorization, forHTTPHeaderField: "Authorization") }
        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue(request.contentType ?? "application/json", forHTTPHeaderField: "Content-Type")
        }

        if let rateLimit {
            let wait = await rateLimit.reserve()
            if wait > .zero { try await sleep(wait) }
        }
        try await slots.acquire()
        counters.withLock {
            $0.requests += 1
            $0.byMethod[request.method, default: 0] += 1
        }
        let start = ContinuousClock.now
        let data: Data
        let response: HTTPURLResponse
        do {
            (data, response) = try await transport(urlRequest)
        } catch {
            await slots.release()
            logger.debug("request failed", metadata: [
                "method": "\(request.method)", "path": "\(request.path)", "error": "\(type(of: error))",
                "ms": "\(Self.milliseconds(since: start))",
            ])
            throw error
        }
        await slots.release()
        counters.withLock { $0.bytesReceived += data.count }
        logger.debug("request", metadata: [
            "method": "\(request.method)", "path": "\(request.path)", "status": "\(response.statusCode)",
            "ms": "\(Self.milliseconds(since: start))", "bytes": "\(data.count)",
        ])
        if logger.logLevel <= .trace, request.authenticated, !request.query.isEmpty {
            logger.trace("request query", metadata: ["query": "\(url.query ?? "")"])
        }
        if (200..<300).contains(response.statusCode), data.isEmpty || ResponseClassification.looksLikeJSON(data) {
            return (data, response)
        }
        throw ResponseClassification.error(
            for: response, body: data, method: request.method, path: request.path,
            account: configuration.credentials.username)
    }

    /// The `Authorization` header value for the configured credentials.
    private func authorizationHeader() async throws -> String {
        if let oauth {
            return "Bearer " + (try await oauth.accessToken(via: self))
        }
        switch configuration.credentials {
        case .basic(let username, let password):
            return "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .bearer(let token):
            return "Bearer " + token
        case .oauthPassword:
            // The initialiser makes an OAuth session for these credentials, so this is never reached.
            throw ServiceNowError(kind: .authentication, message: "no OAuth session", method: "POST", path: "/oauth_token.do")
        }
    }

    /// Asks `/oauth_token.do` for a token; the fields hold the grant and its secrets.
    func requestToken(_ fields: [(String, String)]) async throws -> OAuthToken {
        let path = "/oauth_token.do"
        let (data, _) = try await send(TableRequest(
            method: "POST", path: path, query: [], body: TableRequest.formBody(fields),
            contentType: "application/x-www-form-urlencoded", authenticated: false))
        guard let token = OAuthToken(json: data) else {
            throw ServiceNowError(
                kind: .invalidResponse, status: 200, message: "the token response carries no access_token",
                method: "POST", path: path, account: configuration.credentials.username)
        }
        return token
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        Int(((ContinuousClock.now - start).seconds * 1000).rounded())
    }
}
