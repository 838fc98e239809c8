public import Foundation
import Hummingbird
import Logging
import NIOCore

/// A running emulator: an in-memory ServiceNow Table API on a local port.
///
/// ```swift
/// let server = try await EmulatorServer.start(EmulatorOptions(seed: .demo()))
/// defer { Task { await server.stop() } }
/// // point the client at server.baseURL, play a colleague with server.store.update(...),
/// // inject faults with server.faults.add(.status(503)), count requests with server.requestLog()
/// ```
public final class EmulatorServer: Sendable {
    /// `http://HOST:PORT` (no trailing slash).
    public let baseURL: URL
    /// The data, for direct reads and out-of-band edits.
    public let store: EmulatorStore
    /// The fault rules in force.
    public let faults: EmulatorFaults

    private let core: EmulatorCore
    private let stateSaver: StateSaver?
    private let serverTask: Locked<Task<Void, Never>?>

    private init(baseURL: URL, core: EmulatorCore, stateSaver: StateSaver?, task: Task<Void, Never>) {
        self.baseURL = baseURL
        self.core = core
        store = core.store
        faults = core.faults
        self.stateSaver = stateSaver
        serverTask = Locked(task)
    }

    /// Seeds (or reloads the state file), binds, and returns once the server accepts connections.
    public static func start(_ options: EmulatorOptions) async throws -> EmulatorServer {
        let core = try EmulatorCore(options: options)
        let stateSaver = options.stateFile.map { StateSaver(url: $0, store: core.store) }
        if let stateSaver {
            core.store.observe { stateSaver.changed() }
        }
        var logger = Logger(label: "servicenow-emulator") { StreamLogHandler.standardError(label: $0) }
        // Shutdown reports cancellations as errors; only what stops the server is worth printing.
        logger.logLevel = .critical
        let (bound, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            responder: EmulatorResponder(core: core, stateSaver: stateSaver),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "ServiceNow"),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? options.port)) },
            logger: logger)
        let task = Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
                continuation.yield(.failure(EmulatorStartError(reason: "the server stopped before it was ready")))
            } catch {
                continuation.yield(.failure(EmulatorStartError(reason: "\(error)")))
            }
        }
        for await result in bound {
            let port = try result.get()
            let host = options.host.contains(":") ? "[\(options.host)]" : options.host
            guard let url = URL(string: "http://\(host):\(port)") else {
                task.cancel()
                throw EmulatorStartError(reason: "cannot form a URL from host '\(options.host)'")
            }
            return EmulatorServer(baseURL: url, core: core, stateSaver: stateSaver, task: task)
        }
        throw EmulatorStartError(reason: "the server did not start")
    }

    /// Stops listening and saves the state file, if any. Safe to call twice.
    public func stop() async {
        guard let task = serverTask.withLock({ task in defer { task = nil }; return task }) else { return }
        task.cancel()
        await task.value
        try? stateSaver?.flush()
    }

    /// Every request so far (not the admin API), oldest first.
    public func requestLog() -> [LoggedRequest] {
        core.log.withLock { $0 }
    }

    /// Forgets the logged requests.
    public func clearRequestLog() {
        core.log.withLock { $0.removeAll() }
    }

    /// The rules in force (draft-only writes, sanitiser).
    public var rules: EmulatorRules {
        get { core.rules.withLock { $0 } }
        set { core.rules.withLock { $0 = newValue } }
    }

    /// Makes every OAuth access token expired, so the next request with one gets 401.
    public func expireAccessTokens() {
        core.tokens.withLock { $0.expireAccessTokens() }
    }

    /// Saves the state file now (no-op without one).
    public func saveState() throws {
        try stateSaver?.flush()
    }
}

/// The emulator could not start.
public struct EmulatorStartError: Error, CustomStringConvertible, Sendable {
    /// Why.
    public var reason: String

    public var description: String {
        "The ServiceNow emulator could not start: \(reason). Is the port free and the host an address of this machine?"
    }
}
