/// Implementation statements of a realistic size (~1.5 KB of rich text), generated: the emulator's
/// demo text is a few hundred bytes, so each statement is the demo text plus generated paragraphs and a
/// list, deterministically from the record's position.
struct StatementCorpus {
    /// The size a statement grows to, in bytes (give or take one sentence).
    var targetBytes = 1_500

    private static let subjects = [
        "The platform team", "The system owner", "An automated job", "The security operations centre",
        "Each release pipeline", "The configuration management database", "The change advisory board",
        "The identity provider", "The vulnerability scanner", "The backup service",
    ]
    private static let verbs = [
        "reviews", "records", "verifies", "enforces", "reports on", "reconciles", "tests", "monitors",
    ]
    private static let objects = [
        "the baseline settings of every host", "account changes against approved tickets",
        "the inventory of software components", "alerts raised outside business hours",
        "encryption settings on storage volumes", "privileged sessions and their justification",
        "the results of the last restore test", "firewall rules against the approved design",
    ]
    private static let cadences = [
        "every day", "every week", "at each release", "every month", "every quarter", "after each incident",
    ]
    private static let evidence = [
        "exported reports", "signed checklists", "pipeline logs", "screenshots of the console",
        "tickets in the change system", "minutes of the review meeting",
    ]

    /// The statement for the record at `index`, starting with the emulator's `base` text.
    func statement(base: String, index: Int) -> String {
        var random = SplitMix64(seed: UInt64(index) &+ 0x5EED)
        var html = base
        var part = 1
        while html.utf8.count < targetBytes - 200 {
            html += "<p><strong>Detail \(part).</strong> " + sentence(&random) + " " + sentence(&random) + "</p>"
            part += 1
        }
        html += "<ul>"
        while html.utf8.count < targetBytes {
            html += "<li>" + sentence(&random) + "</li>"
        }
        return html + "</ul>"
    }

    /// A revision of `text` as a colleague would make it: one more sentence at the end.
    func revised(_ text: String, round: Int) -> String {
        var random = SplitMix64(seed: UInt64(text.utf8.count &* 31 &+ round))
        return text + "<p>Revised (round \(round)): " + sentence(&random) + "</p>"
    }

    private func sentence(_ random: inout SplitMix64) -> String {
        "\(random.pick(Self.subjects)) \(random.pick(Self.verbs)) \(random.pick(Self.objects)) "
            + "\(random.pick(Self.cadences)) and keeps \(random.pick(Self.evidence)) as evidence."
    }
}

/// A small, fast, seeded generator (Vigna's SplitMix64): the same seed always gives the same text.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }
}
