import Foundation
import GRCSync
import GRCSyncTestSupport
import Testing

struct WorkspaceLockTests {
    @Test func aSecondProcessIsRefusedWithTheOwnersPid() throws {
        let folder = try TemporaryDirectory("grcsync-lock")
        let first = try WorkspaceLock(directory: folder.url, command: "push")
        #expect(throws: WorkspaceError.self) { try WorkspaceLock(directory: folder.url, command: "pull") }
        do {
            _ = try WorkspaceLock(directory: folder.url, command: "pull")
        } catch let error as WorkspaceError {
            #expect(error.description.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
            #expect(error.description.contains("push"))
        }
        first.release()
        let again = try WorkspaceLock(directory: folder.url, command: "pull")
        #expect(again.tookOverFrom == nil)
        again.release()
        #expect(!FileManager.default.fileExists(atPath: again.url.path))
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        let folder = try TemporaryDirectory("grcsync-lock")
        // The pid of a process that has finished (and been reaped) names no running process.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let pid = finished.processIdentifier
        try Data("\(pid) push\n".utf8).write(to: folder.appending("lock"))
        let lock = try WorkspaceLock(directory: folder.url, command: "pull")
        #expect(lock.tookOverFrom == pid)
        #expect(try String(contentsOf: lock.url, encoding: .utf8).hasSuffix(" pull\n"))
    }
}
