import Foundation
import GRCSync
import ServiceNowEmulator
import Statements

/// One run at one size: a fresh workspace, then every measurement in order, each grcsync operation in its
/// own child process and each git command on the same content.
struct BenchmarkRun {
    let emulator: BenchmarkEmulator
    let settings: BenchmarkSettings
    /// This run's scratch directory (workspace, clone, import repository, stream).
    let directory: URL
    let git: GitCLI
    /// This executable, run as `phase` children.
    let executable: URL
    let environment: [String: String]
    /// 1-based; varies which statements change so runs do not repeat each other exactly.
    let round: Int
    let log: @Sendable (String) -> Void

    private var workspace: URL { directory.appendingPathComponent("workspace") }

    func measure() async throws -> RunSample {
        try createWorkspace()
        try await git.run(["-C", workspace.path, "commit", "-qam", "Set concurrency for the benchmark"])
        let base = try await git.output(["-C", workspace.path, "rev-parse", "HEAD"])
        _ = emulator.takeRequestCount()

        log("first pull")
        try await settleFileSystem()
        let (firstPull, firstPullProcess) = try await phase(.pull)
        let firstPullRequests = emulator.takeRequestCount()
        guard firstPull.succeeded, firstPull.statements == emulator.sysIDs.count else {
            throw BenchmarkError.unexpected("the first pull brought \(firstPull.statements) of \(emulator.sysIDs.count) statements")
        }
        let mirror = try await git.output(["-C", workspace.path, "rev-parse", MirrorBranch.reference])
        log("first pull took \(Format.seconds(firstPull.seconds)): ingest \(Format.seconds(firstPull.ingestCPUSeconds ?? 0)) of CPU, "
            + "checkout \(Format.seconds(firstPull.mergeSeconds ?? 0)), peak RSS \(Format.megabytes(firstPull.peakRSS))")

        log("git fast-import of the same tree")
        let fastImport = try await fastImport(mirror: mirror)
        log("git fast-import took \(Format.seconds(fastImport.cpuSeconds)) of CPU")
        log("git checkout of the same commit")
        let gitCheckout = try await gitCheckout(from: base, to: mirror)

        log("status")
        try await git.run(["-C", workspace.path, "status", "--porcelain"])  // both then start from a refreshed index
        let (status, statusProcess) = try await phase(.status)
        let gitStatus = try await git.run(["-C", workspace.path, "status", "--porcelain"])
        guard status.statements == 0, gitStatus.stdout.isEmpty else {
            throw BenchmarkError.unexpected("the workspace is not clean after the first pull")
        }

        log("incremental pull (1% changed)")
        let changed = try emulator.changeOnePercent(round: round)
        _ = emulator.takeRequestCount()
        let (incremental, incrementalProcess) = try await phase(.pull)
        let incrementalRequests = emulator.takeRequestCount()
        guard incremental.succeeded, incremental.statements == changed else {
            throw BenchmarkError.unexpected("the incremental pull brought \(incremental.statements) of \(changed) changed statements")
        }

        let pushCount = min(settings.pushCount, emulator.sysIDs.count)
        log("push \(pushCount) at \(settings.latencyMilliseconds) ms, concurrency \(settings.concurrency)")
        try await editStatements(pushCount)
        let latency = emulator.server.faults.add(.latency(milliseconds: settings.latencyMilliseconds))
        _ = emulator.takeRequestCount()
        let pushResult: (PhaseResult, RunSample.Timing)
        do {
            pushResult = try await phase(.push)
        } catch {
            _ = emulator.server.faults.remove(id: latency)
            throw error
        }
        _ = emulator.server.faults.remove(id: latency)
        let pushRequests = emulator.takeRequestCount()
        guard pushResult.0.succeeded, pushResult.0.statements == pushCount else {
            throw BenchmarkError.unexpected("the push wrote \(pushResult.0.statements) of \(pushCount) statements")
        }

        return RunSample(
            firstPull: firstPull, firstPullProcess: firstPullProcess, firstPullRequests: firstPullRequests,
            fastImport: fastImport, gitCheckout: gitCheckout, status: status, statusProcess: statusProcess,
            gitStatus: RunSample.Timing(seconds: gitStatus.seconds, peakRSS: gitStatus.peakRSS),
            incrementalPull: incremental, incrementalPullProcess: incrementalProcess,
            incrementalRequests: incrementalRequests, incrementalChanged: changed, push: pushResult.0,
            pushProcess: pushResult.1, pushRequests: pushRequests, pushed: pushResult.0.statements)
    }

