public import Foundation
public import Statements

extension Configuration {
    /// The commented `config.yaml` that `grcsync init` writes.
    ///
    /// It sets what `init` was told and shows every other key, commented out at its default (from
    /// ``keyRules`` where there is one) or at a typical value, so that a user can see what there is to
    /// change without leaving the file. Parsing it gives `Configuration(instance:table:format:)`.
    public static func initialFile(instance: URL, table: String?, format: StatementFormat) -> String {
        let instanceText: String
        switch InstanceURL.parse(instance.absoluteString) {
        case .success(let url): instanceText = url.absoluteString
        case .failure: instanceText = instance.absoluteString
        }
        let tableLine = table.map { "table: \(yamlScalar($0))" } ?? "# table: \(defaultTable)"
        return """
            # grcsync workspace settings; grcsync's docs/configuration.md describes every key. Lines that
            # start with # are comments, and a commented-out key shows its default or an example.
            #
            # No secrets in this file: it is committed to Git. Sign in with GRCSYNC_USERNAME and
            # GRCSYNC_PASSWORD (or GRCSYNC_TOKEN) in the environment, or with a `machine` entry for the
            # instance's host in ~/.netrc.

            # The ServiceNow instance.
            instance: \(yamlScalar(instanceText))

            # How to sign in: method basic (the default), or oauth, which also needs `client_id` (the
            # OAuth application's client id) with its secret in GRCSYNC_CLIENT_SECRET. A user name,
            # which is not a secret, may be kept here.
            # auth:
            #   method: \(keyRule("auth.method").choice.default)
            #   username: grc.sync

            # The table that holds the statements, and which of its records to sync (an encoded query,
            # as in a list URL's sysparm_query; every record when unset).
            \(tableLine)
            # query: profile.nameSTARTSWITHsys^state!=retired

            # The fields: the statement text, the folder (system), the file (control), the display name.
            # statement_field: \(defaultStatementField)
            # system_field: \(defaultSystemField)
            # control_field: \(defaultControlField)
            # title_field: \(defaultTitleField)

            # How statements are stored: html, or markdown (a statement whose HTML does not survive the
            # conversion stays an .html file).
            format: \(format.rawValue)

            # Requests: records per page, requests in flight, a cap on requests per second (none by
            # default), the timeout of one request in seconds, and attempts per request (first included).
            # page_size: \(defaultPageSize)
            # concurrency: \(defaultConcurrency)
            # requests_per_second: 10
            # timeout_seconds: \(ConfigurationKeyRule.text(defaultTimeoutSeconds))
            # retries: \(defaultRetries)

            # Push only from this branch (protect it on your Git host and review pull requests there).
            # push:
            #   branch: main

            # Approvals recorded with `grcsync approve` that push requires (0, the default, turns this off).
            # approvals:
            #   required: 1
            #   allow_self_approval: \(ApprovalSettings.defaultAllowSelfApproval)
            #   approvers: [alice@example.com, bob@example.com]
            #   require_signed: \(ApprovalSettings.defaultRequireSigned)
            #   allowed_signers: \(ApprovalSettings.defaultAllowedSignersFile)

            """
    }

    /// `text` as a YAML scalar: plain when that reads back as the same string, double-quoted otherwise.
    static func yamlScalar(_ text: String) -> String {
        // Starting with a letter and free of YAML indicators, it cannot read back as anything else.
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]
        if let first = text.first, first.isASCII, first.isLetter,
           text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-./:".contains($0)) }),
           !text.hasSuffix(":"), !reserved.contains(text.lowercased())
        {
            return text
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += String(format: "\\x%02X", scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
