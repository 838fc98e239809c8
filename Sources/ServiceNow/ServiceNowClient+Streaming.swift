extension ServiceNowClient {
    /// Fetches the records with the given sys_ids, handing each batch to `consume` as soon as it arrives
    /// (`fetch(table:sysIDs:fields:)` collects them), so that a caller can store 100,000 records while
    /// holding only the batches in flight. Ids are checked before any request: one that could alter
    /// the query is refused.
    ///
    /// Batches of `configuration.batchSize` ids run `configuration.concurrency` at a time; `consume` is
    /// called for one batch at a time, in the order batches complete (not the order of `sysIDs`), and
    /// the next batch is requested as soon as one completes, so the network keeps working while the
    /// caller consumes. Every id is delivered at most once; ids that no longer exist (or that an ACL
    /// hides) are never delivered. An error from a request or from `consume` cancels the rest and is
    /// rethrown.
    public func fetch(
        table: String, sysIDs: [String], fields: [String],
        consume: (_ records: [Record]) async throws -> Void
    ) async throws {
        let path = try TableRequest.tablePath(table, method: "GET")
        var seen = Set<String>()
        let ids = sysIDs.filter { seen.insert($0).inserted }
        for id in ids where !TableRequest.isPlainName(id) {
            _ = try TableRequest.tablePath(table, sysID: id, method: "GET")
        }
        let batchSize = max(1, configuration.batchSize)
        let batches = stride(from: 0, to: ids.count, by: batchSize).map { Array(ids[$0..<min($0 + batchSize, ids.count)]) }
        let fieldList = Self.fieldList(fields, adding: "sys_id")
        let request: @Sendable ([String]) async throws -> [Record] = { batch in
            var query: [(String, String)] = [("sysparm_query", "sys_idIN" + batch.joined(separator: ","))]
            if let fieldList { query.append(("sysparm_fields", fieldList)) }
            query += [
                ("sysparm_exclude_reference_link", "true"), ("sysparm_no_count", "true"),
                ("sysparm_limit", String(batch.count)),
            ]
            let (data, _) = try await self.send(TableRequest(method: "GET", path: path, query: query))
            return try self.decodeList(data, method: "GET", path: path)
        }
        var delivered = Set<String>()
        let window = max(1, configuration.concurrency)
        try await withThrowingTaskGroup(of: [Record].self) { group in
            var next = 0
            while next < min(window, batches.count) {
                let batch = batches[next]
                group.addTask { try await request(batch) }
                next += 1
            }
            while let records = try await group.next() {
                if next < batches.count {
                    let batch = batches[next]
                    group.addTask { try await request(batch) }
                    next += 1
                }
                // A server that answers an id twice (or for an id not asked for) gets it dropped here.
                let fresh = records.filter { record in
                    guard let id = record.sysID, seen.contains(id) else { return false }
                    return delivered.insert(id).inserted
                }
                if !fresh.isEmpty { try await consume(fresh) }
            }
        }
    }
}
