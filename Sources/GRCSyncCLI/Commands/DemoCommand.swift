import ArgumentParser
import Foundation
import ServiceNowEmulator

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run grcsync's main job end to end against a built-in ServiceNow emulator.",
        discussion: """
            Starts a ServiceNow emulator in this process (loopback, a free port, users admin/admin and \
            alice/alice, two systems with the NIST 800-53 low baseline), creates a workspace, pulls, \
            edits a statement as you and the same one as a colleague in ServiceNow, shows status, pulls \
            into a conflict, resolves it, pushes, and draws the Git history. Each step names the command \
            you would type. The workspace is left behind for you to explore; a previous demo workspace in \
            the same folder is replaced, anything else is left alone.

            Examples:
              grcsync demo
              grcsync demo --directory /tmp/try-grcsync --keep-running
            """)

    @Option(name: [.customShort("C"), .long], help: "Where to leave the demo workspace (a new or empty folder, or a previous demo's).")
    var directory: String = DemoFolder.defaultName

    @Flag(help: "Keep the emulator running after the demo, to try pull and push yourself, until Ctrl-C.")
    var keepRunning = false

    func run() async throws {
        try await reportingErrors {
            let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let folder = URL(fileURLWithPath: directory, relativeTo: current).standardizedFileURL
            do {
                if try DemoFolder.prepare(folder) { Terminal.write("Replacing the previous demo workspace in \(folder.path).\n") }
            } catch let error as DemoError {
                Terminal.writeError("error: \(error.description)\n")
                return .workspace
            }
            let server = try await EmulatorServer.start(
                EmulatorOptions(port: 0, users: DemoScript.users, seed: DemoScript.seed))
            Terminal.write("grcsync demo: ServiceNow emulator at \(server.baseURL.absoluteString) (in this process), "
                + "workspace \(folder.path).\n")
            let script = DemoScript(server: server, folder: folder, folderName: directory)
            try await script.run()
            Terminal.write(script.closing(keepRunning: keepRunning))
            if keepRunning {
                await InterruptSignal.wait()
                Terminal.write("\nStopped the ServiceNow emulator. The workspace stays in \(folder.path).\n")
            }
            // The emulator lives in this process and holds nothing to save, so it ends with it: stopping
            // it explicitly only makes Hummingbird log its shutdown on standard error.
            return .success
        }
    }
}
