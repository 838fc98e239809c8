public import Foundation
import CGit2

/// Who made a commit and when, with the time zone they were in.
public struct Signature: Sendable, Equatable {
    /// The person's name.
    public var name: String
    /// Their email address.
    public var email: String
    /// When (Git keeps whole seconds).
    public var date: Date
    /// Their time zone's offset from UTC in minutes (e.g. 120 for UTC+2).
    public var timeZoneOffsetMinutes: Int

    /// Creates a signature.
    public init(name: String, email: String, date: Date, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }

    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        name = value.name.map { String(cString: $0) } ?? ""
        email = value.email.map { String(cString: $0) } ?? ""
        date = Date(timeIntervalSince1970: TimeInterval(value.when.time))
        timeZoneOffsetMinutes = Int(value.when.offset)
    }

    /// Calls `body` with a libgit2 copy of this signature, freed afterwards.
    func withGitSignature<T>(_ body: (UnsafeMutablePointer<git_signature>) throws -> T) throws -> T {
        var signature: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(
                &signature, name, email, git_time_t(date.timeIntervalSince1970.rounded(.down)),
                Int32(timeZoneOffsetMinutes)),
            "git_signature_new")
        guard let signature else {
            throw GitError(operation: "git_signature_new", code: -1, klass: 0, message: "no signature returned")
        }
        defer { git_signature_free(signature) }
        return try body(signature)
    }
}
