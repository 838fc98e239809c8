import Foundation

/// How numbers read in the report.
enum Format {
    /// `412 ms` under a second, `12.3 s` above.
    static func seconds(_ value: Double) -> String {
        guard !value.isNaN else { return "—" }
        if value < 1 { return String(format: "%.0f ms", value * 1000) }
        return String(format: value < 10 ? "%.2f s" : "%.1f s", value)
    }

    /// `1.27×`.
    static func ratio(_ value: Double) -> String {
        value.isNaN || value.isInfinite ? "—" : String(format: "%.2f×", value)
    }

    /// `96 MB` (10^6 bytes).
    static func megabytes(_ bytes: Int) -> String {
        bytes <= 0 ? "—" : String(format: "%.0f MB", Double(bytes) / 1e6)
    }

    /// `100,000`.
    static func count(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
