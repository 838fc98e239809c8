import Foundation

/// The NIST SP 800-53 rev5 controls the built-in seed draws from (facts only: id, name, family,
/// baselines).
struct NISTControl: Sendable {
    /// `AC-2(1)`.
    var id: String
    /// `Account Management | Automated System Account Management`.
    var name: String
    /// `AC`.
    var family: String
    var baselines: Set<Baseline>
}

enum NISTCatalog {
    /// Every control that is not withdrawn, in catalogue order.
    static let controls: [NISTControl] = table.split(separator: "\n").compactMap { line in
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard columns.count == 3, let dash = columns[0].firstIndex(of: "-") else { return nil }
        var baselines = Set<Baseline>()
        if columns[1].contains("L") { baselines.insert(.low) }
        if columns[1].contains("M") { baselines.insert(.moderate) }
        if columns[1].contains("H") { baselines.insert(.high) }
        return NISTControl(
            id: String(columns[0]), name: String(columns[2]), family: String(columns[0][..<dash]),
            baselines: baselines)
    }

    static func controls(in baseline: Baseline) -> [NISTControl] {
        controls.filter { $0.baselines.contains(baseline) }
    }

    /// Family titles from SP 800-53 rev5.
    static let familyNames: [String: String] = [
        "AC": "Access Control", "AT": "Awareness and Training", "AU": "Audit and Accountability",
        "CA": "Assessment, Authorization, and Monitoring", "CM": "Configuration Management",
        "CP": "Contingency Planning", "IA": "Identification and Authentication", "IR": "Incident Response",
        "MA": "Maintenance", "MP": "Media Protection", "PE": "Physical and Environmental Protection",
        "PL": "Planning", "PM": "Program Management", "PS": "Personnel Security",
        "PT": "PII Processing and Transparency", "RA": "Risk Assessment", "SA": "System and Services Acquisition",
        "SC": "System and Communications Protection", "SI": "System and Information Integrity",
        "SR": "Supply Chain Risk Management",
    ]
}
