import Foundation
@testable import GRCSync
import Testing

/// The manifest's pieces are serialised on one thread and hashed on another: nothing may be lost,
/// reordered or left waiting.
struct PiecePipelineTests {
    private struct Broken: Error, Equatable { let side: String }

    @Test func piecesArriveWholeAndInOrder() throws {
        var received = Data()
        try PiecePipeline.run(produce: { write in
            for index in 0..<1_000 {
                let text = "piece \(index)\n"
                try Data(text.utf8).withUnsafeBytes(write)
            }
        }, consume: { received.append(contentsOf: $0) })
        #expect(received == Data((0..<1_000).map { "piece \($0)\n" }.joined().utf8))
    }

    @Test func theProducersErrorComesOutAfterWhatItWrote() {
        var received = 0
        #expect(throws: Broken(side: "producer")) {
            try PiecePipeline.run(produce: { write in
                for _ in 0..<20 { try Data([1, 2, 3]).withUnsafeBytes(write) }
                throw Broken(side: "producer")
            }, consume: { received += $0.count })
        }
        #expect(received == 60)
    }

    @Test func theConsumersErrorStopsTheProducer() async throws {
        let stopped = Flag()
        #expect(throws: Broken(side: "consumer")) {
            try PiecePipeline.run(produce: { write in
                do {
                    while true { try Data([0]).withUnsafeBytes(write) }
                } catch {
                    stopped.set()
                    throw error
                }
            }, consume: { _ in throw Broken(side: "consumer") })
        }
        // The producer, blocked on a full queue, is woken and stops on its own thread.
        for _ in 0..<200 where !stopped.isSet { try await Task.sleep(for: .milliseconds(10)) }
        #expect(stopped.isSet)
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}
