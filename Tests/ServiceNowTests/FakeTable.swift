import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import ServiceNow

/// A table of `count` records served the way the Table API pages them, counting requests in flight.
///
/// Understands just what the client sends: `sysparm_limit`, `sysparm_offset`, `sysparm_no_count`, a
/// `sys_idIN...` query and `ORDERBYsys_id` (the records are created in sys_id order).
final class FakeTable: Sendable {
    let log = RequestLog()
    let records: [[String: String]]
    let sendsTotal: Bool
    private let inFlight = Locked(0)
    private let mostInFlight = Locked(0)

    init(count: Int, sendsTotal: Bool = true) {
        records = (0..<count).map { index in
            ["sys_id": Self.sysID(index), "number": "CTRL\(index)", "sys_mod_count": "\(index % 7)"]
        }
        self.sendsTotal = sendsTotal
    }

    static func sysID(_ index: Int) -> String {
        let hex = String(index, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }

    /// The largest number of requests that were in flight at once.
    var peakInFlight: Int { mostInFlight.withLock { $0 } }

    var transport: HTTPTransport {
        { request in
            self.log.append(request)
            let now = self.inFlight.withLock { count in
                count += 1
                return count
            }
            self.mostInFlight.withLock { $0 = max($0, now) }
            // Stay in flight a little, so that concurrent requests overlap.
            try await Task.sleep(for: .milliseconds(2))
            defer { self.inFlight.withLock { $0 -= 1 } }
            return try self.answer(request)
        }
    }

    private func answer(_ request: URLRequest) throws -> (Data, HTTPURLResponse) {
        let query = Fake.query(request)
        var rows = records
        if let condition = query["sysparm_query"]?.split(separator: "^").first(where: { $0.hasPrefix("sys_idIN") }) {
            let ids = Set(condition.dropFirst("sys_idIN".count).split(separator: ",").map(String.init))
            rows = rows.filter { ids.contains($0["sys_id"] ?? "") }
        }
        let limit = Int(query["sysparm_limit"] ?? "") ?? 10_000
        let offset = Int(query["sysparm_offset"] ?? "") ?? 0
        let page = Array(rows.dropFirst(max(0, offset)).prefix(limit))
        var headers = ["Content-Type": "application/json;charset=UTF-8"]
        if sendsTotal, query["sysparm_no_count"] != "true" { headers["X-Total-Count"] = String(rows.count) }
        if rows.count > limit, let url = request.url {
            var links = ["<\(url)>;rel=\"first\""]
            if offset + limit < rows.count { links.append("<\(Self.url(url, offset: offset + limit))>;rel=\"next\"") }
            headers["Link"] = links.joined(separator: ",")
        }
        let body = try JSONSerialization.data(withJSONObject: ["result": page])
        return try Fake.response(request, status: 200, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    private static func url(_ url: URL, offset: Int) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        components.queryItems = (components.queryItems ?? []).filter { $0.name != "sysparm_offset" }
            + [URLQueryItem(name: "sysparm_offset", value: String(offset))]
        return components.string ?? url.absoluteString
    }
}
