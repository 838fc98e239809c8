import GitKit

/// A compact `git log --graph --oneline` drawn from commits newest first, computed in process (the demo
/// never runs `git`), in the order git shows them. Each lane is a line of descent waiting for its next
/// commit; merges open a lane (`|\`), commits with several children close one (`|/`). Good for the few
/// lanes of a sync history.
struct CommitGraph {
    /// The commits, newest first in topological order (as `Repository.commits(from:)` returns them).
    var commits: [CommitInfo]
    /// Reference names to show beside a commit, e.g. "HEAD -> main", "servicenow/main".
    var labels: [ObjectID: [String]] = [:]
    /// How many commits to draw, the first ones in git's order.
    var limit = Int.max

    /// The graph, one string per line.
    var lines: [String] {
        let ordered = Self.inGitOrder(commits).prefix(limit)
        let shown = Set(ordered.map(\.id))
        var lanes: [ObjectID] = []
        var out: [String] = []
        for commit in ordered {
            var lane: Int
            if let first = lanes.firstIndex(of: commit.id) {
                lane = first
            } else {
                lanes.append(commit.id)
                lane = lanes.count - 1
            }
            let joining = lanes.indices.filter { $0 != lane && lanes[$0] == commit.id }
            if !joining.isEmpty {
                out.append(Self.connector(width: lanes.count) { joining.contains($0) ? .closing : .straight })
                for index in joining.reversed() { lanes.remove(at: index) }
                lane = lanes.firstIndex(of: commit.id) ?? lane
            }
            out.append(row(commit, lane: lane, width: lanes.count))
            let parents = commit.parents.filter(shown.contains)
            guard let first = parents.first else {
                lanes.remove(at: lane)
                continue
            }
            lanes[lane] = first
            for parent in parents.dropFirst() {
                if let existing = lanes.firstIndex(of: parent), existing == lane + 1 {
                    out.append(Self.connector(width: lanes.count) { $0 == lane ? .opening : .straight })
                } else if !lanes.contains(parent) {
                    lanes.insert(parent, at: lane + 1)
                    out.append(Self.connector(width: lanes.count) { $0 == lane + 1 ? .opened : .straight })
                }
            }
        }
        return out
    }

    /// `commits` in the order `git log --graph` (`--topo-order`) shows them: a commit once all its children
    /// are shown, and of the commits ready, the one made ready last — so after a merge, the line it
    /// merged in comes first, down to where it meets the rest.
    static func inGitOrder(_ commits: [CommitInfo]) -> [CommitInfo] {
        let byID = Dictionary(commits.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [ObjectID: Int] = [:]
        for commit in commits {
            for parent in Set(commit.parents) where byID[parent] != nil { children[parent, default: 0] += 1 }
        }
        // The tips, the newest on top of the stack.
        var ready = commits.filter { children[$0.id, default: 0] == 0 }.reversed().map(\.id)
        var ordered: [CommitInfo] = []
        ordered.reserveCapacity(commits.count)
        while let id = ready.popLast(), let commit = byID[id] {
            ordered.append(commit)
            var seen: Set<ObjectID> = []
            for parent in commit.parents where byID[parent] != nil && seen.insert(parent).inserted {
                children[parent, default: 0] -= 1
                if children[parent] == 0 { ready.append(parent) }
            }
        }
        return ordered
    }

    private func row(_ commit: CommitInfo, lane: Int, width: Int) -> String {
        let marks = (0..<width).map { $0 == lane ? "*" : "|" }.joined(separator: " ")
        let label = labels[commit.id].map { " (\($0.joined(separator: ", ")))" } ?? ""
        return "\(marks) \(commit.id.hex.prefix(7))\(label) \(commit.summary)"
    }

    private enum Mark { case straight, opening, opened, closing }

    /// One line between rows: `|` for a lane that goes straight on, `\` beside a lane that a merge
    /// opens, `/` beside a lane that ends in the lane to its left.
    private static func connector(width: Int, _ mark: (Int) -> Mark) -> String {
        var characters = Array(repeating: Character(" "), count: max(1, 2 * width - 1))
        for lane in 0..<width {
            switch mark(lane) {
            case .straight: characters[2 * lane] = "|"
            case .opening:
                characters[2 * lane] = "|"
                if 2 * lane + 1 < characters.count { characters[2 * lane + 1] = "\\" }
            case .opened: characters[2 * lane - 1] = "\\"
            case .closing: characters[2 * lane - 1] = "/"
            }
        }
        return String(characters).trimmingSuffixSpaces
    }
}

extension String {
    fileprivate var trimmingSuffixSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
