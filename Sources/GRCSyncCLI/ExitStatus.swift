import ArgumentParser
import GRCSync
import GitKit
import ServiceNow

/// Exit codes, documented in `grcsync --help`, so scripts can tell what went wrong.
enum ExitStatus: Int32 {
    case success = 0
    /// The operation ran but did not fully succeed (a statement was not pushed, an unexpected failure).
    case failure = 1
    /// A pull merged with conflicts that need resolving.
    case conflicts = 2
    /// The workspace, config.yaml or the user's Git setup is not usable as it is (bad key, lock, merge in
    /// progress, uncommitted changes in the way, no Git identity, no SSH key to sign an approval with).
    case workspace = 3
    /// Credentials are missing or were rejected.
    case credentials = 4
    /// ServiceNow could not be reached or answered with an error.
    case serviceNow = 5
    /// Push refused by the approval policy (approvals.required): nothing was sent.
    case policy = 6

    static let helpText = """
        Exit status: 0 success · 1 not everything succeeded · 2 conflicts to resolve · \
        3 workspace, config.yaml or Git setup problem · 4 credentials missing or rejected · \
        5 ServiceNow unreachable or failing · 6 approvals missing · 64 bad command line.
        """

    /// The status that fits an error (docs/errors.md lists every message under the status it gets here).
    ///
    /// A failed libgit2 call (`GitError`) is `.failure`: grcsync recognises the workspace problems it can
    /// name (`GitKitError`, `WorkspaceError`), so what libgit2 reports by itself is unexpected.
    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case is ConfigurationError, is WorkspaceError, is ManifestError, is GitKitError, is PushError,
            is ResolveService.ResolveError, is ApproveService.NothingToApprove, is SSHSignature.Failure:
            .workspace
        case is ApprovalError: .policy
        case is CredentialError: .credentials
        case let error as ServiceNowError: error.kind == .authentication ? .credentials : .serviceNow
        default: .failure
        }
    }
}

/// Runs a command body, printing any error as one clear `error:` paragraph on standard error and
/// exiting with the status that fits it (argument-parser would print the type name instead).
func reportingErrors(_ body: () async throws -> ExitStatus) async throws {
    let status: ExitStatus
    do {
        status = try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as any (Error & CustomStringConvertible) {
        Terminal.writeError("error: \(error.description)\n")
        status = ExitStatus.of(error)
    } catch {
        Terminal.writeError("error: \(error)\n")
        status = ExitStatus.of(error)
    }
    if status != .success { throw ExitCode(status.rawValue) }
}
