import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import ServiceNow

/// The HAR recordings of real ServiceNow traffic in `shared/fixtures/servicenow-recordings/`, read at
/// run time from beside the package, and a transport that answers each request with the recorded
/// response for the equivalent recorded request.
struct RecordedTraffic: Sendable {
    /// One recorded request and its response.
    struct Exchange: Sendable {
        var method: String
        var path: String
        var query: [String: String]
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    var exchanges: [Exchange]

    /// `<package>/../shared/fixtures/servicenow-recordings`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/servicenow-recordings")

    static var available: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("two-page-walk-500-plus-126.har").path)
    }

    static let skipReason: Comment = "the ServiceNow recordings are not at ../shared/fixtures/servicenow-recordings beside the package"

    enum LoadError: Error { case malformed(String) }

    init(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        guard let har = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let log = har["log"] as? [String: Any],
              let entries = log["entries"] as? [[String: Any]]
        else { throw LoadError.malformed(name) }
        exchanges = try entries.map { entry in
            guard let request = entry["request"] as? [String: Any],
                  let response = entry["response"] as? [String: Any],
                  let method = request["method"] as? String,
                  let urlString = request["url"] as? String,
                  let components = URLComponents(string: urlString),
                  let status = response["status"] as? Int,
                  let headerList = response["headers"] as? [[String: String]],
                  let content = response["content"] as? [String: Any]
            else { throw LoadError.malformed(name) }
            var query: [String: String] = [:]
            for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
            var headers: [String: String] = [:]
            for header in headerList where header["name"] != "set-cookie" {
                if let name = header["name"], let value = header["value"] { headers[name] = value }
            }
            return Exchange(
                method: method, path: components.path, query: query, status: status, headers: headers,
                body: Data(((content["text"] as? String) ?? "").utf8))
        }
    }

    /// The recorded exchange equivalent to `request`: same method and path; the same limit and offset
    /// (absent offset = 0); recorded `sysparm_fields` a subset of the sent ones (the client adds
    /// `sys_id`); recorded `name=value` filters present as conditions of the sent `sysparm_query`.
    func exchange(for request: URLRequest) -> Exchange? {
        guard let url = request.url, let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return nil
        }
        var sent: [String: String] = [:]
        for item in components.queryItems ?? [] { sent[item.name] = item.value ?? "" }
        let conditions = Set((sent["sysparm_query"] ?? "").split(separator: "^").map(String.init))
        return exchanges.first { recorded in
            guard recorded.method == request.httpMethod, recorded.path == components.path,
                  recorded.query["sysparm_limit"] == sent["sysparm_limit"],
                  (recorded.query["sysparm_offset"] ?? "0") == (sent["sysparm_offset"] ?? "0")
            else { return false }
            for (name, value) in recorded.query where !name.hasPrefix("sysparm_") {
                guard conditions.contains("\(name)=\(value)") else { return false }
            }
            if let fields = recorded.query["sysparm_fields"] {
                let sentFields = Set((sent["sysparm_fields"] ?? "").split(separator: ",").map(String.init))
                guard Set(fields.split(separator: ",").map(String.init)).isSubset(of: sentFields) else { return false }
            }
            return true
        }
    }

    /// A transport that replays, logging every request; unmatched requests get a 418, which is not retried. `rewrite` may alter the recorded answer (drop a header).
    func transport(
        log: RequestLog, rewrite: @escaping @Sendable (inout Exchange) -> Void = { _ in }
    ) -> HTTPTransport {
        { request in
            log.append(request)
            guard let url = request.url else { throw URLError(.badURL) }
            guard var exchange = exchange(for: request) else {
                // 418 is not retried, so a mismatch fails the test at once with the URL in the message.
                let body = Data(#"{"error":{"message":"no recording for this request","detail":null},"status":"failure"}"#.utf8)
                guard let response = HTTPURLResponse(url: url, statusCode: 418, httpVersion: nil, headerFields: nil) else {
                    throw URLError(.badServerResponse)
                }
                return (body, response)
            }
            rewrite(&exchange)
            let response = HTTPURLResponse(url: url, statusCode: exchange.status, httpVersion: "HTTP/1.1", headerFields: exchange.headers)
            guard let response else { throw URLError(.badServerResponse) }
            return (exchange.body, response)
        }
    }
}

/// Every request a fake transport saw, in order.
final class RequestLog: Sendable {
    private let requests = Locked<[URLRequest]>([])

    func append(_ request: URLRequest) {
        requests.withLock { $0.append(request) }
    }

    var all: [URLRequest] { requests.withLock { $0 } }

    /// The value of query parameter `name` in each request, in order.
    func parameter(_ name: String) -> [String?] {
        all.map { request in
            request.url.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: false) }?
                .queryItems?.first { $0.name == name }?.value
        }
    }
}
