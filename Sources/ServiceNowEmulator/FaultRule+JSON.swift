import Foundation

/// The flat JSON form used by the admin API, e.g.
/// `{"effect":"status","status":429,"count":3,"retryAfter":2,"method":"PATCH"}`.
extension FaultRule: Codable {
    private enum Key: String, CodingKey {
        case effect, status, retryAfter, milliseconds, jitter, count, fraction, method, path, skip
        case sysIDs, states, requestsPerHour, user, afterWrites, table, sysID, fields
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let kind = try c.decode(String.self, forKey: .effect)
        switch kind {
        case "latency":
            effect = .latency(
                milliseconds: try c.decode(Int.self, forKey: .milliseconds),
                jitter: try c.decodeIfPresent(Int.self, forKey: .jitter) ?? 0)
        case "status":
            effect = .status(
                try c.decode(Int.self, forKey: .status), retryAfter: try c.decodeIfPresent(Int.self, forKey: .retryAfter) ?? 1)
        case "drop":
            effect = .dropConnection
        case "forbidWrites":
            effect = .forbidWrites(
                sysIDs: try c.decodeIfPresent([String].self, forKey: .sysIDs) ?? [],
                states: try c.decodeIfPresent([String].self, forKey: .states) ?? [])
        case "rateLimit":
            effect = .hourlyRateLimit(
                requestsPerHour: try c.decode(Int.self, forKey: .requestsPerHour),
                user: try c.decodeIfPresent(String.self, forKey: .user))
        case "concurrentEdit":
            effect = .concurrentEdit(
                afterWrites: try c.decode(Int.self, forKey: .afterWrites),
                table: try c.decodeIfPresent(String.self, forKey: .table) ?? "sn_compliance_control",
                sysID: try c.decode(String.self, forKey: .sysID),
                fields: try c.decode([String: String].self, forKey: .fields),
                user: try c.decodeIfPresent(String.self, forKey: .user) ?? "colleague")
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .effect, in: c,
                debugDescription: "unknown effect '\(kind)': use latency, status, drop, forbidWrites, rateLimit or concurrentEdit")
        }
        if let count = try c.decodeIfPresent(Int.self, forKey: .count) {
            trigger = .next(count)
        } else if let fraction = try c.decodeIfPresent(Double.self, forKey: .fraction) {
            trigger = .fraction(fraction)
        } else {
            trigger = .always
        }
        method = try c.decodeIfPresent(String.self, forKey: .method)?.uppercased()
        path = try c.decodeIfPresent(String.self, forKey: .path)
        skip = max(0, try c.decodeIfPresent(Int.self, forKey: .skip) ?? 0)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch effect {
        case .latency(let milliseconds, let jitter):
            try c.encode("latency", forKey: .effect)
            try c.encode(milliseconds, forKey: .milliseconds)
            try c.encode(jitter, forKey: .jitter)
        case .status(let status, let retryAfter):
            try c.encode("status", forKey: .effect)
            try c.encode(status, forKey: .status)
            try c.encode(retryAfter, forKey: .retryAfter)
        case .dropConnection:
            try c.encode("drop", forKey: .effect)
        case .forbidWrites(let sysIDs, let states):
            try c.encode("forbidWrites", forKey: .effect)
            try c.encode(sysIDs, forKey: .sysIDs)
            try c.encode(states, forKey: .states)
        case .hourlyRateLimit(let requestsPerHour, let user):
            try c.encode("rateLimit", forKey: .effect)
            try c.encode(requestsPerHour, forKey: .requestsPerHour)
            try c.encodeIfPresent(user, forKey: .user)
        case .concurrentEdit(let afterWrites, let table, let sysID, let fields, let user):
            try c.encode("concurrentEdit", forKey: .effect)
            try c.encode(afterWrites, forKey: .afterWrites)
            try c.encode(table, forKey: .table)
            try c.encode(sysID, forKey: .sysID)
            try c.encode(fields, forKey: .fields)
            try c.encode(user, forKey: .user)
        }
        switch trigger {
        case .always: break
        case .next(let count): try c.encode(count, forKey: .count)
        case .fraction(let fraction): try c.encode(fraction, forKey: .fraction)
        }
        try c.encodeIfPresent(method, forKey: .method)
        try c.encodeIfPresent(path, forKey: .path)
        if skip > 0 { try c.encode(skip, forKey: .skip) }
    }
}
