import Foundation
import GRCSync
import Testing

/// The package root, found from this file's path, for the checked-in example and docs.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The error `yaml` is rejected with, recording an issue when it parses instead.
func configurationError(
    _ yaml: String, sourceLocation: SourceLocation = #_sourceLocation
) -> ConfigurationError? {
    do {
        let configuration = try Configuration.parse(yaml)
        Issue.record("expected an error, parsed \(configuration)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// `yaml` with every commented-out key (`# key: ...` at the key's own indentation) uncommented.
func uncommentingKeys(_ yaml: String) -> String {
    yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard let match = line.wholeMatch(of: /( *)# ( *[a-z_]+:(?: .*)?)/) else { return String(line) }
        return String(match.1) + String(match.2)
    }.joined(separator: "\n")
}

/// A directory that is removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("grcsync-config-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// A URL from a literal, failing the test instead of crashing when it is not one.
func url(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
    try #require(URL(string: text), sourceLocation: sourceLocation)
}

/// The dotted key paths of the block-style mapping keys in `yaml` (one `key:` per line, nesting
/// by indentation), sections included. Enough for the checked-in example, without a YAML library.
func keyPaths(inBlockYAML yaml: String) -> [String] {
    var stack: [(indent: Int, key: String)] = []
    var paths: [String] = []
    for line in yaml.split(separator: "\n") {
        guard let match = line.wholeMatch(of: /( *)([a-z_]+):(?: .*)?/) else { continue }
        let indent = match.1.count
        while let last = stack.last, last.indent >= indent { stack.removeLast() }
        stack.append((indent, String(match.2)))
        paths.append(stack.map(\.key).joined(separator: "."))
    }
    return paths
}
