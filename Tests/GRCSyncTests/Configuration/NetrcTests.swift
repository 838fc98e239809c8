import GRCSync
import Testing

@Suite("netrc")
struct NetrcTests {
    @Test("One line, several lines, several entries, and default")
    func entries() throws {
        let netrc = try Netrc.parse("""
            machine acme.service-now.com login alice password pa55
            machine dev.service-now.com
                login bob
                password "two words"
                account client-secret
            default login anonymous password guest
            """, file: ".netrc")
        #expect(netrc.entries == [
            Netrc.Entry(machine: "acme.service-now.com", login: "alice", password: "pa55"),
            Netrc.Entry(machine: "dev.service-now.com", login: "bob", password: "two words", account: "client-secret"),
            Netrc.Entry(machine: nil, login: "anonymous", password: "guest"),
        ])
    }

    @Test("Comments, macdef bodies, port and CRLF line ends are skipped")
    func skipped() throws {
        let netrc = try Netrc.parse(
            "# work instances\r\n"
                + "machine acme.service-now.com # the production one\r\n"
                + "  login alice\r\n"
                + "  # password old\r\n"
                + "  port 443 password \"p#ss\"\r\n"
                + "macdef init\r\n"
                + "cd /pub\r\n"
                + "machine inside.macro login x\r\n"
                + "\r\n"
                + "machine other.example.com login carol password #hash\r\n",
            file: ".netrc")
        #expect(netrc.entries == [
            Netrc.Entry(machine: "acme.service-now.com", login: "alice", password: "p#ss"),
            Netrc.Entry(machine: "other.example.com", login: "carol", password: "#hash"),
        ])
    }

    @Test("Quoted tokens keep spaces and unescape \\\" and \\\\")
    func quotedTokens() throws {
        let netrc = try Netrc.parse(#"machine "acme.service-now.com" login "a b" password "say \"hi\" \\o/""#, file: "n")
        #expect(netrc.entries == [Netrc.Entry(machine: "acme.service-now.com", login: "a b", password: #"say "hi" \o/"#)])
    }

    @Test("The entry for a host: first match, case-insensitive, by login when known, else default")
    func lookup() throws {
        let netrc = try Netrc.parse("""
            machine ACME.service-now.com login alice password a1
            machine acme.service-now.com login bob password b1
            default password d1
            """, file: ".netrc")
        #expect(netrc.entry(forHost: "acme.service-now.com")?.password == "a1")
        #expect(netrc.entry(forHost: "acme.service-now.com", login: "bob")?.password == "b1")
        #expect(netrc.entry(forHost: "acme.service-now.com", login: "carol")?.password == "d1")
        #expect(netrc.entry(forHost: "other.service-now.com")?.machine == nil)
        #expect(try Netrc.parse("machine a login x password y", file: "n").entry(forHost: "b") == nil)
    }

    @Test("Errors give the line and never repeat a token", arguments: [
        ("machine a.com login alice\npassword", 2, "`password` has no value after it."),
        ("login alice password hunter2", 1, "`login` comes before any `machine` or `default` entry."),
        ("machine a.com\nlogin alice password \"hunter2", 2, "a quoted value has no closing `\"`."),
        ("machine a.com login alice password hunter2 hunter3", 1,
         "a word that is not a netrc keyword (machine, default, login, password, account, port, macdef) where one "
            + "was expected; a value that contains spaces must be in double quotes."),
    ])
    func errors(text: String, line: Int, message: String) {
        #expect(throws: NetrcError(file: "/home/u/.netrc", line: line, message: message)) {
            try Netrc.parse(text, file: "/home/u/.netrc")
        }
        do {
            _ = try Netrc.parse(text, file: "/home/u/.netrc")
        } catch {
            #expect(!error.description.contains("hunter"))
        }
    }

    @Test("An entry's description hides its password and account")
    func description() {
        let entry = Netrc.Entry(machine: "a.com", login: "alice", password: "hunter2", account: "s3cret")
        #expect(entry.description == "machine a.com login alice password *** account ***")
        #expect(!String(reflecting: entry).contains("hunter2"))
    }
}
