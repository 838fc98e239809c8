import Foundation
import GRCSync
import ServiceNow
import Testing

@Suite("Credentials")
struct CredentialResolverTests {
    private func configuration(_ yaml: String = "") throws -> Configuration {
        try Configuration.parse("instance: https://acme.service-now.com\n" + yaml)
    }

    /// Resolves with `environment` and, when given, a netrc file holding `netrc`.
    private func resolve(
        _ environment: [String: String], netrc: String? = nil, config: String = ""
    ) throws -> Result<Credentials, CredentialError> {
        let configuration = try configuration(config)
        return try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("netrc")
            if let netrc { try Data(netrc.utf8).write(to: file) }
            let resolver = CredentialResolver(environment: environment, netrcFile: netrc == nil ? nil : file)
            return Result { () throws(CredentialError) in try resolver.credentials(for: configuration) }
        }
    }

    @Test("GRCSYNC_TOKEN wins over everything")
    func tokenWins() throws {
        let environment = ["GRCSYNC_TOKEN": "t0k", "GRCSYNC_USERNAME": "u", "GRCSYNC_PASSWORD": "p"]
        #expect(try resolve(environment).get() == .bearer(token: "t0k"))
        #expect(try resolve(environment, config: "auth: {method: oauth, client_id: c}").get() == .bearer(token: "t0k"))
    }

    @Test("Basic from the environment, without reading netrc")
    func basicFromEnvironment() throws {
        let environment = ["GRCSYNC_USERNAME": "alice", "GRCSYNC_PASSWORD": "pa55"]
        #expect(try resolve(environment, netrc: "login before machine").get() == .basic(username: "alice", password: "pa55"))
    }

    @Test("The user name: GRCSYNC_USERNAME, then auth.username, then netrc")
    func usernamePrecedence() throws {
        let netrc = "machine acme.service-now.com login netrc-user password np\n"
        let config = "auth: {username: config-user}"
        #expect(try resolve(["GRCSYNC_USERNAME": "env-user", "GRCSYNC_PASSWORD": "p"], netrc: netrc, config: config)
            .get() == .basic(username: "env-user", password: "p"))
        #expect(try resolve(["GRCSYNC_PASSWORD": "p"], netrc: netrc, config: config).get()
            == .basic(username: "config-user", password: "p"))
        #expect(try resolve(["GRCSYNC_PASSWORD": "p"], netrc: netrc).get() == .basic(username: "netrc-user", password: "p"))
    }

    @Test("The password from netrc: the host's entry for that user, else default")
    func passwordFromNetrc() throws {
        let netrc = """
            machine other.service-now.com login alice password wrong-host
            machine acme.service-now.com login alice password alice-pw
            machine acme.service-now.com login bob password bob-pw
            default login guest password guest-pw
            """
        #expect(try resolve([:], netrc: netrc).get() == .basic(username: "alice", password: "alice-pw"))
        #expect(try resolve(["GRCSYNC_USERNAME": "bob"], netrc: netrc).get() == .basic(username: "bob", password: "bob-pw"))
        #expect(try resolve([:], netrc: netrc, config: "auth: {username: bob}").get()
            == .basic(username: "bob", password: "bob-pw"))
        #expect(try resolve([:], netrc: "default login guest password guest-pw").get()
            == .basic(username: "guest", password: "guest-pw"))
        #expect(try resolve(["GRCSYNC_USERNAME": "carol"], netrc: "machine acme.service-now.com password shared").get()
            == .basic(username: "carol", password: "shared"))
    }

    @Test("Another user's netrc password is never borrowed")
    func noBorrowedPassword() throws {
        let result = try resolve(["GRCSYNC_USERNAME": "bob"], netrc: "machine acme.service-now.com login alice password a")
        #expect(throws: CredentialError.self) { try result.get() }
        if case .failure(let error) = result {
            #expect(error.kind == .missingPassword)
            #expect(error.description.contains("login bob password PASSWORD"))
        }
    }

    @Test("Empty variables count as unset")
    func emptyVariables() throws {
        let result = try resolve(["GRCSYNC_TOKEN": "", "GRCSYNC_USERNAME": "", "GRCSYNC_PASSWORD": ""], netrc: "")
        if case .failure(let error) = result { #expect(error.kind == .missingUsername) } else { Issue.record("resolved") }
    }

    @Test("OAuth: the client id from config, the secret from GRCSYNC_CLIENT_SECRET or netrc's account")
    func oauth() throws {
        let config = "auth: {method: oauth, client_id: app1}"
        #expect(try resolve(["GRCSYNC_USERNAME": "u", "GRCSYNC_PASSWORD": "p", "GRCSYNC_CLIENT_SECRET": "s"],
                            config: config).get()
            == .oauthPassword(clientID: "app1", clientSecret: "s", username: "u", password: "p"))
        #expect(try resolve([:], netrc: "machine acme.service-now.com login u password p account s2", config: config)
            .get() == .oauthPassword(clientID: "app1", clientSecret: "s2", username: "u", password: "p"))
        let missing = try resolve(["GRCSYNC_USERNAME": "u", "GRCSYNC_PASSWORD": "p"], netrc: "", config: config)
        guard case .failure(let error) = missing else { Issue.record("resolved"); return }
        #expect(error.kind == .missingClientSecret)
        #expect(error.description.contains("GRCSYNC_CLIENT_SECRET"))
        #expect(error.description.contains("`account CLIENT_SECRET` to the `machine acme.service-now.com` entry"))
    }

    @Test("Nothing anywhere: the error names the variables and the netrc line to add")
    func nothingFound() throws {
        let result = try resolve(["HOME": "/nonexistent-home"])
        guard case .failure(let error) = result else { Issue.record("resolved"); return }
        #expect(error.kind == .missingUsername)
        #expect(error.host == "acme.service-now.com")
        #expect(error.description == "No ServiceNow user name for https://acme.service-now.com: set GRCSYNC_USERNAME "
            + "(or `auth.username` in config.yaml) and GRCSYNC_PASSWORD, or add `machine acme.service-now.com login "
            + "USER password PASSWORD` to ~/.netrc. (A CI job can set GRCSYNC_TOKEN to a bearer token instead.)")
    }

    @Test("The netrc file is $NETRC, else $HOME/.netrc")
    func netrcLocation() throws {
        let configuration = try configuration()
        try withTemporaryDirectory { directory in
            try Data("default login h password hp".utf8).write(to: directory.appendingPathComponent(".netrc"))
            try Data("default login n password np".utf8).write(to: directory.appendingPathComponent("custom"))
            let home = CredentialResolver(environment: ["HOME": directory.path])
            #expect(home.netrcFile == directory.appendingPathComponent(".netrc"))
            #expect(try home.credentials(for: configuration) == .basic(username: "h", password: "hp"))
            let custom = CredentialResolver(environment: ["HOME": directory.path, "NETRC": directory.path + "/custom"])
            #expect(try custom.credentials(for: configuration) == .basic(username: "n", password: "np"))

            let missing = CredentialResolver(environment: ["NETRC": directory.path + "/absent"])
            #expect(throws: CredentialError.self) { try missing.credentials(for: configuration) }
            let noHome = CredentialResolver(environment: [:])
            #expect(noHome.netrcFile == nil)
        }
    }

    @Test("A malformed netrc is reported with its line and no token", arguments: [
        "machine acme.service-now.com login alice password hunter2 hunter2",
        "machine acme.service-now.com login alice password \"hunter2",
        "password hunter2",
    ])
    func malformedNetrc(netrc: String) throws {
        let result = try resolve([:], netrc: netrc)
        guard case .failure(let error) = result else { Issue.record("resolved"); return }
        guard case .netrc(let problem) = error.kind else { Issue.record("\(error.kind)"); return }
        #expect(problem.line == 1)
        #expect(!error.description.contains("hunter2"))
    }

    @Test("No error description contains a secret")
    func noSecrets() throws {
        let cases: [([String: String], String?, String)] = [
            (["GRCSYNC_PASSWORD": "hunter2"], "", ""),
            (["GRCSYNC_USERNAME": "bob"], "machine acme.service-now.com login alice password hunter2", ""),
            (["GRCSYNC_USERNAME": "u", "GRCSYNC_PASSWORD": "hunter2"], "", "auth: {method: oauth, client_id: c}"),
            ([:], "machine acme.service-now.com login u password hunter2", "auth: {method: oauth, client_id: c}"),
        ]
        for (environment, netrc, config) in cases {
            let result = try resolve(environment, netrc: netrc, config: config)
            guard case .failure(let error) = result else { Issue.record("resolved"); continue }
            #expect(!error.description.contains("hunter2"))
        }
    }
}
