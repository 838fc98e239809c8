import GitKit
import ServiceNow

/// Builds the next mirror tree from what ServiceNow returned: statement files rendered in the
/// workspace's format, at paths that never move once given, and the manifest that maps them.
struct MirrorSnapshot {
    let configuration: Configuration
    let repository: Repository

    /// The fields fetched for a record whose content is needed.
    var contentFields: [String] {
        var fields = ["sys_id", "sys_mod_count", "sys_updated_on", "sys_updated_by", configuration.statementField]
        for field in [configuration.systemField, configuration.controlField, configuration.titleField]
        where !fields.contains(field) {
            fields.append(field)
        }
        return fields
    }

    /// The records whose content must be fetched (new, or `sys_mod_count` moved) and the manifest
    /// entries whose records are gone from the listing.
    static func plan(listing: [RecordVersion], manifest: Manifest) -> (fetch: [String], removed: [ManifestEntry]) {
        var fetch: [String] = []
        var seen = Set<String>(minimumCapacity: listing.count)
        for record in listing {
            guard let sysID = record.sysID, seen.insert(sysID).inserted else { continue }
            if manifest.entry(sysID: sysID)?.modCount != record.modCount { fetch.append(sysID) }
        }
        let removed = manifest.unorderedEntries.filter { !seen.contains($0.sysID) }.sorted { $0.path < $1.path }
        return (fetch, removed)
    }

    struct Result {
        var tree: ObjectID?
        var changes: ChangeList
        var keptAsHTML: [PullReport.KeptAsHTML]
        /// The new manifest's bytes in a file of their own, when asked for and the manifest changed: for
        /// the checkout that follows to move into the work tree (`PreparedFile`). Whoever receives it
        /// removes it if it was not used (`PreparedFile.discard()`).
        var manifestFile: PreparedFile? = nil
        /// The updated manifest, when asked for (`MirrorIngest.finish`).
        var manifest: Manifest? = nil
    }

    /// Applies fetched records and removals to the mirror's tree in one go (push records what
    /// ServiceNow returned this way). `tree` is nil when nothing changed.
    func apply(fetched: [Record], removed: [ManifestEntry], manifest old: consuming Manifest, baseTree: ObjectID?,
               keepingManifestFile: Bool = false, keepingManifest: Bool = false) throws -> Result
    {
        let ingest = try MirrorIngest(configuration: configuration, repository: repository, expected: fetched.count)
        try ingest.add(fetched)
        return try ingest.finish(
            removed: removed, manifest: consume old, baseTree: baseTree, keepingManifestFile: keepingManifestFile,
            keepingManifest: keepingManifest)
    }
}
