/// Writes an HTML table as a GFM table when it has exactly the shape cmark-gfm produces: a `<thead>`
/// with one row of `<th>`, then an optional `<tbody>` of `<td>` rows with as many cells, cells holding
/// inline content only, and per-column alignment (`align="left|center|right"`) the same in every row.
enum MarkdownTableWriter {
    static func table(_ table: HTMLElement) throws(ConversionLoss) -> [String] {
        try MarkdownSupport.require(table, attributes: [])
        var sections = table.children.compactMap(\.element)
        guard sections.count == table.children.count else {
            throw ConversionLoss(reason: "has text directly inside <table>")
        }
        guard let head = sections.first, head.name == "thead" else {
            throw ConversionLoss(reason: "has a table without a header row (<thead>)")
        }
        sections.removeFirst()
        let headerRows = try rows(of: head)
        guard headerRows.count == 1, let header = headerRows.first else {
            throw ConversionLoss(reason: "has a table whose header is not exactly one row")
        }
        var bodyRows: [HTMLElement] = []
        if let body = sections.first {
            guard body.name == "tbody", sections.count == 1 else {
                throw ConversionLoss(
                    reason: "has a table with <\(body.name)> (only <thead> and one <tbody> map to Markdown)")
            }
            bodyRows = try rows(of: body)
            guard !bodyRows.isEmpty else { throw ConversionLoss(reason: "has a table with an empty <tbody>") }
        }
        let headerCells = try cells(of: header, named: "th")
        guard !headerCells.isEmpty else { throw ConversionLoss(reason: "has a table with an empty header row") }
        let alignments = try headerCells.map { cell throws(ConversionLoss) in try alignment(of: cell) }
        var lines = [try line(headerCells)]
        lines.append("|" + alignments.map { " " + delimiter(for: $0) + " |" }.joined())
        for row in bodyRows {
            let rowCells = try cells(of: row, named: "td")
            guard rowCells.count == headerCells.count else {
                throw ConversionLoss(
                    reason: "has a table row with \(rowCells.count) cells under \(headerCells.count) headings")
            }
            for (cell, expected) in zip(rowCells, alignments) where try alignment(of: cell) != expected {
                throw ConversionLoss(reason: "has a table column whose cells are aligned differently")
            }
            lines.append(try line(rowCells))
        }
        return lines
    }

    private static func rows(of section: HTMLElement) throws(ConversionLoss) -> [HTMLElement] {
        try MarkdownSupport.require(section, attributes: [])
        var rows: [HTMLElement] = []
        for child in section.children {
            guard case .element(let row) = child, row.name == "tr" else {
                throw ConversionLoss(reason: "has something other than <tr> inside <\(section.name)>")
            }
            try MarkdownSupport.require(row, attributes: [])
            rows.append(row)
        }
        return rows
    }

    private static func cells(of row: HTMLElement, named name: String) throws(ConversionLoss) -> [HTMLElement] {
        var cells: [HTMLElement] = []
        for child in row.children {
            guard case .element(let cell) = child, cell.name == name else {
                let found = child.element.map { "<\($0.name)>" } ?? "text"
                throw ConversionLoss(
                    reason: name == "th" ? "has a table without a header row (\(found) in the first row)"
                        : "has a table body row with \(found) (Markdown rows hold <td> only)")
            }
            try MarkdownSupport.require(cell, attributes: ["align"])
            cells.append(cell)
        }
        return cells
    }

    private static func alignment(of cell: HTMLElement) throws(ConversionLoss) -> String? {
        guard let align = cell.attribute("align") else { return nil }
        guard ["left", "center", "right"].contains(align) else {
            throw ConversionLoss(reason: "uses <\(cell.name) align=\"\(align)\">")
        }
        return align
    }

    private static func delimiter(for alignment: String?) -> String {
        switch alignment {
        case "left": ":--"
        case "center": ":-:"
        case "right": "--:"
        default: "---"
        }
    }

    private static func line(_ cells: [HTMLElement]) throws(ConversionLoss) -> String {
        var line = "|"
        for cell in cells {
            var writer = MarkdownInlineWriter(place: .tableCell)
            let text = try writer.render(cell.children)
            line += text.isEmpty ? "  |" : " " + text + " |"
        }
        return line
    }
}
