import Foundation

/// Writes plausible implementation statements for the built-in seed, as one-line ServiceNow rich text.
///
/// The text is the project's own, composed from templates around the control's name and family and the
/// system's name; the choices come from the seed's generator, so a seed always yields the same text.
enum StatementComposer {
    private static let openers = [
        "{system} implements {topic} as part of its {family} program.",
        "The {system} team is responsible for {topic} and documents it in the system security plan.",
        "{system} meets this requirement through {mechanism}.",
        "For {system}, {topic} is handled by {role} using {mechanism}.",
        "{topic} for {system} is inherited in part from the organisation's shared services and completed locally.",
    ]
    private static let mechanisms = [
        "automated configuration baselines", "documented procedures reviewed every year",
        "centralised identity management", "continuous monitoring dashboards", "infrastructure-as-code templates",
        "a ticketed change process", "vendor-managed platform controls", "scheduled scripted checks",
    ]
    private static let roles = [
        "the Information System Security Officer", "the DevOps lead", "the System Owner",
        "the Security Operations Center", "the platform engineering team", "the Authorizing Official's delegate",
    ]
    private static let followUps = [
        "Evidence is retained for {years} years and reviewed by {role}.",
        "Exceptions are tracked as plan of action and milestones items until closed.",
        "The procedure is reviewed every {period} and after significant changes to {system}.",
        "Deviations raise an alert that {role} triages within one business day.",
        "Results are reported monthly to the system owner.",
    ]
    private static let bullets = [
        "<strong>Owner:</strong> {role}", "<strong>Frequency:</strong> every {period}",
        "<strong>Tooling:</strong> {tool}", "<strong>Evidence:</strong> {evidence}",
    ]
    private static let periods = ["30 days", "90 days", "six months", "year"]
    private static let tools = [
        "Splunk", "AWS Config", "Okta", "Terraform", "ServiceNow Change Management", "GitHub Actions", "Nessus",
    ]
    private static let evidences = [
        "signed review records", "exported configuration reports", "ticket history", "scan results",
        "meeting minutes",
    ]

    /// A statement of one to three parts (`<p><strong>Part a.</strong> …</p>`, sometimes a list).
    static func statement(for control: NISTControl, system: String, random: inout SysIDGenerator) -> String {
        let topic = control.name.split(separator: "|").last.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? control.name
        let family = NISTCatalog.familyNames[control.family] ?? control.family
        var html = ""
        for part in ["a", "b", "c"].prefix(1 + random.next(below: 3)) {
            var fill: [String: String] = [
                "system": system, "topic": topic.lowercased(), "family": family.lowercased(),
                "mechanism": pick(mechanisms, &random), "role": pick(roles, &random),
                "period": pick(periods, &random), "years": String(2 + random.next(below: 5)),
                "tool": pick(tools, &random), "evidence": pick(evidences, &random),
            ]
            let opener = capitalizedFirst(render(pick(openers, &random), fill))
            fill["role"] = pick(roles, &random)
            html += "<p><strong>Part \(part).</strong> \(opener) \(render(pick(followUps, &random), fill))</p>"
            if random.next(below: 3) == 0 {
                let items = bullets.filter { _ in random.next(below: 2) == 0 }
                if !items.isEmpty {
                    html += "<ul>" + items.map { "<li>\(render($0, fill))</li>" }.joined() + "</ul>"
                }
            }
        }
        return html
    }

    private static func pick(_ options: [String], _ random: inout SysIDGenerator) -> String {
        options[random.next(below: options.count)]
    }

    /// Fills `{key}` placeholders in one pass (seeding 100k statements calls this a million times).
    private static func render(_ template: String, _ fill: [String: String]) -> String {
        var text = ""
        text.reserveCapacity(template.utf8.count + 64)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let key = String(rest[rest.index(after: open)..<close])
            text += fill[key].map(HTMLText.escape) ?? "{\(key)}"
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return text
    }

    private static func capitalizedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// Escaping for text placed in HTML.
enum HTMLText {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
