import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One pass over the pages of a listing, decoded as `Row`s; see ``ServiceNowClient/list(table:query:fields:progress:)``.
struct TableListing<Row: ListedRow>: Sendable {
    let client: ServiceNowClient
    let path: String
    let query: String?
    let fields: [String]
    let progress: (@Sendable (Int, Int?) -> Void)?

    /// The records, and whether the pages agreed with each other (same total, no duplicates).
    struct Outcome {
        var records: [Row]
        var isConsistent: Bool
    }

    private struct Page: Sendable {
        var records: [Row]
        var totalCount: Int?
        var link: LinkHeader?
    }

    func run() async throws -> Outcome {
        let pageSize = max(1, client.configuration.pageSize)
        let first = try await page(offset: 0, limit: pageSize)
        let received = Locked(first.records.count)
        progress?(first.records.count, first.totalCount)
        var pages = [first]
        var consistent = true

        if let total = first.totalCount {
            let offsets = Array(stride(from: pageSize, to: total, by: pageSize))
            let rest = try await client.concurrentMap(offsets) { offset in
                let page = try await self.page(offset: offset, limit: pageSize)
                let done = received.withLock { count in
                    count += page.records.count
                    return count
                }
                progress?(done, total)
                return page
            }
            pages += rest
            consistent = rest.allSatisfy { $0.totalCount == total }
        } else {
            var offset = 0
            var current = first
            while !current.records.isEmpty, let next = nextOffset(after: offset, of: current, pageSize: pageSize) {
                offset = next
                current = try await page(offset: offset, limit: pageSize)
                pages.append(current)
                progress?(received.withLock { count in
                    count += current.records.count
                    return count
                }, nil)
            }
        }

        var seen = Set<String>()
        var records: [Row] = []
        records.reserveCapacity(pages.reduce(0) { $0 + $1.records.count })
        for record in pages.lazy.flatMap(\.records) {
            if let id = record.sysID {
                guard seen.insert(id).inserted else {
                    consistent = false
                    continue
                }
            }
            records.append(record)
        }
        return Outcome(records: records, isConsistent: consistent)
    }

    /// Where the page after `page` starts: the `next` link when the server sent a `Link` header, else
    /// the next offset when the page was full.
    private func nextOffset(after offset: Int, of page: Page, pageSize: Int) -> Int? {
        if let link = page.link { return link.nextOffset(after: offset) }
        return page.records.count >= pageSize ? offset + pageSize : nil
    }

    private func page(offset: Int, limit: Int) async throws -> Page {
        var items: [(String, String)] = [("sysparm_query", orderedQuery)]
        if let fieldList = ServiceNowClient.fieldList(fields, adding: "sys_id") {
            items.append(("sysparm_fields", fieldList))
        }
        items += [
            ("sysparm_exclude_reference_link", "true"),
            ("sysparm_limit", String(limit)), ("sysparm_offset", String(offset)),
        ]
        let (data, response) = try await client.send(TableRequest(method: "GET", path: path, query: items))
        return Page(
            records: try client.decodeList(Row.self, data, method: "GET", path: path),
            totalCount: ServiceNowClient.totalCount(response),
            link: response.value(forHTTPHeaderField: "Link").map(LinkHeader.init))
    }

    /// The query with a stable order, so that offset pages slice one sequence.
    private var orderedQuery: String {
        let base = query?.trimmingCharacters(in: .whitespaces) ?? ""
        if base.contains("ORDERBY") { return base }
        return base.isEmpty ? "ORDERBYsys_id" : base + "^ORDERBYsys_id"
    }
}
