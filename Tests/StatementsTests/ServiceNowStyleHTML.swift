import Foundation

/// Renders the seed corpus (18F statements, NIST control text) as ServiceNow-style rich text: one line,
/// `<p>` per paragraph, `<ul><li>` for lines starting with `*`, `<strong>` part labels, entities for
/// `&`, `<`, `>` and apostrophes. The emulator has its own renderer; this one exists so that the
/// converter tests do not depend on it.
enum ServiceNowStyleHTML {
    struct Statement: Decodable {
        struct Part: Decodable {
            var key: String
            var text: String
        }

        var control: String
        var parts: [Part]
    }

    struct ControlText: Decodable {
        var control: String
        var name: String
        var text: String
    }

    /// `<package root>/../shared`, or nil when the shared folder is absent.
    static var sharedFolder: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    static func load<Record: Decodable>(_ file: String, as type: Record.Type) throws -> [Record]? {
        guard let shared = sharedFolder else { return nil }
        let url = shared.appendingPathComponent("fixtures/grc-seed/\(file)")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            try decoder.decode(Record.self, from: Data(line.utf8))
        }
    }

    static func html(_ statement: Statement) -> String {
        statement.parts.map { part in
            blocks(part.text, label: part.key + ".")
        }.joined()
    }

    /// Control text is one item per line ("a. …", "1. …", "(a) …"): one paragraph per line.
    static func html(_ control: ControlText) -> String {
        "<p><strong>" + escape(control.name) + "</strong></p>"
            + control.text.split(separator: "\n").map { "<p>" + escape(String($0)) + "</p>" }.joined()
    }

    /// Paragraphs (lines joined, blank lines separate), bullets for `*` lines; the label in `<strong>`
    /// at the start of the first paragraph.
    private static func blocks(_ text: String, label: String?) -> String {
        var output = ""
        var paragraph: [String] = []
        var bullets: [String] = []
        var label = label
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let prefix = label.map { "<strong>" + escape($0) + "</strong> " } ?? ""
            output += "<p>" + prefix + escape(paragraph.joined(separator: " ")) + "</p>"
            label = nil
            paragraph = []
        }
        func flushBullets() {
            guard !bullets.isEmpty else { return }
            output += "<ul>" + bullets.map { "<li>" + escape($0) + "</li>" }.joined() + "</ul>"
            bullets = []
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushBullets()
            } else if line.hasPrefix("* ") || line == "*" {
                flushParagraph()
                bullets.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else {
                flushBullets()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushBullets()
        return output
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "'": result += "&#39;"
            case "\u{A0}": result += "&nbsp;"
            default: result.append(character)
            }
        }
        return result
    }
}
