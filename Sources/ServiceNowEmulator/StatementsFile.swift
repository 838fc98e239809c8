public import Foundation

/// Real-world statement text loaded at run time from a JSONL file such as the 18F statements
/// (`{"component","control","status","parts":[{"key","text"}]}` a line), rendered as ServiceNow rich text.
///
/// The text is read from the user's file when the emulator starts; the project never embeds it.
public struct StatementsFile: Sendable {
    /// Rendered statements by control id (`AC-2(7)`), one per component that addresses the control.
    public private(set) var statements: [String: [String]] = [:]

    /// Reads and renders `url`; lines that are not statements are skipped.
    public init(contentsOf url: URL) throws(StatementsFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StatementsFileError(path: url.path, reason: error.localizedDescription)
        }
        var count = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(line)) else { continue }
            let control = entry.control.replacingOccurrences(of: " ", with: "")
            let html = Self.render(entry.parts)
            guard !html.isEmpty else { continue }
            statements[control, default: []].append(html)
            count += 1
        }
        guard count > 0 else {
            throw StatementsFileError(path: url.path, reason: "no statement lines ({\"control\",\"parts\"}) found")
        }
    }

    /// Renders narrative parts: a `<p>` per paragraph (hard-wrapped lines joined), `*`/`-` lines as a
    /// list, each part led by `<strong>Part x.</strong>`.
    static func render(_ parts: [Entry.Part]) -> String {
        var html = ""
        for part in parts {
            var first = true
            for paragraph in part.text.components(separatedBy: "\n\n") {
                var prose: [String] = []
                var items: [String] = []
                func flush() {
                    if !prose.isEmpty {
                        let key = part.key ?? ""
                        let lead = first && !key.isEmpty ? "<strong>Part \(HTMLText.escape(key)).</strong> " : ""
                        html += "<p>\(lead)\(HTMLText.escape(prose.joined(separator: " ")))</p>"
                        prose = []
                        first = false
                    }
                    if !items.isEmpty {
                        html += "<ul>" + items.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
                        items = []
                    }
                }
                for rawLine in paragraph.split(separator: "\n") {
                    let line = rawLine.trimmingCharacters(in: .whitespaces)
                    if line.hasPrefix("* ") || line.hasPrefix("- ") {
                        if !prose.isEmpty { flush() }
                        items.append(String(line.dropFirst(2)))
                    } else if !line.isEmpty {
                        if !items.isEmpty { flush() }
                        prose.append(line)
                    }
                }
                flush()
            }
        }
        return html
    }

    struct Entry: Decodable {
        struct Part: Decodable {
            var key: String?
            var text: String
        }
        var control: String
        var parts: [Part]
    }
}

/// A statements file could not be read.
public struct StatementsFileError: Error, CustomStringConvertible, Sendable {
    /// The file.
    public var path: String
    /// What went wrong.
    public var reason: String

    public var description: String {
        "Cannot load statements from \(path): \(reason). Check the path (--seed-file) or run without it to use generated text."
    }
}
