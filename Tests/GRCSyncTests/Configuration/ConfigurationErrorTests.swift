import GRCSync
import Testing

/// Each kind of mistake, with the exact place and wording a user sees.
@Suite("config.yaml errors")
struct ConfigurationErrorTests {
    private let instance = "instance: https://acme.service-now.com\n"

    @Test("Unknown keys name the key, the line and the nearest valid key")
    func unknownKeys() {
        #expect(configurationError(instance + "pagesize: 100")?.description
            == "config.yaml:2:1: unknown key `pagesize` (did you mean `page_size`?).")
        #expect(configurationError(instance + "Concurrency: 2")?.description
            == "config.yaml:2:1: unknown key `Concurrency` (did you mean `concurrency`?).")
        #expect(configurationError(instance + "approvals:\n  requird: 1")?.description
            == "config.yaml:3:3: unknown key `approvals.requird` (did you mean `approvals.required`?).")
        #expect(configurationError(instance + "statement: u_text")?.description
            == "config.yaml:2:1: unknown key `statement` (did you mean `statement_field`?).")
        #expect(configurationError(instance + "branch: main")?.description
            == "config.yaml:2:1: unknown key `branch` (did you mean `push.branch`, under `push:`?).")
        #expect(configurationError(instance + "auth:\n  table: x")?.description
            == "config.yaml:3:3: unknown key `auth.table` (did you mean `table` at the top level?).")
        #expect(configurationError(instance + "auth:\n  colour: blue")?.description
            == "config.yaml:3:3: unknown key `auth.colour` (`auth` accepts `method`, `username`, `client_id`).")
        #expect(configurationError(instance + "\n\nlayout: flat")?.description
            == "config.yaml:4:1: unknown key `layout` (docs/configuration.md lists every key).")
        let error = configurationError("  # comment\n" + instance + "push:\n    brnch: main")
        #expect(error?.keyPath == "push.brnch")
        #expect(error?.line == 4)
        #expect(error?.column == 5)
    }

    @Test("Wrong types and out-of-range values point at the value")
    func wrongValues() {
        let cases: [(String, String)] = [
            ("\n\n\n\n\nconcurrency: lots",
             "config.yaml:7:14: `concurrency` must be a whole number from 1 to 16, not \"lots\"."),
            ("concurrency: 17", "config.yaml:2:14: `concurrency` must be a whole number from 1 to 16, not \"17\"."),
            ("page_size: 0", "config.yaml:2:12: `page_size` must be a whole number from 1 to 10000, not \"0\"."),
            ("page_size: 2.5", "config.yaml:2:12: `page_size` must be a whole number from 1 to 10000, not \"2.5\"."),
            ("retries: [1, 2]", "config.yaml:2:10: `retries` must be a whole number from 1 to 20, not a list."),
            ("requests_per_second: 0",
             "config.yaml:2:22: `requests_per_second` must be a number greater than 0 and at most 1000, not \"0\"."),
            ("requests_per_second: .inf",
             "config.yaml:2:22: `requests_per_second` must be a number greater than 0 and at most 1000, not \".inf\"."),
            ("timeout_seconds: -1",
             "config.yaml:2:18: `timeout_seconds` must be a number greater than 0 and at most 3600, not \"-1\"."),
            ("table: {name: x}",
             "config.yaml:2:8: `table` must be a table name such as `sn_compliance_control`, not a mapping."),
            ("table: sn compliance",
             "config.yaml:2:8: `table` must be a table name such as `sn_compliance_control`, not \"sn compliance\"."),
            ("table: \"\"",
             "config.yaml:2:8: `table` is empty; give it a value, or remove the line to use the default."),
            ("system_field: profile..name",
             "config.yaml:2:15: `system_field` must be a field name such as `u_statement`, or a dot-walked one "
                + "such as `profile.name`, not \"profile..name\"."),
            ("statement_field: profile.text",
             "config.yaml:2:18: `statement_field` must be a field name of the table itself, such as "
                + "`implementation_statement` or `u_statement`, not \"profile.text\"."),
            ("approvals:\n  allow_self_approval: maybe",
             "config.yaml:3:24: `approvals.allow_self_approval` must be `true` or `false`, not \"maybe\"."),
            ("approvals:\n  require_signed: \"true\"",
             "config.yaml:3:19: `approvals.require_signed` must be `true` or `false`, not \"true\"."),
            ("approvals:\n  required: -1",
             "config.yaml:3:13: `approvals.required` must be a whole number from 0 to 100, not \"-1\"."),
            ("approvals:\n  approvers:\n    - alice@example.com\n    - Bob Builder",
             "config.yaml:5:7: `approvals.approvers` holds e-mail addresses (as in `git config user.email`), "
                + "not \"Bob Builder\"."),
            ("approvals:\n  approvers: [a@example.com, {x: 1}]",
             "config.yaml:3:30: item 2 of `approvals.approvers` must be e-mail addresses, not a mapping."),
            ("approvals:\n  allowed_signers: /etc/ssh/allowed_signers",
             "config.yaml:3:20: `approvals.allowed_signers` must be a path inside the workspace, relative to its "
                + "root (e.g. `.grcsync/allowed_signers`), so that it is reviewed and versioned with the statements."),
            ("push:\n  branch: my branch",
             "config.yaml:3:11: `push.branch` is not a valid Git branch name; use one such as `main` or "
                + "`release/2025`."),
            ("push:\n  branch: refs/heads/main",
             "config.yaml:3:11: `push.branch` is a short branch name such as `main`, not a full ref."),
            ("push: main",
             "config.yaml:2:7: `push` must be a mapping with the keys `branch`, not \"main\"."),
            ("auth: basic",
             "config.yaml:2:7: `auth` must be a mapping with the keys `method`, `username`, `client_id`, not \"basic\"."),
            ("query: sysparm_query=active=true",
             "config.yaml:2:8: `query` is the encoded query alone: leave out `sysparm_query=`."),
        ]
        for (yaml, expected) in cases {
            #expect(configurationError(instance + yaml)?.description == expected)
        }
    }

    @Test("Enumerations list the values they accept")
    func badEnumValues() {
        #expect(configurationError(instance + "format: xml")?.description
            == "config.yaml:2:9: `format` must be `html` or `markdown`, not \"xml\".")
        let error = configurationError(instance + "auth:\n  method: kerberos")
        #expect(error?.description == "config.yaml:3:11: `auth.method` must be `basic` or `oauth`, not \"kerberos\".")
        #expect(error?.keyPath == "auth.method")
    }

    @Test("Missing required keys name the key and what it is")
    func missingKeys() {
        let expected = "config.yaml: missing required key `instance` (the ServiceNow URL, e.g. https://acme.service-now.com)."
        #expect(configurationError("table: x\n")?.description == expected)
        #expect(configurationError("")?.description == expected)
        #expect(configurationError("# only a comment\n")?.description == expected)
        #expect(configurationError("table: x\ninstance:\n")?.description
            == "config.yaml:2:1: missing required key `instance` (the ServiceNow URL, e.g. https://acme.service-now.com).")
        let oauth = configurationError(instance + "auth:\n  method: oauth\n")
        #expect(oauth?.keyPath == "auth.client_id")
        #expect(oauth?.line == 3)
        #expect(oauth?.description.contains("GRCSYNC_CLIENT_SECRET") == true)
        #expect(configurationError(instance + "auth:\n  client_id: abc")?.description
            == "config.yaml:3:14: `auth.client_id` is used only with `method: oauth`; add `method: oauth` to `auth`, or remove it.")
    }

    @Test("A bad instance URL says what a good one looks like")
    func badInstance() {
        #expect(configurationError("instance: acme.service-now.com")?.description
            == "config.yaml:1:11: `instance` must be a full URL such as https://acme.service-now.com, scheme included.")
        #expect(configurationError("instance: ftp://acme.service-now.com")?.description
            == "config.yaml:1:11: `instance` must start with https:// (or http:// for a local emulator), not \"ftp://\".")
        #expect(configurationError("instance: https://acme.service-now.com/?sysparm_query=x")?.description
            == "config.yaml:1:11: `instance` must be the instance's base URL, without a `?` or `#` part, "
                + "e.g. https://acme.service-now.com.")
        #expect(configurationError("instance: https://")?.description
            == "config.yaml:1:11: `instance` has no host name; write it like https://acme.service-now.com.")
        #expect(configurationError("instance: [a]")?.description
            == "config.yaml:1:11: `instance` must be a URL such as https://acme.service-now.com, not a list.")
    }

    @Test("http:// is refused but for this machine's loopback, where the emulator runs")
    func plainHTTPOnlyOnLoopback() {
        #expect(configurationError("instance: http://Acme.service-now.com")?.description
            == "config.yaml:1:11: `instance` uses http://, which would send your password and statements unencrypted to "
                + "acme.service-now.com; use https://acme.service-now.com. (http:// is accepted only for an emulator on "
                + "this machine: localhost, 127.0.0.1 or [::1].)")
        for host in ["10.0.0.5:8080", "127.0.0.1.example.com", "localhost.example.com", "128.0.0.1", "127.0.0.256", "127.0.0"] {
            #expect(configurationError("instance: http://\(host)")?.description.contains("uses http://") == true, "\(host)")
        }
        for host in ["127.0.0.1:18555", "127.1.2.3", "localhost:8080", "LOCALHOST", "[::1]:8080"] {
            #expect(throws: Never.self, "\(host)") { try Configuration.parse("instance: http://\(host)") }
        }
        #expect(throws: Never.self) { try Configuration.parse("instance: https://10.0.0.5:8443") }
    }

    @Test("The top level must be a mapping")
    func topLevelNotMapping() {
        #expect(configurationError("- instance\n- table\n")?.description
            == "config.yaml:1:1: The top level of config.yaml must be a mapping of keys to values "
                + "(e.g. `instance: https://acme.service-now.com`), not a list.")
    }

    @Test("Malformed YAML gives Yams' line and column and a hint")
    func malformedYAML() throws {
        let indentation = try #require(configurationError(instance + "table: x\n  format: html\n"))
        #expect(indentation.line == 3)
        #expect(indentation.column == 9)
        #expect(indentation.description.hasPrefix("config.yaml:3:9: not valid YAML: mapping values are not allowed"))
        #expect(indentation.description.contains("a value that contains `: ` needs quotes"))

        let tab = try #require(configurationError(instance + "push:\n\tbranch: main\n"))
        #expect(tab.line == 3)
        #expect(tab.description.contains("YAML does not allow tabs for indentation"))

        let quote = try #require(configurationError(instance + "query: \"state=draft\n"))
        #expect(quote.line == 2 || quote.line == 3)
        #expect(quote.description.contains("not valid YAML"))

        let duplicate = try #require(configurationError(instance + "retries: 2\nretries: 3\n"))
        #expect(duplicate.description == "config.yaml:2:1: `retries` appears more than once in the same mapping; keep only one.")

        let twoDocuments = try #require(configurationError(instance + "---\ntable: x\n"))
        #expect(twoDocuments.line == 2)
        #expect(twoDocuments.description.contains("remove the `---` line"))

        let missingColon = try #require(configurationError(instance + "approvals:\n  required 1\n  x: 2\n"))
        #expect(missingColon.line == 4)
        #expect(missingColon.description.contains("a key may be missing its `:`"))
    }
}
