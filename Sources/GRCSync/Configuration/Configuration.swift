public import Foundation
public import Statements

/// A workspace's settings, read from `config.yaml` at the workspace root.
///
/// It holds no secrets: credentials come from the environment or a netrc file (see
/// ``CredentialResolver``). Every key is documented in `config.yaml.example` and
/// `docs/configuration.md`; ``keyPaths`` lists them, and ``keyRules`` gives the limits and defaults of
/// those that have them.
public struct Configuration: Sendable, Equatable {
    /// The ServiceNow instance, e.g. `https://acme.service-now.com` (http or https, no trailing slash).
    public var instance: URL
    /// How grcsync signs in (the secrets themselves come from ``CredentialResolver``).
    public var auth: AuthSettings
    /// The table that holds the statements.
    public var table: String
    /// The records of ``table`` in scope, as an encoded query (`sysparm_query`); `nil` means all of them.
    public var query: String?
    /// The field that holds the statement's rich text.
    public var statementField: String
    /// The field (dot-walking allowed) whose value names the folder a statement lives in.
    public var systemField: String
    /// The field whose value names the statement's file.
    public var controlField: String
    /// The field with the control's human-readable name, shown in reviews and reports.
    public var titleField: String
    /// How statements are stored in the working tree.
    public var format: StatementFormat
    /// Records per listing request (`sysparm_limit`).
    public var pageSize: Int
    /// Requests in flight at once.
    public var concurrency: Int
    /// A client-side cap on requests per second; `nil` means no cap.
    public var requestsPerSecond: Double?
    /// How long one request may take, in seconds.
    public var timeoutSeconds: Double
    /// Attempts per request, counting the first (1 means never retry).
    public var retries: Int
    /// Where pushes may start from.
    public var push: PushSettings
    /// The review rule a push must satisfy.
    public var approvals: ApprovalSettings

    /// The name of the configuration file at the root of a workspace.
    public static let fileName = "config.yaml"
    /// The table used when `table` is not set.
    public static let defaultTable = "sn_compliance_control"
    /// The statement field used when `statement_field` is not set.
    public static let defaultStatementField = "implementation_statement"
    /// The folder-naming field used when `system_field` is not set.
    public static let defaultSystemField = "profile.name"
    /// The file-naming field used when `control_field` is not set.
    public static let defaultControlField = "reference"
    /// The title field used when `title_field` is not set.
    public static let defaultTitleField = "name"

    /// Creates a configuration; every setting but the instance has the documented default (those of
    /// the numbers and choices come from ``keyRules``).
    public init(
        instance: URL,
        auth: AuthSettings = AuthSettings(),
        table: String = Configuration.defaultTable,
        query: String? = nil,
        statementField: String = Configuration.defaultStatementField,
        systemField: String = Configuration.defaultSystemField,
        controlField: String = Configuration.defaultControlField,
        titleField: String = Configuration.defaultTitleField,
        format: StatementFormat = Configuration.defaultFormat,
        pageSize: Int = Configuration.defaultPageSize,
        concurrency: Int = Configuration.defaultConcurrency,
        requestsPerSecond: Double? = Configuration.defaultRequestsPerSecond,
        timeoutSeconds: Double = Configuration.defaultTimeoutSeconds,
        retries: Int = Configuration.defaultRetries,
        push: PushSettings = PushSettings(),
        approvals: ApprovalSettings = ApprovalSettings()
    ) {
        self.instance = instance
        self.auth = auth
        self.table = table
        self.query = query
        self.statementField = statementField
        self.systemField = systemField
        self.controlField = controlField
        self.titleField = titleField
        self.format = format
        self.pageSize = pageSize
        self.concurrency = concurrency
        self.requestsPerSecond = requestsPerSecond
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
        self.push = push
        self.approvals = approvals
    }

    /// Reads and validates a `config.yaml` file.
    ///
    /// Errors name the file by its last path component, the key and its line, as in
    /// `config.yaml:7:14: ...`.
    public static func load(from url: URL) throws(ConfigurationError) -> Configuration {
        let file = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            throw ConfigurationError(
                file: file,
                message: missing
                    ? "not found at \(url.path). Run `grcsync init --instance URL` to create a workspace, "
                        + "or run grcsync from inside one."
                    : "cannot be read (\(error.localizedDescription)); check its permissions.")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, message: "is not UTF-8 text; save it as UTF-8.")
        }
        return try parse(yaml, file: file)
    }

    /// Parses and validates the text of a `config.yaml`; `file` names it in errors.
    public static func parse(_ yaml: String, file: String = Configuration.fileName)
        throws(ConfigurationError) -> Configuration
    {
        try ConfigurationReader(file: file, yaml: yaml).read()
    }
}