    /// `grcsync init` through `InitService`, then `concurrency` set in config.yaml (committed by the caller).
    /// Gives both checkouts the same file system to write into. ext4 will not hand out an inode freed
    /// less than 5 seconds ago (300 while its table block is dirty), and scans past every such inode for
    /// each new file: right after a previous run's 200,000 files were deleted, creating files costs
    /// several times more, whoever does it. So: flush, wait, and keep this run's clone until the run ends.
    private func settleFileSystem() async throws {
        sync()
        try await Task.sleep(for: .seconds(6))
    }

    private func createWorkspace() throws {
        _ = try InitService().run(
            directory: workspace, instance: emulator.server.baseURL, table: nil, format: .html, force: false)
        let config = workspace.appendingPathComponent(Configuration.fileName)
        let text = try String(contentsOf: config, encoding: .utf8) + "\nconcurrency: \(settings.concurrency)\n"
        try Data(text.utf8).write(to: config)
    }

    /// Runs `grcsync-benchmark phase OPERATION` and decodes what it measured.
    private func phase(_ operation: PhaseCommand.Operation) async throws -> (PhaseResult, RunSample.Timing) {
        var childEnvironment = environment
        childEnvironment["GRCSYNC_USERNAME"] = BenchmarkEmulator.user.name
        childEnvironment["GRCSYNC_PASSWORD"] = BenchmarkEmulator.user.password
        let outcome = try await ChildProcess(
            executable: executable, arguments: ["phase", operation.rawValue, "--workspace", workspace.path],
            environment: childEnvironment, scratch: directory
        ).run()
        guard outcome.status == 0 else {
            throw BenchmarkError.phaseFailed(operation.rawValue, status: outcome.status, stderr: outcome.stderr)
        }
        do {
            let result = try JSONDecoder().decode(PhaseResult.self, from: outcome.stdout)
            return (result, RunSample.Timing(seconds: outcome.seconds, peakRSS: result.peakRSS))
        } catch {
            throw BenchmarkError.phaseFailed(
                operation.rawValue, status: outcome.status,
                stderr: "unreadable output: \(String(decoding: outcome.stdout, as: UTF8.self))\n\(outcome.stderr)")
        }
    }

    /// `git fast-import` of the mirror's files into a fresh bare repository; checks it made the same tree.
    private func fastImport(mirror: String) async throws -> RunSample.Timing {
        let listing = try await git.run(["-C", workspace.path, "ls-tree", "-r", "-z", "--name-only", mirror])
        let paths = listing.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let stream = directory.appendingPathComponent("import.stream")
        try FastImportStream.write(paths: paths, root: workspace, to: stream)
        let repository = directory.appendingPathComponent("import.git")
        try await git.run(["init", "-q", "--bare", repository.path])
        let outcome = try await git.run(["-C", repository.path, "fast-import", "--quiet"], input: stream)
        try? FileManager.default.removeItem(at: stream)
        let imported = try await git.output(["-C", repository.path, "rev-parse", FastImportStream.branch + "^{tree}"])
        let pulled = try await git.output(["-C", workspace.path, "rev-parse", mirror + "^{tree}"])
        guard imported == pulled else {
            throw BenchmarkError.unexpected("fast-import made tree \(imported), grcsync's mirror has \(pulled)")
        }
        try? FileManager.default.removeItem(at: repository)
        return RunSample.Timing(seconds: outcome.seconds, peakRSS: outcome.peakRSS, cpuSeconds: outcome.cpuSeconds)
    }

    /// `git checkout` from the workspace's starting commit to the mirror commit in a fresh clone: the
    /// same files the first pull's fast-forward wrote.
    private func gitCheckout(from base: String, to mirror: String) async throws -> RunSample.Timing {
        let clone = directory.appendingPathComponent("clone")
        try await git.run(["clone", "-q", "--no-checkout", workspace.path, clone.path])
        try await git.run(["-C", clone.path, "checkout", "-q", "--detach", base])
        try await settleFileSystem()
        let outcome = try await git.run(["-C", clone.path, "checkout", "-q", "--detach", mirror])
        return RunSample.Timing(seconds: outcome.seconds, peakRSS: outcome.peakRSS)
    }

    /// Appends a sentence to `count` statements spread over the workspace, and commits them.
    private func editStatements(_ count: Int) async throws {
        let listing = try await git.run(["-C", workspace.path, "ls-files", "-z", StatementPath.root])
        let paths = listing.stdout.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard count > 0, paths.count >= count else { return }
        let step = paths.count / count
        for index in 0..<count {
            let file = workspace.appendingPathComponent(paths[index * step])
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data((text + "<p>Reviewed in benchmark round \(round).</p>\n").utf8).write(to: file)
        }
        try await git.run(["-C", workspace.path, "commit", "-qam", "Review \(count) statements"])
    }
}
