public import Foundation

/// A report with lists that may name every statement of a workspace (a first pull of 100,000): its
/// `--json` form is written a few hundred elements at a time instead of being built whole.
public protocol JSONStreamedReport: Encodable {
    /// The report with those lists emptied, and the lists (each under its top-level key).
    func splitForJSON() -> (head: Self, lists: [JSONList])
}

/// One list of a `JSONStreamedReport`, encoded a slice at a time.
public struct JSONList {
    let key: String
    let count: Int
    let encodeSlice: (Range<Int>, JSONEncoder) throws -> Data

    public init<Element: Encodable>(key: String, _ elements: [Element]) {
        self.key = key
        count = elements.count
        encodeSlice = { range, encoder in try encoder.encode(Array(elements[range])) }
    }
}

/// `--json` output: what `JSONEncoder` writes (pretty, sorted keys, slashes unescaped), byte for byte,
/// but handed to `sink` in pieces. Long lists are encoded a slice at a time and spliced into the rest:
/// a first pull's report of 100,000 changes (34 MB) took 110 MB of memory to encode whole and copy to
/// standard output, where a slice of 1,000 takes ~0.4 MB.
public enum JSONReportWriter {
    /// The encoder every `--json` document is written with.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes `value` and a final newline. Reports that are `JSONStreamedReport`s have their lists
    /// written `slice` elements at a time.
    public static func write<Value: Encodable>(_ value: Value, slice: Int = 1_000, to sink: (Data) throws -> Void) throws {
        let encoder = makeEncoder()
        if let report = value as? any JSONStreamedReport {
            try writeReport(report, slice: slice, encoder: encoder, to: sink)
        } else {
            try sink(encoder.encode(value) + newline)
        }
    }

    /// Writes a top-level list `slice` elements at a time.
    public static func write<Element: Encodable>(_ elements: [Element], slice: Int = 1_000, to sink: (Data) throws -> Void) throws {
        let encoder = makeEncoder()
        guard !elements.isEmpty else { return try sink(encoder.encode(elements) + newline) }
        try writeElements(JSONList(key: "", elements), indent: 0, slice: slice, encoder: encoder, to: sink)
        try sink(newline)
    }

    private static let newline = Data("\n".utf8)

    private static func writeReport(
        _ report: some JSONStreamedReport, slice: Int, encoder: JSONEncoder, to sink: (Data) throws -> Void
    ) throws {
        let (head, lists) = report.splitForJSON()
        let bytes = try encoder.encode(head)
        // An emptied list at the top level is `\n  "key" : [\n\n  ]`: a string value cannot hold a raw
        // newline, and nested keys are indented further, so the marker is found nowhere else.
        var spans: [(list: JSONList, opening: Range<Int>, end: Int)] = []
        for list in lists where list.count > 0 {
            let opening = Data("\n  \"\(list.key)\" : [".utf8)
            guard let found = bytes.range(of: opening + Data("\n\n  ]".utf8)) else {
                // Not the shape expected (no conforming report has a list elsewhere): encode it whole.
                return try sink(encoder.encode(report) + newline)
            }
            spans.append((list, found.lowerBound..<(found.lowerBound + opening.count), found.upperBound))
        }
        var cursor = bytes.startIndex
        for span in spans.sorted(by: { $0.end < $1.end }) {
            try sink(bytes[cursor..<span.opening.upperBound])
            try writeElements(span.list, indent: 2, slice: slice, encoder: encoder, to: sink)
            cursor = span.end
        }
        try sink(bytes[cursor...] + newline)
    }

    /// Writes `list`'s elements and its closing bracket, each slice encoded as an array on its own and
    /// indented `indent` more spaces; at indent 0 it writes the opening bracket too.
    private static func writeElements(
        _ list: JSONList, indent: Int, slice: Int, encoder: JSONEncoder, to sink: (Data) throws -> Void
    ) throws {
        if indent == 0 { try sink(Data("[".utf8)) }
        var start = 0
        while start < list.count {
            let range = start..<min(start + max(slice, 1), list.count)
            let encoded = try list.encodeSlice(range, encoder)
            // `[` … `\n]`: the elements, each line after a newline indented two spaces.
            var piece = Data(capacity: encoded.count + encoded.count / 8)
            if start > 0 { piece.append(UInt8(ascii: ",")) }
            append(encoded.dropFirst().dropLast(2), indentedBy: indent, to: &piece)
            try sink(piece)
            start = range.upperBound
        }
        try sink(Data(("\n" + String(repeating: " ", count: indent) + "]").utf8))
    }

    /// Appends `text` to `out` with `count` spaces after every newline that does not end an empty line
    /// (`JSONEncoder` leaves the empty line of an empty array without indentation). Lines are found with
    /// `memchr` and copied whole: a first pull's report is ~700,000 lines.
    private static func append(_ text: Data, indentedBy count: Int, to out: inout Data) {
        text.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            guard count > 0, let base = source.baseAddress, !source.isEmpty else {
                out.append(contentsOf: source)
                return
            }
            let newline = UInt8(ascii: "\n")
            // Where a line ends: just past its newline, or at the end of the text (which is never indented).
            func lineEnd(from offset: Int) -> Int {
                guard let found = memchr(base + offset, Int32(newline), source.count - offset) else { return source.count }
                return base.distance(to: UnsafeRawPointer(found)) + 1
            }
            func indents(after end: Int) -> Bool {
                end < source.count && source[end] != newline
            }
            var indentedLines = 0
            var offset = 0
            while offset < source.count {
                offset = lineEnd(from: offset)
                if indents(after: offset) { indentedLines += 1 }
            }
            let start = out.count
            out.count += source.count + indentedLines * count
            out.withUnsafeMutableBytes { (destination: UnsafeMutableRawBufferPointer) in
                var write = start
                var read = 0
                while read < source.count {
                    let end = lineEnd(from: read)
                    (destination.baseAddress! + write).copyMemory(from: base + read, byteCount: end - read)
                    write += end - read
                    if indents(after: end) {
                        (destination.baseAddress! + write).initializeMemory(as: UInt8.self, repeating: 0x20, count: count)
                        write += count
                    }
                    read = end
                }
            }
        }
    }
}
