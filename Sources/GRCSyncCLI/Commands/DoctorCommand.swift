import ArgumentParser
import GRCSync
import ServiceNow

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check config.yaml, credentials, the instance, the table and its fields.",
        discussion: """
            Each check prints one pass/fail line with what to fix. Also reports the rate-limit headers the \
            instance sends.

            Example:
              GRCSYNC_USERNAME=me GRCSYNC_PASSWORD=… grcsync doctor
            """)

    @OptionGroup var options: WorkspaceOptions

    func run() async throws {
        try await reportingErrors {
            var checks: [DoctorService.Check] = []
            let workspace = try options.openWorkspace()
            checks.append(.init(name: "config.yaml", passed: true, detail: "valid"))
            do {
                let credentials = try CredentialResolver().credentials(for: workspace.configuration)
                checks.append(.init(name: "credentials found", passed: true, detail: credentials.description))
                checks += await DoctorService(configuration: workspace.configuration).run(client: workspace.makeClient(credentials: credentials))
            } catch let error as CredentialError {
                checks.append(.init(name: "credentials found", passed: false, detail: error.description))
            }
            if options.json {
                try JSONOutput.write(checks)
            } else {
                Terminal.write(checks.map { "\($0.passed ? "pass" : "FAIL")  \($0.name): \($0.detail)\n" }.joined())
            }
            guard let failed = checks.first(where: { !$0.passed }) else { return .success }
            return failed.name.hasPrefix("credentials") ? .credentials : failed.name == "instance" ? .serviceNow : .workspace
        }
    }
}
