import Foundation
import ServiceNowEmulator

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An answer as the tests see it: status, headers (names lower-cased), body.
struct HTTPAnswer {
    var status: Int
    var headers: [String: String]
    var body: Data

    var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    var result: [[String: Any]] { (json as? [String: Any])?["result"] as? [[String: Any]] ?? [] }
    var record: [String: Any] { (json as? [String: Any])?["result"] as? [String: Any] ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A plain URLSession client over loopback, as a real client would talk to the emulator.
struct EmulatorClient {
    var baseURL: URL
    var user: String? = "admin"
    var password = "admin"
    var bearer: String?

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 4
        return URLSession(configuration: configuration)
    }()

    /// Percent-encodes a query value completely, so `^`, `=`, `,` and `+` reach the server intact.
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }

    func get(_ table: String, _ pairs: [(String, String)] = []) async throws -> HTTPAnswer {
        try await send("GET", "/api/now/table/\(table)" + (pairs.isEmpty ? "" : "?" + Self.query(pairs)))
    }

    func send(
        _ method: String, _ pathAndQuery: String, json: [String: Any]? = nil, body: Data? = nil,
        headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        guard let url = URL(string: baseURL.absoluteString + pathAndQuery) else {
            throw URLError(.badURL)
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let bearer {
            request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization")
        } else if let user {
            let token = Data("\(user):\(password)".utf8).base64EncodedString()
            request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return HTTPAnswer(status: http.statusCode, headers: fields, body: data)
    }
}

/// Starts an emulator for one test and stops it afterwards.
func withEmulator<T>(
    _ options: EmulatorOptions = EmulatorOptions(seed: .demo()), _ body: (EmulatorServer, EmulatorClient) async throws -> T
) async throws -> T {
    let server = try await EmulatorServer.start(options)
    do {
        let result = try await body(server, EmulatorClient(baseURL: server.baseURL))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The package root, found from this file's path (Tests/ServiceNowEmulatorTests/…).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/fixtures/…` relative to the package root, or nil when absent.
func sharedFixture(_ relativePath: String) -> URL? {
    let candidates = [
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/\(relativePath)"),
        URL(fileURLWithPath: "/work/shared/fixtures/\(relativePath)"),
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
}
