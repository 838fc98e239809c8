/// What to push and how.
public struct PushOptions: Sendable {
    /// Statement files or folders to push (all modified statements when empty, and no control is given).
    public var paths: [String]
    /// Control ids to push, e.g. `AC-2`.
    public var controls: [String]
    /// Check and show, write nothing.
    public var dryRun: Bool
    /// Write even over statements changed in ServiceNow since the last pull, after committing their
    /// remote version to the mirror so that nothing overwritten is lost.
    public var force: Bool

    public init(paths: [String] = [], controls: [String] = [], dryRun: Bool = false, force: Bool = false) {
        self.paths = paths
        self.controls = controls
        self.dryRun = dryRun
        self.force = force
    }
}
