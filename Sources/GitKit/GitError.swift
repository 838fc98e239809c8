import CGit2

/// A failed libgit2 call: which function, its return code, libgit2's error class and message.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The libgit2 function that failed, e.g. `git_merge`.
    public let operation: String
    /// The negative return code (`git_error_code`, e.g. -3 for `GIT_ENOTFOUND`).
    public let code: Int32
    /// The error class (`git_error_t`, e.g. 3 for `GIT_ERROR_OS`), 0 when libgit2 gave none.
    public let klass: Int32
    /// libgit2's message.
    public let message: String

    /// Creates an error from its parts.
    public init(operation: String, code: Int32, klass: Int32, message: String) {
        self.operation = operation
        self.code = code
        self.klass = klass
        self.message = message
    }

    /// Reads libgit2's per-thread last error; call right after the failing call.
    static func last(code: Int32, operation: String) -> GitError {
        var klass: Int32 = 0
        var message = "no message from libgit2"
        if let error = git_error_last() {
            klass = error.pointee.klass
            if let text = error.pointee.message {
                message = String(cString: text)
            }
        }
        return GitError(operation: operation, code: code, klass: klass, message: message)
    }

    /// `operation failed: message (code ENOTFOUND, class reference)`.
    public var description: String {
        "\(operation) failed: \(message) (code \(Self.codeName(code)), class \(Self.className(klass)))"
    }

    /// Whether the code is `GIT_ENOTFOUND`.
    var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    private static func codeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            GIT_ERROR.rawValue: "ERROR", GIT_ENOTFOUND.rawValue: "ENOTFOUND", GIT_EEXISTS.rawValue: "EEXISTS",
            GIT_EAMBIGUOUS.rawValue: "EAMBIGUOUS", GIT_EBUFS.rawValue: "EBUFS", GIT_EUSER.rawValue: "EUSER",
            GIT_EBAREREPO.rawValue: "EBAREREPO", GIT_EUNBORNBRANCH.rawValue: "EUNBORNBRANCH",
            GIT_EUNMERGED.rawValue: "EUNMERGED", GIT_ENONFASTFORWARD.rawValue: "ENONFASTFORWARD",
            GIT_EINVALIDSPEC.rawValue: "EINVALIDSPEC", GIT_ECONFLICT.rawValue: "ECONFLICT",
            GIT_ELOCKED.rawValue: "ELOCKED", GIT_EMODIFIED.rawValue: "EMODIFIED", GIT_EAUTH.rawValue: "EAUTH",
            GIT_ECERTIFICATE.rawValue: "ECERTIFICATE", GIT_EAPPLIED.rawValue: "EAPPLIED",
            GIT_EPEEL.rawValue: "EPEEL", GIT_EEOF.rawValue: "EEOF", GIT_EINVALID.rawValue: "EINVALID",
            GIT_EUNCOMMITTED.rawValue: "EUNCOMMITTED", GIT_EDIRECTORY.rawValue: "EDIRECTORY",
            GIT_EMERGECONFLICT.rawValue: "EMERGECONFLICT",
        ]
        return names[code] ?? String(code)
    }

    private static func className(_ klass: Int32) -> String {
        let names: [UInt32: String] = [
            GIT_ERROR_NONE.rawValue: "none", GIT_ERROR_NOMEMORY.rawValue: "memory", GIT_ERROR_OS.rawValue: "os",
            GIT_ERROR_INVALID.rawValue: "invalid", GIT_ERROR_REFERENCE.rawValue: "reference",
            GIT_ERROR_ZLIB.rawValue: "zlib", GIT_ERROR_REPOSITORY.rawValue: "repository",
            GIT_ERROR_CONFIG.rawValue: "config", GIT_ERROR_ODB.rawValue: "odb", GIT_ERROR_INDEX.rawValue: "index",
            GIT_ERROR_OBJECT.rawValue: "object", GIT_ERROR_TREE.rawValue: "tree",
            GIT_ERROR_CHECKOUT.rawValue: "checkout", GIT_ERROR_FILESYSTEM.rawValue: "filesystem",
            GIT_ERROR_MERGE.rawValue: "merge", GIT_ERROR_FILTER.rawValue: "filter",
        ]
        return names[UInt32(bitPattern: klass)] ?? String(klass)
    }
}
