import Foundation

/// SSH signatures over commits, in the format Git itself uses (`gpg.format = ssh`), made and checked by
/// OpenSSH's `ssh-keygen -Y sign` / `ssh-keygen -Y verify` with the namespace `git`.
enum SSHSignature {
    /// Signing or verifying could not run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Signs `data` with the key `keyFile` (a private key, or a public key whose private half is in the
    /// agent); returns the armored signature.
    static func sign(_ data: String, keyFile: String) throws -> String {
        let result = try run(["-Y", "sign", "-n", "git", "-f", keyFile], input: data)
        guard result.status == 0, result.output.contains("BEGIN SSH SIGNATURE") else {
            throw Failure(description: "ssh-keygen could not sign with \(keyFile): \(result.error.trimmingCharacters(in: .whitespacesAndNewlines)). "
                + "Set 'git config user.signingkey' to your SSH key file.")
        }
        return result.output
    }

    /// Whether `signature` is a valid signature of `data` by `principal` with a key listed for it in the
    /// allowed-signers file.
    static func verify(data: String, signature: String, principal: String, allowedSigners: URL) -> Bool {
        guard FileManager.default.fileExists(atPath: allowedSigners.path) else { return false }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grcsync-sig-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let signatureFile = folder.appendingPathComponent("commit.sig")
            try Data(signature.utf8).write(to: signatureFile)
            let result = try run(
                ["-Y", "verify", "-f", allowedSigners.path, "-I", principal, "-n", "git", "-s", signatureFile.path], input: data)
            return result.status == 0
        } catch {
            return false
        }
    }

    private static func run(_ arguments: [String], input: String) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw Failure(description: "ssh-keygen could not be started (install openssh-client): \(error)")
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}
