import Foundation
import GitKit
import Testing

@testable import GRCSyncCLI

/// The demo's graph orders commits as `git log --graph` does (`--topo-order`); the demo's end-to-end
/// test compares a whole drawing with git's, these the order on shapes the demo does not make.
struct CommitGraphTests {
    private static let signature = Signature(name: "T", email: "t@example.org", date: Date(timeIntervalSince1970: 0))

    /// Commits named by one letter each, newest first, as `Repository.commits(from:)` gives them.
    private static func commits(_ parents: KeyValuePairs<String, [String]>) -> [CommitInfo] {
        func id(_ name: String) -> ObjectID { ObjectID(hex: String(repeating: String(format: "%02x", name.unicodeScalars.first!.value), count: 20))! }
        return parents.map { name, parents in
            CommitInfo(id: id(name), tree: id("t"), parents: parents.map(id), message: name + "\n",
                       author: signature, committer: signature)
        }
    }

    private static func order(_ commits: [CommitInfo]) -> String {
        CommitGraph.inGitOrder(commits).map(\.summary).joined()
    }

    @Test func afterAMergeTheMergedLineComesFirstDownToWhereItMeetsTheRest() {
        // m merges x (from b) into a; libgit2's time order would interleave a and x.
        let list = Self.commits(["m": ["a", "x"], "a": ["b"], "x": ["b"], "b": []])
        #expect(Self.order(list) == "mxab")
    }

    @Test func everyCommitOnceEvenWithAParentListedTwiceOrOutsideTheList() {
        let list = Self.commits(["m": ["a", "a"], "a": ["z"], "c": ["a"]])
        let ordered = Self.order(list)
        #expect(ordered.count == 3 && Set(ordered) == ["m", "a", "c"], "\(ordered)")
        #expect(ordered.last == "a", "a parent comes after all its children: \(ordered)")
    }

    @Test func aLimitKeepsTheFirstCommitsInGitsOrder() {
        let list = Self.commits(["m": ["a", "x"], "a": ["b"], "x": ["b"], "b": []])
        let graph = CommitGraph(commits: list, limit: 2)
        #expect(graph.lines.filter { $0.contains("*") }.count == 2, "\(graph.lines)")
        #expect(graph.lines.last?.hasSuffix(" x") == true, "\(graph.lines)")
    }
}
