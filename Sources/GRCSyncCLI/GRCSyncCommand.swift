public import ArgumentParser

/// The `grcsync` command: keeps ServiceNow GRC implementation statements in a Git working tree.
public struct GRCSyncCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "grcsync",
        abstract: "Keep ServiceNow GRC implementation statements in Git, and push approved changes back."
    )

    public init() {}
}
