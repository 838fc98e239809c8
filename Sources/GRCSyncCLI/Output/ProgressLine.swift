import Foundation
import GRCSync

/// Draws progress events on one terminal line (standard error), and nothing when it is not a terminal.
final class ProgressLine: Sendable {
    private let enabled: Bool

    init(enabled: Bool = Terminal.standardErrorIsTerminal) { self.enabled = enabled }

    var handler: ProgressHandler? {
        guard enabled else { return nil }
        return { [self] event in self.draw(event) }
    }

    func draw(_ event: ProgressEvent) {
        let text: String
        switch event {
        case .listing(let done, let total): text = "Listing records: \(done)\(total.map { "/\($0)" } ?? "")"
        case .fetching(let done, let total): text = "Fetching changed statements: \(done)/\(total)"
        case .writing(let done, let total): text = "Writing to ServiceNow: \(done)/\(total)"
        case .phase(let name): text = name.prefix(1).uppercased() + name.dropFirst() + "…"
        }
        Terminal.writeError("\r\u{1B}[2K" + text)
    }

    /// Clears the line before results are printed.
    func finish() {
        if enabled { Terminal.writeError("\r\u{1B}[2K") }
    }
}
