import ArgumentParser
import Foundation
import ServiceNowEmulator

/// `servicenow-emulator`: serves an in-memory ServiceNow Table API until interrupted.
@main
struct ServiceNowEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "servicenow-emulator",
        abstract: "An in-memory ServiceNow Table API with GRC data, for trying and testing grcsync.",
        discussion: """
            The first line on standard output is exactly 'listening on http://HOST:PORT'.

            Table API: GET/POST /api/now/table/{table}, GET/PATCH/PUT/DELETE /api/now/table/{table}/{sys_id};
            OAuth: POST /oauth_token.do (password and refresh_token grants).

            Admin API (no auth; see docs/emulator.md):
              GET    /emulator/health                     liveness
              GET    /emulator/requests                   request log (method, path, query, status, user)
              DELETE /emulator/requests                   clear the log
              GET    /emulator/faults                     faults in force
              POST   /emulator/faults                     add one, e.g. {"effect":"status","status":503,"count":2}
                     effects: latency, status, drop, forbidWrites, rateLimit, concurrentEdit
              DELETE /emulator/faults[/ID]                remove all faults / one
              GET    /emulator/rules, PATCH /emulator/rules  {"draftOnlyWrites":true,"sanitizeHTML":false}
              GET    /emulator/tables                     tables and record counts
              GET|POST /emulator/tables/T, GET|PATCH|DELETE /emulator/tables/T/SYS_ID[?user=alice]
                                                          raw records; edits act as that user
              POST   /emulator/oauth/expire               expire every access token
              POST   /emulator/state/save                 save the state file now

            Examples:
              servicenow-emulator --port 8080 --baseline moderate --systems 3
              servicenow-emulator --port 0 --seed empty --users admin:admin,alice:alice
            """)

    @Option(help: "Address to bind. Loopback unless you mean to share it (a warning is printed otherwise).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "Users as name:password pairs, comma-separated.")
    var users = "admin:admin"

    @Option(help: "OAuth clients as id:secret pairs, comma-separated; none accepts any client.")
    var oauthClients: String?

    @Option(help: "Initial data: 'demo' (GRC systems and controls) or 'empty'.")
    var seed = "demo"

    @Option(help: "A statements JSONL file (e.g. the 18F statements) whose text replaces generated text.")
    var seedFile: String?

    @Option(help: "NIST baseline of the demo systems: low, moderate or high.")
    var baseline = "low"

    @Option(help: "Number of demo systems (each gets every control of the baseline).")
    var systems = 2

    @Option(help: "Random seed: the same seed gives the same sys_ids and text.")
    var randomSeed: UInt64 = 1

    @Option(help: "Save data to this file on change and on exit; reload it at start.")
    var state: String?

    @Flag(help: "Refuse (403) writes to controls whose state is not draft.")
    var draftOnlyWrites = false

    @Flag(help: "Store HTML exactly as sent (no sanitiser).")
    var noSanitizeHTML = false

    func validate() throws {
        guard EmulatorUser.parseList(users) != nil else {
            throw ValidationError("--users: expected name:password pairs separated by commas, e.g. admin:admin,alice:alice")
        }
        guard seed == "demo" || seed == "empty" else { throw ValidationError("--seed: use 'demo' or 'empty'") }
        guard (0...65535).contains(port) else { throw ValidationError("--port: use 0…65535") }
        guard Baseline(rawValue: baseline) != nil else { throw ValidationError("--baseline: use low, moderate or high") }
        guard systems >= 0 else { throw ValidationError("--systems: use 0 or more") }
    }

    func run() async throws {
        let clients = (oauthClients.flatMap(EmulatorUser.parseList) ?? []).map {
            EmulatorOAuthClient(id: $0.name, secret: $0.password)
        }
        let options = EmulatorOptions(
            host: host, port: port, users: EmulatorUser.parseList(users) ?? [], oauthClients: clients,
            seed: seed == "empty" ? .empty : .demo(
                baseline: Baseline(rawValue: baseline) ?? .low, systems: systems, randomSeed: randomSeed,
                statementsFile: seedFile.map { URL(fileURLWithPath: $0) }),
            stateFile: state.map { URL(fileURLWithPath: $0) }, draftOnlyWrites: draftOnlyWrites,
            sanitizeHTML: !noSanitizeHTML)
        let server = try await EmulatorServer.start(options)
        // Unbuffered, so a script reading the first line gets it at once.
        FileHandle.standardOutput.write(Data("listening on \(server.baseURL.absoluteString)\n".utf8))
        if !EmulatorServer.isLoopback(host) {
            FileHandle.standardError.write(Data(
                "warning: bound to \(host), not loopback: anyone who can reach this machine can use the emulator and its passwords.\n".utf8))
        }
        await server.runUntilSignalled()
    }
}

