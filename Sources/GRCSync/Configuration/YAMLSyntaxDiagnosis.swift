import Foundation
import Yams

/// Turns a Yams parse failure into a ``ConfigurationError`` with Yams' line and column and a short
/// hint about the usual cause.
///
/// It keeps libyaml's problem text (which names no values) and leaves out Yams' snippet of the line,
/// which could show a secret someone pasted into the file.
struct YAMLSyntaxDiagnosis {
    let file: String
    let yaml: String
    let error: any Error

    var configurationError: ConfigurationError {
        var underlying = error
        if case DecodingError.dataCorrupted(let context) = error, let cause = context.underlyingError {
            underlying = cause
        }
        guard let yamlError = underlying as? YamlError else {
            return ConfigurationError(file: file, message: "is not valid YAML (\(underlying)).")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "not valid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return located(mark.line, mark.column, message + ". " + hint(line: mark.line, problem: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return located(
                context.mark.line, context.mark.column,
                "\(keys) appears more than once in the same mapping; keep only one.")
        case .reader(let problem, let offset, _, _):
            let (line, column) = position(ofCharacter: offset ?? 0)
            return located(line, column, "cannot be read as YAML: \(problem). Save the file as plain UTF-8 text.")
        default:
            return ConfigurationError(file: file, message: "is not valid YAML (\(yamlError)).")
        }
    }

    private func located(_ line: Int, _ column: Int, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, column: column, message: message)
    }

    /// The likely cause, from the text of the offending line and libyaml's problem.
    private func hint(line: Int, problem: String) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        let before = line >= 2 && line - 1 <= lines.count ? lines[line - 2] : ""
        if text.contains("\t") || before.contains("\t") {
            return "YAML does not allow tabs for indentation: indent with spaces."
        }
        if problem.contains("mapping values are not allowed") {
            return "Check this line and the one above: a key may be missing its `:` or be indented differently "
                + "from its neighbours, and a value that contains `: ` needs quotes (query: \"a: b\")."
        }
        if problem.contains("another document") {
            return "config.yaml holds a single document: remove the `---` line."
        }
        if problem.contains("could not find expected ':'") || problem.contains("expected <block end>") {
            return "Check that every key ends with `:` and that keys of one section share the same indentation."
        }
        if problem.contains("found unexpected end of stream") || problem.contains("found unknown escape") {
            return "Check the quotes: a value opened with a quote must be closed with the same quote."
        }
        return "Check the indentation (spaces, two per level) and quote values that start with a special "
            + "character such as `*`, `&`, `!`, `%`, `@` or a backtick."
    }

    private func position(ofCharacter offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, character) in yaml.enumerated() {
            if index >= offset { break }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
