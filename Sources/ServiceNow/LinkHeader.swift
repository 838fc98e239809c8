import Foundation

/// The `Link` header of a listing: `<url>;rel="first",<url>;rel="prev",<url>;rel="next",<url>;rel="last"`.
struct LinkHeader: Equatable {
    /// URL by relation name (`first`, `prev`, `next`, `last`).
    var links: [String: URL]

    init(_ header: String) {
        var links: [String: URL] = [:]
        // URLs never contain a raw `<` or `>`, so splitting on `<` finds each entry even though the
        // URLs themselves may contain commas.
        for entry in header.split(separator: "<").dropFirst() {
            guard let close = entry.firstIndex(of: ">"),
                  let url = URL(string: String(entry[..<close]))
            else { continue }
            let parameters = entry[entry.index(after: close)...]
            guard let relRange = parameters.range(of: "rel=") else { continue }
            let rel = parameters[relRange.upperBound...]
                .prefix { $0 != ";" && $0 != "," }
                .trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            for name in rel.split(separator: " ") where links[String(name)] == nil {
                links[String(name)] = url
            }
        }
        self.links = links
    }

    /// The offset the `next` link points at, when there is one and it moves forward from `current`.
    /// `prev` is ignored on purpose: on the first page ServiceNow sends a negative offset there.
    func nextOffset(after current: Int) -> Int? {
        guard let next = links["next"],
              let item = URLComponents(url: next, resolvingAgainstBaseURL: false)?
                .queryItems?.first(where: { $0.name == "sysparm_offset" }),
              let offset = item.value.flatMap({ Int($0) }),
              offset > current
        else { return nil }
        return offset
    }
}
