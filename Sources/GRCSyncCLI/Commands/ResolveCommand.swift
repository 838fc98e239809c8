public import ArgumentParser
public import GRCSync

/// `grcsync resolve`: settles conflicted statements after a pull by keeping one side's whole version.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle conflicted statements of a pull: keep yours (--ours) or ServiceNow's (--theirs).",
        // --ours and --theirs are one flag with two spellings, exactly one of which is required; the
        // generated usage would list both as if each were.
        usage: "grcsync resolve [--directory <directory>] [--json] (--ours | --theirs) [<paths> ...]",
        discussion: """
            Replaces each file with one side's whole version and stages it; then 'git commit' finishes the \
            merge. Editing the conflict markers by hand and 'git add' works too.

            Example:
              grcsync resolve --theirs statements/payments/AC-2.html && git commit --no-edit
            """)

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Which version to keep.")
    var side: ResolveService.Side

    @Argument(help: "Conflicted files (all conflicted statements when none is given).")
    var paths: [String] = []

    func run() async throws {
        try await reportingErrors {
            let workspace = try options.openWorkspace()
            let resolved = try ResolveService(workspace: workspace).run(side: side, paths: paths.map { workspace.relativePath($0) })
            if options.json {
                try JSONOutput.write(resolved)
            } else {
                Terminal.write(resolved.map { "resolved (\(side.rawValue)): \($0)\n" }.joined())
                Terminal.write("Now run 'git commit' to finish the merge.\n")
            }
            return .success
        }
    }
}

extension ResolveService.Side: EnumerableFlag {}
