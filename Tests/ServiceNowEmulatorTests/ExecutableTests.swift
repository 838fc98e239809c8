import Foundation
import Testing

/// The built `servicenow-emulator` binary: its first line, and that it serves what it announces.
@Suite struct ExecutableTests {
    static var binary: URL? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("servicenow-emulator"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("servicenow-emulator"),
            packageRoot.appendingPathComponent(".build/debug/servicenow-emulator"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test func firstLineAnnouncesTheURL() async throws {
        guard let binary = Self.binary else {
            Issue.record("servicenow-emulator is not built (swift build --product servicenow-emulator): skipping")
            return
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--seed", "empty", "--users", "admin:admin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
        }
        // Read byte by byte up to the newline: the line must arrive without waiting for more output.
        let reader = output.fileHandleForReading
        let line = try await offThePool {
            var line = Data()
            while let byte = try reader.read(upToCount: 1), let first = byte.first, first != 10 {
                line.append(first)
            }
            return line
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("listening on http://127.0.0.1:"))
        let url = try #require(URL(string: String(text.dropFirst("listening on ".count))))
        #expect((url.port ?? 0) > 0)
        let answer = try await EmulatorClient(baseURL: url).get("sys_user")
        #expect(answer.status == 200)
        process.interrupt()
        let status = try await offThePool {
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 0)
    }
}
