/// Why the demo could not run, with what to do instead.
enum DemoError: Error, CustomStringConvertible {
    /// The chosen folder holds something that is not a previous demo workspace.
    case folderInUse(String)
    /// The folder exists and is a file.
    case notAFolder(String)
    /// The seeded data did not have what the demo needs (a bug in the demo or the emulator).
    case missingStatements
    /// A step did not end as the demo expects (a bug: the message says which step).
    case unexpected(String)

    var description: String {
        switch self {
        case .folderInUse(let path):
            "\(path) exists, is not empty and is not a previous grcsync demo workspace, so the demo will not touch it. "
                + "Choose another folder with --directory, or remove it."
        case .notAFolder(let path):
            "\(path) is a file, not a folder. Choose another folder with --directory."
        case .missingStatements:
            "The emulator's demo data has fewer than two statements in one system, so the demo cannot run."
        case .unexpected(let what):
            "The demo went off script: \(what). This is a bug in grcsync; please report it with this output."
        }
    }
}
