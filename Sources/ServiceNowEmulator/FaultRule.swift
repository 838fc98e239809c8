import Foundation

/// A fault to inject: what happens, to which requests, how often.
///
/// Build rules with the static factories (`.latency`, `.status`, `.dropConnection`, `.forbidWrites`,
/// `.hourlyRateLimit`, `.concurrentEdit`) and add them with `EmulatorFaults.add`, or POST their JSON form
/// to `/emulator/faults` (see docs/emulator.md).
public struct FaultRule: Sendable, Equatable {
    /// What the rule does.
    public enum Effect: Sendable, Equatable {
        /// Delay the answer by `milliseconds` plus a random 0…`jitter` ms.
        case latency(milliseconds: Int, jitter: Int)
        /// Answer with this status instead: 429 with `Retry-After` and `X-RateLimit-*`; 500, 502, 503 with
        /// the HTML "instance is asleep" page; 403 with the ACL envelope; others with a JSON envelope.
        case status(Int, retryAfter: Int)
        /// Close the connection without answering.
        case dropConnection
        /// 403 for writes (PATCH, PUT, DELETE) to these records, or to records in these states.
        case forbidWrites(sysIDs: [String], states: [String])
        /// A real rate limit: at most `requestsPerHour` Table API requests per user (or only for `user`)
        /// per clock hour, then 429 until the hour ends.
        case hourlyRateLimit(requestsPerHour: Int, user: String?)
        /// Right after the `afterWrites`-th successful Table API write, update this record as `user` (a
        /// colleague racing the client). Fires once.
        case concurrentEdit(afterWrites: Int, table: String, sysID: String, fields: [String: String], user: String)
    }

    /// Which matching requests the rule hits.
    public enum Trigger: Sendable, Equatable {
        /// Every matching request.
        case always
        /// The next N matching requests, then the rule is spent.
        case next(Int)
        /// This fraction (0…1) of matching requests, chosen by a seeded generator (repeatable).
        case fraction(Double)
    }

    /// What happens.
    public var effect: Effect
    /// How often.
    public var trigger: Trigger
    /// Only requests with this method (`GET`, `PATCH`, …); nil for all.
    public var method: String?
    /// Only requests whose path starts with this (`/api/now/table/sn_compliance_control`); nil for all.
    public var path: String?
    /// How many matching requests pass untouched before the rule starts counting (e.g. the second batch
    /// of a check fails, the first does not); counts down as they pass.
    public var skip: Int

    /// A rule from its parts.
    public init(effect: Effect, trigger: Trigger = .always, method: String? = nil, path: String? = nil, skip: Int = 0) {
        self.effect = effect
        self.trigger = trigger
        self.method = method?.uppercased()
        self.path = path
        self.skip = max(0, skip)
    }

    /// This rule, once the first `count` matching requests have passed.
    public func skipping(_ count: Int) -> FaultRule {
        var rule = self
        rule.skip = max(0, count)
        return rule
    }

    /// Fixed (and optionally random) latency.
    public static func latency(
        milliseconds: Int, jitter: Int = 0, trigger: Trigger = .always, method: String? = nil, path: String? = nil
    ) -> FaultRule {
        FaultRule(effect: .latency(milliseconds: milliseconds, jitter: jitter), trigger: trigger, method: method, path: path)
    }

    /// Answer with `code` (e.g. 429, 503, 403) for the next `count` requests (or a fraction, or always).
    public static func status(
        _ code: Int, trigger: Trigger = .next(1), retryAfter: Int = 1, method: String? = nil, path: String? = nil
    ) -> FaultRule {
        FaultRule(effect: .status(code, retryAfter: retryAfter), trigger: trigger, method: method, path: path)
    }

    /// Drop the connection without an answer.
    public static func dropConnection(trigger: Trigger = .next(1), method: String? = nil, path: String? = nil)
        -> FaultRule
    {
        FaultRule(effect: .dropConnection, trigger: trigger, method: method, path: path)
    }

    /// 403 for writes to chosen records or to records in chosen states.
    public static func forbidWrites(sysIDs: [String] = [], states: [String] = []) -> FaultRule {
        FaultRule(effect: .forbidWrites(sysIDs: sysIDs, states: states))
    }

    /// A per-user hourly rate limit.
    public static func hourlyRateLimit(_ requestsPerHour: Int, user: String? = nil) -> FaultRule {
        FaultRule(effect: .hourlyRateLimit(requestsPerHour: requestsPerHour, user: user))
    }

    /// After the Nth successful write, change a record as another user.
    public static func concurrentEdit(
        afterWrites: Int, table: String = "sn_compliance_control", sysID: String, fields: [String: String],
        as user: String = "colleague"
    ) -> FaultRule {
        FaultRule(effect: .concurrentEdit(afterWrites: afterWrites, table: table, sysID: sysID, fields: fields, user: user))
    }

    func applies(method: String, path: String) -> Bool {
        (self.method == nil || self.method == method) && (self.path.map { path.hasPrefix($0) } ?? true)
    }
}
