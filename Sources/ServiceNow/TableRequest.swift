import Foundation

/// One Table API (or OAuth) request before it is signed and sent.
struct TableRequest: Sendable {
    var method: String
    /// The URL path below the instance root, starting with `/`.
    var path: String
    var query: [(String, String)]
    var body: Data?
    var contentType: String?
    /// Whether to send the `Authorization` header; not for `/oauth_token.do` itself.
    var authenticated = true

    /// The table's collection path, after checking that the name cannot alter the path.
    static func tablePath(_ table: String, sysID: String? = nil, method: String) throws -> String {
        guard isPlainName(table) else {
            throw ServiceNowError(
                kind: .badRequest, message: "'\(table)' is not a valid table name",
                detail: "table names contain only letters, digits and underscores",
                method: method, path: "/api/now/table/\(table)")
        }
        guard let sysID else { return "/api/now/table/\(table)" }
        guard isPlainName(sysID) else {
            throw ServiceNowError(
                kind: .badRequest, message: "'\(sysID)' is not a valid sys_id",
                detail: "a sys_id is 32 hexadecimal characters",
                method: method, path: "/api/now/table/\(table)/\(sysID)")
        }
        return "/api/now/table/\(table)/\(sysID)"
    }

    /// Letters, digits, `_` and `-`: enough for table names and sys_ids, and nothing that could add a
    /// path segment, a query or a list separator.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || scalar == "-")
        }
    }

    /// The URL on `instance`, query percent-encoded strictly (only unreserved characters stay as is).
    func url(on instance: URL) -> URL? {
        var base = instance.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let encoded = query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return URL(string: base + path + (encoded.isEmpty ? "" : "?" + encoded))
    }

    /// Fields as an `application/x-www-form-urlencoded` body.
    static func formBody(_ fields: [(String, String)]) -> Data {
        Data(fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&").utf8)
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
