import Foundation

/// Fills a store with the GRC tables: `sys_user`, `sn_grc_profile` (systems),
/// `sn_compliance_policy_statement` (control objectives) and `sn_compliance_control` (one per control per
/// system), deterministically from a random seed.
enum GRCSeed {
    static let profileTable = "sn_grc_profile"
    static let objectiveTable = "sn_compliance_policy_statement"
    static let controlTable = "sn_compliance_control"
    static let userTable = "sys_user"

    /// 2024-01-02 09:00:00 UTC: seeded records are created from here on, one second apart.
    private static let epoch: TimeInterval = 1_704_186_000

    private static let systemNames = [
        "Payments Gateway", "Benefits Portal", "Case Management", "Data Warehouse", "Identity Hub",
        "Grants Platform", "Document Archive", "Field Operations", "Public Website", "HR Core",
        "Mail Relay", "Analytics Lake", "Permit Tracker", "Call Center", "Asset Registry", "Learning Portal",
    ]

    static func defineTables(in state: inout StoreState) {
        func define(_ name: String, _ columns: [String], _ references: [String: String] = [:], display: String) {
            if state.tables[name] == nil {
                state.tables[name] = TableData(name: name, columns: columns, references: references, displayField: display)
            }
        }
        define(userTable, ["user_name", "name", "email", "active"], display: "name")
        define(profileTable, ["name", "description", "active", "owned_by"], ["owned_by": userTable], display: "name")
        define(objectiveTable, ["number", "reference", "name", "description", "active"], display: "name")
        define(
            controlTable,
            ["number", "name", "reference", "profile", "content", "state", "status", "owner", "description",
             "implementation_statement"],
            ["profile": profileTable, "content": objectiveTable, "owner": userTable], display: "number")
    }

    static func seed(
        _ seed: EmulatorSeed, users: [EmulatorUser], into state: inout StoreState
    ) throws {
        defineTables(in: &state)
        var random = SysIDGenerator(seed: seedValue(seed))
        var clock = 0
        func stamp() -> String {
            clock += 1
            return ServiceNowTime.string(from: Date(timeIntervalSince1970: epoch + TimeInterval(clock)))
        }
        func system(_ record: [String: String], by user: String = "admin") -> [String: String] {
            let time = stamp()
            return record.merging([
                "sys_id": random.sysID(), "sys_created_on": time, "sys_created_by": user, "sys_updated_on": time,
                "sys_updated_by": user, "sys_mod_count": "0",
            ]) { _, new in new }
        }
        var userIDs: [String] = []
        for user in users {
            let record = system([
                "user_name": user.name, "name": user.name.capitalized, "email": "\(user.name)@example.gov",
                "active": "true",
            ])
            userIDs.append(record["sys_id"] ?? "")
            state.load(table: userTable, record: record)
        }
        guard case .demo(let baseline, let systems, _, let statementsURL) = seed else { return }
        let statements = try statementsURL.map { try StatementsFile(contentsOf: $0) }
        let controls = NISTCatalog.controls(in: baseline)
        var objectiveIDs: [String] = []
        for (index, control) in controls.enumerated() {
            let family = NISTCatalog.familyNames[control.family] ?? control.family
            let record = system([
                "number": "PS" + padded(index + 1, 7), "reference": control.id, "name": control.name,
                "description": "NIST SP 800-53 rev5 control \(control.id) (\(family) family): \(control.name).",
                "active": "true",
            ])
            objectiveIDs.append(record["sys_id"] ?? "")
            state.load(table: objectiveTable, record: record)
        }
        var number = 0
        for systemIndex in 0..<max(systems, 0) {
            let name = systemName(systemIndex)
            let owner = userIDs.isEmpty ? "" : userIDs[systemIndex % userIDs.count]
            let profile = system([
                "name": name, "description": "Information system \(name) (\(baseline.rawValue) baseline).",
                "active": "true", "owned_by": owner,
            ])
            state.load(table: profileTable, record: profile)
            for (index, control) in controls.enumerated() {
                number += 1
                let real = statements?.statements[control.id].map { $0[systemIndex % $0.count] }
                let text = real ?? StatementComposer.statement(for: control, system: name, random: &random)
                let (controlState, status) = lifecycle(&random)
                var record = system([
                    "number": "CTRL" + padded(number, 7), "name": control.name, "reference": control.id,
                    "profile": profile["sys_id"] ?? "", "content": objectiveIDs[index], "state": controlState,
                    "status": status, "owner": owner, "description": "\(control.id) applied to \(name).",
                    "implementation_statement": text,
                ])
                let edits = random.next(below: 4)
                if edits > 0 {
                    // Some controls were edited since they were created, days later.
                    record["sys_mod_count"] = String(edits)
                    record["sys_updated_on"] = ServiceNowTime.string(
                        from: Date(timeIntervalSince1970: epoch + TimeInterval(clock + edits * 86_400)))
                }
                state.load(table: controlTable, record: record)
            }
        }
    }

    static func systemName(_ index: Int) -> String {
        let base = systemNames[index % systemNames.count]
        return index < systemNames.count ? base : "\(base) \(index / systemNames.count + 1)"
    }

    private static func lifecycle(_ random: inout SysIDGenerator) -> (String, String) {
        switch random.next(below: 20) {
        case 0..<12: return ("draft", "non_compliant")
        case 12..<14: return ("assess", "non_compliant")
        case 14..<16: return ("review", "non_compliant")
        case 16..<19: return ("monitor", "compliant")
        default: return ("monitor", "not_applicable")
        }
    }

    private static func seedValue(_ seed: EmulatorSeed) -> UInt64 {
        if case .demo(_, _, let randomSeed, _) = seed { return randomSeed }
        return 1
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
