import Foundation
import Hummingbird

/// Writes over HTTP: the business rules (draft-only, forbidden records), the sanitiser, then the store;
/// after a successful write, any concurrent edit that is due.
extension TableAPI {
    func insert(_ fields: [String: String]) -> Response {
        let clean = sanitized(fields)
        let result = core.store.state.withLock { state -> Result<(body: String, sysID: String), EmulatorStoreError> in
            do throws(EmulatorStoreError) {
                let record = try state.insert(table: table, fields: clean, user: user, now: Date(), allowNewColumns: false)
                let body = Self.resultBody(record, table: table, parameters: parameters, origin: origin, state: state)
                return .success((body, record["sys_id"] ?? ""))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let created):
            written()
            return TableAPIResponse.json(
                .created, created.body, headers: [.location: "\(origin)/api/now/table/\(table)/\(created.sysID)"])
        case .failure(let error):
            return TableAPIResponse.error(.badRequest, "Invalid request", error.description)
        }
    }

    func update(_ sysID: String, fields: [String: String]) -> Response {
        let clean = sanitized(fields)
        let rules = core.rules.withLock { $0 }
        let outcome = core.store.state.withLock { state -> Response? in
            guard let current = state.tables[table]?.record(sysID) else { return TableAPIResponse.notFound() }
            if let refusal = refusal(current, changing: Set(clean.keys), rules: rules) { return refusal }
            guard let outcome = try? state.update(
                table: table, sysID: sysID, fields: clean, user: user, now: Date(), allowNewColumns: false)
            else { return TableAPIResponse.notFound() }
            return TableAPIResponse.json(
                .ok, Self.resultBody(outcome.record, table: table, parameters: parameters, origin: origin, state: state))
        }
        guard let outcome else { return TableAPIResponse.notFound() }
        if outcome.status == .ok { written() }
        return outcome
    }

    func delete(_ sysID: String) -> Response {
        let rules = core.rules.withLock { $0 }
        let blocked = core.store.state.withLock { state -> Response? in
            guard let current = state.tables[table]?.record(sysID) else { return TableAPIResponse.notFound() }
            if let refusal = refusal(current, changing: ["sys_id"], rules: rules) { return refusal }
            do {
                try state.delete(table: table, sysID: sysID)
            } catch {
                return TableAPIResponse.notFound()
            }
            return nil
        }
        if let blocked { return blocked }
        written()
        return Response(status: .noContent)
    }

    /// A 403 when a fault rule forbids this record, or when the draft-only rule applies: a control that
    /// is not in `draft` may only have its `state` changed.
    private func refusal(_ record: TableData.Record, changing fields: Set<String>, rules: EmulatorRules) -> Response? {
        let state = record["state"] ?? ""
        if core.faults.forbidsWrite(sysID: record["sys_id"] ?? "", state: state) { return TableAPIResponse.forbidden() }
        if rules.draftOnlyWrites, table == GRCSeed.controlTable, state != "draft", !fields.subtracting(["state"]).isEmpty {
            return TableAPIResponse.forbidden()
        }
        return nil
    }

    private func sanitized(_ fields: [String: String]) -> [String: String] {
        guard core.rules.withLock({ $0.sanitizeHTML }) else { return fields }
        return fields.mapValues { $0.contains("<") ? HTMLSanitizer.sanitize($0) : $0 }
    }

    /// After a successful write: save soon, and play any concurrent edit that is now due.
    private func written() {
        for edit in core.faults.successfulWrite() {
            _ = try? core.store.update(table: edit.table, sysID: edit.sysID, fields: edit.fields, as: edit.user)
        }
        core.store.notify()
    }
}
