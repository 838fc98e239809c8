import ArgumentParser
import GRCSync

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show your changes to statements against ServiceNow's version (the mirror).",
        discussion: """
            Compares the work tree (default), the index (--cached) or HEAD (--committed: what push would \
            send) with servicenow/main. 'git diff servicenow/main -- statements/' shows the same changes.

            Example:
              grcsync diff --word statements/payments/AC-2.html
            """)

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Compare the index (staged changes) instead of the work tree.")
    var cached = false

    @Flag(help: "Compare HEAD (committed changes: what push would send) instead of the work tree.")
    var committed = false

    @Flag(help: "Word-level diff, for long paragraphs ([-removed-]{+added+}).")
    var word = false

    @Argument(help: "Statement files or folders to limit the diff to.")
    var paths: [String] = []

    func validate() throws {
        if cached && committed { throw ValidationError("Use either --cached or --committed, not both.") }
    }

    func run() async throws {
        try await reportingErrors {
            let workspace = try options.openWorkspace()
            let diffs = try DiffService(workspace: workspace).run(
                paths: paths, side: cached ? .index : committed ? .head : .workTree, word: word)
            if options.json {
                try JSONOutput.write(diffs)
            } else {
                for diff in diffs {
                    if let statement = diff.statement, word {
                        Terminal.write("\(statement.control) (\(statement.system)) — \(diff.path)\n")
                    }
                    Terminal.write(diff.patch)
                }
            }
            return .success
        }
    }
}
