import Foundation
import GRCSync
import Statements
import Testing

@Suite("config.yaml parsing")
struct ConfigurationParsingTests {
    @Test("Only `instance` is required; everything else has its documented default")
    func defaults() throws {
        let configuration = try Configuration.parse("instance: https://acme.service-now.com\n")
        #expect(configuration == Configuration(instance: try url("https://acme.service-now.com")))
        #expect(configuration.auth == AuthSettings(method: .basic, username: nil))
        #expect(configuration.table == "sn_compliance_control")
        #expect(configuration.query == nil)
        #expect(configuration.statementField == "implementation_statement")
        #expect(configuration.systemField == "profile.name")
        #expect(configuration.controlField == "reference")
        #expect(configuration.titleField == "name")
        #expect(configuration.format == .html)
        #expect(configuration.pageSize == 500)
        #expect(configuration.concurrency == 4)
        #expect(configuration.requestsPerSecond == nil)
        #expect(configuration.timeoutSeconds == 60)
        #expect(configuration.retries == 5)
        #expect(configuration.push.branch == nil)
        #expect(configuration.approvals == ApprovalSettings(
            required: 0, allowSelfApproval: false, approvers: [], requireSigned: false,
            allowedSignersFile: ".grcsync/allowed_signers"))
    }

    @Test("Every key is read into its setting")
    func everyKey() throws {
        let yaml = """
            instance: http://127.0.0.1:8080/
            auth:
              method: oauth
              username: grc.sync
              client_id: 3e57bb4c
            table: u_grc_statement
            query: profile.nameSTARTSWITHsys^state!=retired
            statement_field: u_implementation_narrative
            system_field: u_system.u_short_name
            control_field: number
            title_field: content.name
            format: markdown
            page_size: 10000
            concurrency: 16
            requests_per_second: 2.5
            timeout_seconds: 12.5
            retries: 1
            push:
              branch: release/2025
            approvals:
              required: 2
              allow_self_approval: yes
              approvers:
                - alice@example.com
                - bob@example.com
              require_signed: true
              allowed_signers: policy/allowed_signers
            """
        let configuration = try Configuration.parse(yaml)
        let expected = Configuration(
            instance: try url("http://127.0.0.1:8080"),
            auth: AuthSettings(method: .oauth(clientID: "3e57bb4c"), username: "grc.sync"),
            table: "u_grc_statement",
            query: "profile.nameSTARTSWITHsys^state!=retired",
            statementField: "u_implementation_narrative",
            systemField: "u_system.u_short_name",
            controlField: "number",
            titleField: "content.name",
            format: .markdown,
            pageSize: 10_000,
            concurrency: 16,
            requestsPerSecond: 2.5,
            timeoutSeconds: 12.5,
            retries: 1,
            push: PushSettings(branch: "release/2025"),
            approvals: ApprovalSettings(
                required: 2, allowSelfApproval: true, approvers: ["alice@example.com", "bob@example.com"],
                requireSigned: true, allowedSignersFile: "policy/allowed_signers"))
        #expect(configuration == expected)
    }

    @Test("An empty value means not set, and an empty section means its defaults")
    func emptyValues() throws {
        let configuration = try Configuration.parse("""
            instance: https://acme.service-now.com
            query:
            requests_per_second: ~
            auth:
            push:
            approvals:
            """)
        #expect(configuration == Configuration(instance: try url("https://acme.service-now.com")))
    }

    @Test("Lenient where it costs nothing: quoted numbers, case of choices, a single approver, flow style")
    func lenientForms() throws {
        let configuration = try Configuration.parse("""
            instance: "HTTPS://ACME.service-now.com/"
            format: Markdown
            concurrency: "8"
            auth: {method: OAUTH, client_id: abc}
            approvals: {approvers: carol@example.com, require_signed: on}
            """)
        #expect(configuration.instance == (try url("https://acme.service-now.com")))
        #expect(configuration.format == .markdown)
        #expect(configuration.concurrency == 8)
        #expect(configuration.auth.method == .oauth(clientID: "abc"))
        #expect(configuration.approvals.approvers == ["carol@example.com"])
        #expect(configuration.approvals.requireSigned)
    }

    @Test("The instance URL keeps its path but loses trailing slashes")
    func instancePath() throws {
        let configuration = try Configuration.parse("instance: https://proxy.example.com/servicenow//\n")
        #expect(configuration.instance.absoluteString == "https://proxy.example.com/servicenow")
    }

    @Test("load(from:) reads a file and names it in errors")
    func loadFromFile() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("config.yaml")
            try Data("instance: https://acme.service-now.com\nretries: 3\n".utf8).write(to: file)
            #expect(try Configuration.load(from: file).retries == 3)

            try Data("instance: https://acme.service-now.com\nretries: many\n".utf8).write(to: file)
            #expect(throws: ConfigurationError(
                file: "config.yaml", keyPath: "retries", line: 2, column: 10,
                message: "`retries` must be a whole number from 1 to 20, not \"many\".")) {
                try Configuration.load(from: file)
            }

            let missing = directory.appendingPathComponent("nowhere/config.yaml")
            let error = #expect(throws: ConfigurationError.self) { try Configuration.load(from: missing) }
            #expect(error?.description.hasPrefix("config.yaml: not found at \(missing.path).") == true)
            #expect(error?.description.contains("grcsync init") == true)
        }
    }
}
