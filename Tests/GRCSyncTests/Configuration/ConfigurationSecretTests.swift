import GRCSync
import Testing

/// Secrets never belong in config.yaml, and no error ever repeats one.
@Suite("config.yaml secrets")
struct ConfigurationSecretTests {
    private let instance = "instance: https://acme.service-now.com\n"

    @Test("A secret-looking key is refused wherever it is, naming the variable to use")
    func secretKeys() {
        let cases: [(yaml: String, keyPath: String, line: Int, variable: String)] = [
            ("password: hunter2", "password", 2, "GRCSYNC_PASSWORD"),
            ("auth:\n  method: basic\n  password: hunter2", "auth.password", 4, "GRCSYNC_PASSWORD"),
            ("auth:\n  client_secret: hunter2", "auth.client_secret", 3, "GRCSYNC_CLIENT_SECRET"),
            ("secret: hunter2", "secret", 2, "GRCSYNC_CLIENT_SECRET"),
            ("token: hunter2", "token", 2, "GRCSYNC_TOKEN"),
            ("extras:\n  api_token: hunter2", "extras.api_token", 3, "GRCSYNC_TOKEN"),
            ("approvals:\n  approvers:\n    - {email: a@b.c, password: hunter2}",
             "approvals.approvers[0].password", 4, "GRCSYNC_PASSWORD"),
            ("oauth_Secret: hunter2", "oauth_Secret", 2, "GRCSYNC_CLIENT_SECRET"),
        ]
        for (yaml, keyPath, line, variable) in cases {
            let error = configurationError(instance + yaml)
            #expect(error?.keyPath == keyPath)
            #expect(error?.line == line)
            #expect(error?.description.contains("looks like a secret") == true)
            #expect(error?.description.contains(variable) == true)
            #expect(error?.description.contains("netrc") == true)
        }
    }

    @Test("A secret key wins over an unknown-key error earlier in the file")
    func secretBeforeUnknown() {
        let error = configurationError(instance + "colour: blue\nextras:\n  password: hunter2\n")
        #expect(error?.keyPath == "extras.password")
    }

    @Test("Credentials in the instance URL are refused without repeating them")
    func credentialsInURL() {
        let error = configurationError("instance: https://bob:hunter2@acme.service-now.com\n")
        #expect(error?.description
            == "config.yaml:1:11: `instance` must not contain a user name or password: secrets never go in "
                + "config.yaml. Set GRCSYNC_USERNAME and GRCSYNC_PASSWORD, or use ~/.netrc (see docs/configuration.md).")
        #expect(configurationError("instance: bob:hunter2@acme.service-now.com\n")?.description
            .contains("must not contain a user name or password") == true)
    }

    @Test("No error description contains a secret value", arguments: [
        "password: hunter2",
        "auth:\n  password: \"hunter2\"",
        "auth: {token: hunter2}",
        "Password: |\n  hunter2\n",
        "instance2: https://u:hunter2@x.com",
        "credentials:\n  user: bob\n  pass: hunter2",
        "query: \"a: hunter2\n",
        "auth:\n  password: hunter2\n  password: hunter2",
        "auth:\n\tpassword: hunter2",
    ])
    func noSecretInErrors(yaml: String) {
        for text in [instance + yaml, yaml, "instance: https://u:hunter2@x.com\n" + yaml] {
            let error = configurationError(text)
            #expect(error != nil)
            #expect(error?.description.contains("hunter2") == false, "\(error?.description ?? "")")
            #expect(error?.message.contains("hunter2") == false)
        }
    }
}
