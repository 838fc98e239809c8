import Foundation

import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus a way to drop the connection (a fault).
struct EmulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Closes the connection without an answer.
    let dropConnection: @Sendable () -> Void

    /// Statements and seed uploads can be larger than Hummingbird's 2 MB default.
    var maxUploadSize: Int { 64 * 1024 * 1024 }

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        let channel = source.channel
        dropConnection = { channel.close(promise: nil) }
    }
}
