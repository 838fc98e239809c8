import Dispatch
import Foundation

extension EmulatorServer {
    /// Waits for SIGINT or SIGTERM, then stops (saving the state file, if any). For the executable.
    public func runUntilSignalled() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Locked(false)
            var sources: [any DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let first = once.withLock { fired in defer { fired = true }; return !fired }
                    if first { continuation.resume() }
                }
                source.resume()
                sources.append(source)
            }
            // The sources must outlive this closure; the process ends soon after they fire.
            Self.signalSources.withLock { $0.append(contentsOf: sources) }
        }
        await stop()
    }

    private static let signalSources = Locked<[any DispatchSourceSignal]>([])

    /// Whether `host` is a loopback address (the safe default).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
