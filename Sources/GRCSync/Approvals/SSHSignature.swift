import Foundation

/// SSH signatures over commits, in the format Git itself uses (`gpg.format = ssh`), made and checked by
/// OpenSSH's `ssh-keygen -Y sign` / `ssh-keygen -Y verify` with the namespace `git`.
public enum SSHSignature {
    /// Signing or verifying could not run: no `user.signingkey`, a key ssh-keygen cannot use, or no
    /// ssh-keygen. The user's Git setup to fix, like a missing `user.name`.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Signs `data` with `key`, the value of `user.signingkey` as Git reads it: a private key file, a
    /// public key file whose private half is in the agent, or `key::ssh-ed25519 AAAA…` (agent); returns
    /// the armored signature.
    static func sign(_ data: String, key: String) throws -> String {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var keyFile = (key as NSString).expandingTildeInPath
        if key.hasPrefix("key::") {
            let file = folder.appendingPathComponent("key.pub")
            try Data((String(key.dropFirst(5)) + "\n").utf8).write(to: file)
            keyFile = file.path
        }
        let result = try run(["-Y", "sign", "-n", "git", "-f", keyFile], input: data)
        guard result.status == 0, result.output.contains("BEGIN SSH SIGNATURE") else {
            throw Failure(description: "ssh-keygen could not sign with \(key): "
                + "\(result.error.trimmingCharacters(in: .whitespacesAndNewlines)). "
                + "Set 'git config user.signingkey' to your SSH key file (or a public key whose private key is in ssh-agent).")
        }
        return result.output
    }

    /// Whether `signature` is a valid signature of `data` by `principal` with a key that the
    /// allowed-signers text (the format of Git's `gpg.ssh.allowedSignersFile`) lists for it.
    static func verify(data: String, signature: String, principal: String, allowedSigners: String) -> Bool {
        guard let folder = try? scratchFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let signersFile = folder.appendingPathComponent("allowed_signers")
            try Data(allowedSigners.utf8).write(to: signersFile)
            let signatureFile = folder.appendingPathComponent("commit.sig")
            try Data(signature.utf8).write(to: signatureFile)
            let result = try run(
                ["-Y", "verify", "-f", signersFile.path, "-I", principal, "-n", "git", "-s", signatureFile.path], input: data)
            return result.status == 0
        } catch {
            return false
        }
    }

    /// A private temporary folder (signatures and keys are not for other users to read).
    private static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grcsync-sig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
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
