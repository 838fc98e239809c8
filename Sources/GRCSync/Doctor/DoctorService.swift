import Foundation
public import ServiceNow

/// `grcsync doctor`: checks, one by one, everything a pull or push needs from the instance.
public struct DoctorService {
    /// One check and its outcome.
    public struct Check: Sendable, Codable, Equatable {
        public var name: String
        public var passed: Bool
        public var detail: String

        public init(name: String, passed: Bool, detail: String) {
            self.name = name
            self.passed = passed
            self.detail = detail
        }
    }

    let configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    /// Runs the checks that need the network; `credentials` nil means they could not be resolved
    /// (the caller adds that failed check).
    public func run(client: ServiceNowClient) async -> [Check] {
        var checks: [Check] = []
        let probe: ProbeResult
        do {
            probe = try await client.probe(table: configuration.table)
            checks.append(.init(name: "instance", passed: true, detail: "\(configuration.instance.absoluteString) answered"))
            checks.append(.init(name: "credentials", passed: true, detail: "accepted"))
            checks.append(
                .init(name: "table", passed: true,
                      detail: "\(configuration.table) is readable (\(probe.totalCount.map(String.init) ?? "unknown") records)"))
        } catch let error as ServiceNowError {
            switch error.kind {
            case .authentication:
                checks.append(.init(name: "instance", passed: true, detail: "\(configuration.instance.absoluteString) answered"))
                checks.append(.init(name: "credentials", passed: false, detail: error.description))
            case .badRequest, .notFound, .forbidden:
                checks.append(.init(name: "instance", passed: true, detail: "\(configuration.instance.absoluteString) answered"))
                checks.append(.init(name: "table", passed: false, detail: error.description))
            default:
                checks.append(.init(name: "instance", passed: false, detail: error.description))
            }
            return checks
        } catch {
            checks.append(.init(name: "instance", passed: false, detail: "\(error)"))
            return checks
        }
        if probe.sampleFields.isEmpty {
            checks.append(.init(name: "fields", passed: true, detail: "no record in the table to check field names against"))
        } else {
            let wanted = [configuration.statementField, configuration.systemField, configuration.controlField, configuration.titleField]
            let missing = wanted.filter { field in
                let base = String(field.split(separator: ".").first ?? Substring(field))
                return !probe.sampleFields.contains(field) && !probe.sampleFields.contains(base)
            }
            checks.append(
                missing.isEmpty
                    ? .init(name: "fields", passed: true, detail: wanted.joined(separator: ", ") + " exist")
                    : .init(name: "fields", passed: false,
                            detail: "not in \(configuration.table): \(missing.joined(separator: ", ")) — fix statement_field / fields in config.yaml"))
        }
        let limit = probe.rateLimit
        let rateDetail =
            limit.limit == nil && limit.rule == nil
            ? "no rate-limit headers seen"
            : "limit \(limit.limit.map(String.init) ?? "?"), remaining \(limit.remaining.map(String.init) ?? "?")"
                + (limit.rule.map { ", rule \($0)" } ?? "")
        checks.append(.init(name: "rate limit", passed: true, detail: rateDetail))
        return checks
    }
}
