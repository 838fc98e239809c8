/// Splits netrc text into whitespace-separated tokens, keeping line numbers for errors.
struct NetrcScanner {
    struct Token {
        let text: String
        let line: Int
        /// Written in double quotes: never a keyword or a comment.
        let quoted: Bool
    }

    private let characters: [Character]
    private var index = 0
    private var line = 1

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func next(file: String) throws(NetrcError) -> Token? {
        while index < characters.count, characters[index].isWhitespace {
            advance()
        }
        guard index < characters.count else { return nil }
        let start = line
        if characters[index] == "\"" {
            advance()
            var text = ""
            while index < characters.count, characters[index] != "\"" {
                if characters[index] == "\\", index + 1 < characters.count {
                    advance()
                }
                text.append(characters[index])
                advance()
            }
            guard index < characters.count else {
                throw NetrcError(file: file, line: start, message: "a quoted value has no closing `\"`.")
            }
            advance()
            return Token(text: text, line: start, quoted: true)
        }
        var text = ""
        while index < characters.count, !characters[index].isWhitespace {
            text.append(characters[index])
            advance()
        }
        return Token(text: text, line: start, quoted: false)
    }

    /// Skips the rest of the current line (a comment).
    mutating func skipLine() {
        while index < characters.count, !characters[index].isNewline {
            advance()
        }
    }

    /// Skips a macro body: everything up to and including the next empty line.
    mutating func skipMacro() {
        skipLine()
        while index < characters.count {
            advance()  // the newline ending the previous line
            var blank = true
            while index < characters.count, !characters[index].isNewline {
                if !characters[index].isWhitespace { blank = false }
                advance()
            }
            if blank { return }
        }
    }

    private mutating func advance() {
        if characters[index].isNewline { line += 1 }
        index += 1
    }
}
