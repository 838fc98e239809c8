/// What a pull did.
public struct PullReport: Sendable, Codable {
    /// How the mirror was merged into the current branch.
    public enum MergeResult: Sendable, Equatable, Codable {
        case upToDate
        case fastForward
        case merged(commit: String)
        case conflicts(paths: [String])
    }

    /// A statement whose remote version was added, changed or removed in the mirror.
    public struct Change: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case added, changed, removed }
        public var kind: Kind
        public var statement: StatementRef
        /// Who changed it in ServiceNow (`sys_updated_by`), where known.
        public var updatedBy: String?
    }

    /// A statement that stays an `.html` file in a Markdown workspace, and why.
    public struct KeptAsHTML: Sendable, Equatable, Codable {
        public var path: String
        public var reason: String
    }

    public var instance: String
    public var branch: String
    /// Records in scope on the server.
    public var listed: Int
    public var changes: [Change]
    public var keptAsHTML: [KeptAsHTML]
    /// The new mirror commit, or nil when ServiceNow had nothing new.
    public var mirrorCommit: String?
    /// Set when the mirror ref was missing and was found again in history.
    public var mirrorRebuilt: Bool
    public var merge: MergeResult
    /// Where a pull's time went, in seconds. Fetching and ingesting overlap: each batch is rendered and
    /// stored while the next ones are on the network.
    public struct Timings: Sendable, Equatable, Codable {
        /// Listing the table (ids and mod counts only).
        public var listing: Double
        /// From the end of the listing until the last batch of content was received and stored.
        public var fetching: Double
        /// Rendering statements and writing blobs, the manifest and the tree: the ingest's own work,
        /// summed over the batches and the final tree (part of it overlaps `fetching`).
        public var ingest: Double
        /// The CPU time of `ingest`, summed over all the threads that did it.
        public var ingestCPU: Double
        /// Merging the mirror into the current branch (on a first pull, checking out every file).
        public var merge: Double

        enum CodingKeys: String, CodingKey {
            case listing, fetching, ingest, merge
            case ingestCPU = "ingest_cpu"
        }

        init(listing: Duration, fetching: Duration, ingest: Duration, ingestCPU: Double, merge: Duration) {
            func seconds(_ duration: Duration) -> Double {
                Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            }
            self.listing = seconds(listing)
            self.fetching = seconds(fetching)
            self.ingest = seconds(ingest)
            self.ingestCPU = ingestCPU
            self.merge = seconds(merge)
        }
    }

    /// HTTP requests made.
    public var requests: Int
    public var seconds: Double
    /// Where the time went.
    public var timings: Timings?

    enum CodingKeys: String, CodingKey {
        case instance, branch, listed, changes, merge, requests, seconds, timings
        case keptAsHTML = "kept_as_html"
        case mirrorCommit = "mirror_commit"
        case mirrorRebuilt = "mirror_rebuilt"
    }
}

extension PullReport: JSONStreamedReport {
    public func splitForJSON() -> (head: PullReport, lists: [JSONList]) {
        var head = self
        head.changes = []
        head.keptAsHTML = []
        return (head, [JSONList(key: CodingKeys.changes.rawValue, changes), JSONList(key: CodingKeys.keptAsHTML.rawValue, keptAsHTML)])
    }
}
