import ArgumentParser
import Foundation
import GRCSync

/// Options every workspace command takes.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.customShort("C"), .long], help: "Run as if started in this directory.")
    var directory: String = "."

    @Flag(help: "Print machine-readable JSON on standard output instead of a table.")
    var json = false

    var directoryURL: URL {
        URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }

    func openWorkspace() throws -> Workspace { try Workspace(containing: directoryURL) }
}
