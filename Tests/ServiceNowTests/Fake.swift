import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import ServiceNow

/// Small pieces for fake transports.
enum Fake {
    static let instance = URL(string: "https://acme.service-now.com") ?? URL(fileURLWithPath: "/")

    /// An answer to `request`.
    static func response(
        _ request: URLRequest, status: Int, headers: [String: String] = ["Content-Type": "application/json"], body: String
    ) throws -> (Data, HTTPURLResponse) {
        guard let url = request.url,
              let response = HTTPURLResponse(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers)
        else { throw URLError(.badServerResponse) }
        return (Data(body.utf8), response)
    }

    /// The query parameters of a request.
    static func query(_ request: URLRequest) -> [String: String] {
        var result: [String: String] = [:]
        if let url = request.url {
            for item in URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? [] {
                result[item.name] = item.value ?? ""
            }
        }
        return result
    }

    /// A client on `transport` with a sleep that only records what it was asked to wait.
    static func client(
        _ transport: @escaping HTTPTransport,
        credentials: Credentials = .basic(username: "grc.sync", password: "pa55word"),
        sleeps: Locked<[Duration]> = Locked([]),
        configure: (inout ServiceNowConfiguration) -> Void = { _ in }
    ) -> ServiceNowClient {
        var configuration = ServiceNowConfiguration(instance: instance, credentials: credentials)
        configure(&configuration)
        return ServiceNowClient(configuration: configuration, transport: transport, sleep: { duration in
            sleeps.withLock { $0.append(duration) }
        })
    }

    static let sleepingInstancePage = """
        <html><head><title>Instance Hibernating page</title></head>
        <body><h1>Your instance is hibernating</h1><p>Please wake it up from the developer portal.</p></body></html>
        """
}

/// A transport that plays a script of answers in order, then a success for everything after it.
final class ScriptedTransport: Sendable {
    enum Step: Sendable {
        case respond(status: Int, headers: [String: String] = ["Content-Type": "application/json"], body: String)
        case fail(URLError.Code)
    }

    let log = RequestLog()
    private let steps: Locked<[Step]>
    private let success: String

    init(_ steps: [Step], success: String = #"{"result":{"sys_id":"a1","sys_mod_count":"3"}}"#) {
        self.steps = Locked(steps)
        self.success = success
    }

    var transport: HTTPTransport {
        { request in try self.answer(request) }
    }

    private func answer(_ request: URLRequest) throws -> (Data, HTTPURLResponse) {
        log.append(request)
        let step = steps.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        switch step {
        case .respond(let status, let headers, let body)?:
            return try Fake.response(request, status: status, headers: headers, body: body)
        case .fail(let code)?:
            throw URLError(code)
        case nil:
            return try Fake.response(request, status: 200, body: success)
        }
    }
}
