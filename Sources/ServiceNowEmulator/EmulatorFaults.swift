import Foundation

/// The faults in force, switched at run time by tests or through `/emulator/faults`.
public final class EmulatorFaults: Sendable {
    /// A rule with the id it was added under.
    public struct ActiveRule: Sendable, Equatable, Codable {
        /// The id to remove it with.
        public var id: Int
        /// The rule (its trigger counts down as it fires).
        public var rule: FaultRule
    }

    private struct State {
        var rules: [ActiveRule] = []
        var nextID = 1
        var random = SysIDGenerator(seed: 0xFA17)
        /// Rate-limit counts: rule id → user → (hour start, requests).
        var hourly: [Int: [String: (hour: Int, count: Int)]] = [:]
        var successfulWrites = 0
        /// Successful writes counted when each concurrent-edit rule was added: "the Nth write" counts
        /// from there.
        var writeBaseline: [Int: Int] = [:]
    }

    private let state = Locked(State())

    init() {}

    /// Adds a rule; returns its id.
    @discardableResult
    public func add(_ rule: FaultRule) -> Int {
        state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.rules.append(ActiveRule(id: id, rule: rule))
            state.writeBaseline[id] = state.successfulWrites
            return id
        }
    }

    /// Removes one rule; false if there was none with this id.
    @discardableResult
    public func remove(id: Int) -> Bool {
        state.withLock { state in
            let before = state.rules.count
            state.rules.removeAll { $0.id == id }
            return state.rules.count != before
        }
    }

    /// Removes every rule and resets the rate-limit and write counters.
    public func clear() {
        state.withLock { $0 = State() }
    }

    /// The rules in force, in the order they were added.
    public var rules: [ActiveRule] {
        state.withLock { $0.rules }
    }

    // MARK: Decisions (internal)

    /// What happens to a request before it is handled.
    struct Plan {
        var delayMilliseconds = 0
        var status: (code: Int, retryAfter: Int)?
        var drop = false
    }

    func plan(method: String, path: String) -> Plan {
        state.withLock { state in
            var plan = Plan()
            for index in state.rules.indices {
                let rule = state.rules[index].rule
                guard rule.applies(method: method, path: path) else { continue }
                switch rule.effect {
                case .latency, .status, .dropConnection: break
                default: continue
                }
                if rule.skip > 0 {
                    state.rules[index].rule.skip -= 1
                    continue
                }
                guard Self.fires(&state.rules[index].rule, random: &state.random) else { continue }
                switch rule.effect {
                case .latency(let milliseconds, let jitter):
                    plan.delayMilliseconds += milliseconds + (jitter > 0 ? state.random.next(below: jitter + 1) : 0)
                case .status(let code, let retryAfter):
                    if plan.status == nil && !plan.drop { plan.status = (code, retryAfter) }
                case .dropConnection:
                    if plan.status == nil { plan.drop = true }
                default: break
                }
            }
            state.rules.removeAll { $0.rule.trigger == .next(0) }
            return plan
        }
    }

    private static func fires(_ rule: inout FaultRule, random: inout SysIDGenerator) -> Bool {
        switch rule.trigger {
        case .always: return true
        case .next(let remaining):
            guard remaining > 0 else { return false }
            rule.trigger = .next(remaining - 1)
            return true
        case .fraction(let fraction): return random.nextFraction() < fraction
        }
    }

    /// A 429 from an hourly rate-limit rule.
    struct RateLimitHit {
        var limit: Int
        var resetsAt: Int
        var retryAfter: Int
        var ruleName: String
    }

    /// Counts a Table API request by `user` and says whether a rate limit refuses it.
    func countRequest(user: String, now: Date) -> RateLimitHit? {
        state.withLock { state in
            let seconds = Int(now.timeIntervalSince1970)
            let hour = seconds - seconds % 3600
            for active in state.rules {
                guard case .hourlyRateLimit(let limit, let onlyUser) = active.rule.effect,
                    onlyUser == nil || onlyUser == user
                else { continue }
                var entry = state.hourly[active.id, default: [:]][user] ?? (hour, 0)
                if entry.hour != hour { entry = (hour, 0) }
                entry.count += 1
                state.hourly[active.id, default: [:]][user] = entry
                if entry.count > limit {
                    return RateLimitHit(
                        limit: limit, resetsAt: hour + 3600, retryAfter: hour + 3600 - seconds,
                        ruleName: "emulator hourly limit \(active.id)")
                }
            }
            return nil
        }
    }

    /// Whether a write to a record with this sys_id and state is refused.
    func forbidsWrite(sysID: String, state recordState: String) -> Bool {
        state.withLock { state in
            state.rules.contains { active in
                guard case .forbidWrites(let sysIDs, let states) = active.rule.effect else { return false }
                return sysIDs.contains(sysID) || (!recordState.isEmpty && states.contains(recordState))
            }
        }
    }

    /// Counts a successful write and returns the concurrent edits due now (each fires once).
    func successfulWrite() -> [(table: String, sysID: String, fields: [String: String], user: String)] {
        state.withLock { state in
            state.successfulWrites += 1
            var due: [(table: String, sysID: String, fields: [String: String], user: String)] = []
            var spent: Set<Int> = []
            for active in state.rules {
                guard case .concurrentEdit(let after, let table, let sysID, let fields, let user) = active.rule.effect,
                    state.successfulWrites - (state.writeBaseline[active.id] ?? 0) >= after
                else { continue }
                due.append((table, sysID, fields, user))
                spent.insert(active.id)
            }
            state.rules.removeAll { spent.contains($0.id) }
            return due
        }
    }
}
