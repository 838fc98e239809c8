import Foundation

/// Runs a producer of byte pieces on another thread while the caller consumes them, a few pieces apart:
/// serialising a 100,000-entry manifest (~0.15 s) then overlaps hashing and deflating it (~0.25 s)
/// instead of preceding each piece of it.
enum PiecePipeline {
    /// How many pieces the producer may run ahead.
    static let depth = 8

    /// Calls `produce` on another thread, handing each piece it writes to `consume` on this one, in order.
    /// An error on either side stops both and is rethrown (the consumer's first).
    static func run(
        produce: @escaping @Sendable (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void,
        consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let channel = Channel()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                try produce { bytes in try channel.send(Data(bytes)) }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        do {
            while let piece = try channel.receive() {
                try piece.withUnsafeBytes(consume)
            }
        } catch {
            channel.cancel()
            throw error
        }
    }

    /// A bounded queue of pieces between the two threads.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        // Guarded by `condition`.
        private var pieces: [Data] = []
        private var done = false
        private var failure: (any Error)?
        private var cancelled = false

        struct Cancelled: Error {}

        func send(_ piece: Data) throws {
            condition.lock()
            defer { condition.unlock() }
            while pieces.count >= PiecePipeline.depth && !cancelled { condition.wait() }
            guard !cancelled else { throw Cancelled() }
            pieces.append(piece)
            condition.broadcast()
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            defer { condition.unlock() }
            done = true
            failure = error
            condition.broadcast()
        }

        /// The next piece; nil once the producer finished and everything was received.
        func receive() throws -> Data? {
            condition.lock()
            defer { condition.unlock() }
            while pieces.isEmpty && !done { condition.wait() }
            if !pieces.isEmpty {
                condition.broadcast()
                return pieces.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }

        /// The consumer gave up: the producer's next `send` throws, and the caller waits for it no more.
        func cancel() {
            condition.lock()
            defer { condition.unlock() }
            cancelled = true
            condition.broadcast()
        }
    }
}
