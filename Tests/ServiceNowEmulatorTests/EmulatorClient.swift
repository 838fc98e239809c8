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
    /// Send with the curl command instead of URLSession. Needed to see a 401: FoundationNetworking's
    /// URLSession (Swift 6.3.1 on Linux) waits forever on a 401 carrying `WWW-Authenticate: Basic`
    /// (swift-corelibs-foundation issue #5456), and ServiceNow's 401 carries one.
    var viaCurl = false

    /// One session per emulator: a session shared by parallel tests stalls on its per-host connection
    /// limit (every emulator is 127.0.0.1), holding idle connections to servers that already stopped.
    let session: URLSession = URLSession(configuration: .ephemeral)

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
        if viaCurl {
            let prepared = request
            return try await offThePool { try Self.curl(prepared) }
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return HTTPAnswer(status: http.statusCode, headers: fields, body: data)
    }
}

extension EmulatorClient {
    /// Runs `curl -i` for the request and parses its answer.
    static func curl(_ request: URLRequest) throws -> HTTPAnswer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "-i", "-X", request.httpMethod ?? "GET"]
        for (name, value) in request.allHTTPHeaderFields ?? [:] { arguments += ["-H", "\(name): \(value)"] }
        if let body = request.httpBody { arguments += ["--data-binary", String(decoding: body, as: UTF8.self)] }
        arguments.append(request.url?.absoluteString ?? "")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw URLError(.badServerResponse) }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPAnswer(
            status: statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0, headers: headers,
            body: Data(data[split.upperBound...]))
    }
}

/// Runs blocking work (a child process, a pipe read) on a Dispatch thread. On this 2-core machine Swift's
/// cooperative pool has two threads: two tests blocking them would starve the in-process emulator.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// Starts an emulator for one test and stops it afterwards.
func withEmulator<T>(
    _ options: EmulatorOptions = EmulatorOptions(seed: .demo()), _ body: (EmulatorServer, EmulatorClient) async throws -> T
) async throws -> T {
    let server = try await EmulatorServer.start(options)
    do {
        let client = EmulatorClient(baseURL: server.baseURL)
        defer { client.session.invalidateAndCancel() }
        let result = try await body(server, client)
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
