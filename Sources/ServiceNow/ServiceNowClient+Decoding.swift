import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reading `{"result": ...}` bodies and listing headers.
extension ServiceNowClient {
    private struct ListBody<Row: Decodable>: Decodable { var result: [Row] }
    private struct SingleBody: Decodable { var result: Record }

    func decodeList(_ data: Data, method: String, path: String) throws -> [Record] {
        try decodeList(Record.self, data, method: method, path: path)
    }

    func decodeList<Row: Decodable>(_ row: Row.Type, _ data: Data, method: String, path: String) throws -> [Row] {
        try decode(ListBody<Row>.self, data, method: method, path: path).result
    }

    func decodeSingle(_ data: Data, method: String, path: String) throws -> Record {
        try decode(SingleBody.self, data, method: method, path: path).result
    }

    private func decode<Body: Decodable>(_ type: Body.Type, _ data: Data, method: String, path: String) throws -> Body {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ServiceNowError(
                kind: .invalidResponse, status: 200, message: "the response is not a Table API result",
                detail: ResponseClassification.snippet(String(decoding: data.prefix(4096), as: UTF8.self)),
                method: method, path: path)
        }
    }

    /// `X-Total-Count`, when present and numeric.
    static func totalCount(_ response: HTTPURLResponse) -> Int? {
        response.value(forHTTPHeaderField: "X-Total-Count").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// `sysparm_fields` for `fields`, with `extra` added when a list is given; `nil` for all fields.
    static func fieldList(_ fields: [String], adding extra: String? = nil) -> String? {
        guard !fields.isEmpty else { return nil }
        var names = fields
        if let extra, !names.contains(extra) { names.append(extra) }
        return names.joined(separator: ",")
    }

    /// `body` over `items`, at most `configuration.concurrency` at a time, results in the order of `items`.
    ///
    /// The client-wide slot limit already bounds requests in flight; the window here only keeps a
    /// listing of thousands of pages from creating thousands of waiting tasks.
    func concurrentMap<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ body: @escaping @Sendable (Item) async throws -> Result
    ) async throws -> [Result] {
        let window = max(1, configuration.concurrency)
        return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var next = 0
            while next < min(window, items.count) {
                let index = next
                group.addTask { (index, try await body(items[index])) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < items.count {
                    let index = next
                    group.addTask { (index, try await body(items[index])) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}
