import Foundation
@testable import GRCSync
import Testing

/// `--json` output written in pieces must be what `JSONEncoder` writes for the whole report.
struct JSONReportWriterTests {
    private func statement(_ index: Int) -> StatementRef {
        StatementRef(path: "statements/Sys \(index % 3)/AC-\(index).html", control: "AC-\(index)", system: "Sys/\(index % 3)",
                     title: "Account \"Management\"\n\(index)", sysID: String(format: "%032x", index))
    }

    private func whole(_ value: some Encodable) throws -> Data {
        try JSONReportWriter.makeEncoder().encode(value) + Data("\n".utf8)
    }

    private func pieces(_ value: some Encodable, slice: Int) throws -> [Data] {
        var pieces: [Data] = []
        try JSONReportWriter.write(value, slice: slice) { pieces.append(Data($0)) }
        return pieces
    }

    private func pushReport(items: Int, refused: Int) -> PushReport {
        PushReport(
            job: "job-1", instance: "https://example.service-now.com", branch: "main", who: "Alice <alice@example.com>",
            startedAt: "2026-11-23T10:00:00Z", dryRun: false, force: false,
            items: (0..<items).map {
                PushReport.Item(statement: statement($0), outcome: $0 % 4 == 0 ? .conflict : .pushed,
                                detail: $0 % 2 == 0 ? "mod count 3 → 4, see a/b" : nil, serverAltered: $0 % 3 == 0,
                                diff: $0 % 5 == 0 ? "-old\n+new\n" : nil, approvals: $0 % 2 == 0 ? [] : ["abc Bob <bob@example.com>"])
            },
            refused: (0..<refused).map { PushReport.Refusal(path: "statements/new-\($0).html", reason: "new file") },
            recovered: 0, mirrorCommit: nil, syncCommit: "0123456789abcdef", requests: 12, retries: 1, seconds: 1.5)
    }

    @Test(arguments: [1, 2, 3, 1_000])
    func aReportWrittenInSlicesIsByteForByteWhatJSONEncoderWrites(slice: Int) throws {
        for (items, refused) in [(7, 3), (1, 0), (0, 2), (0, 0)] {
            let report = pushReport(items: items, refused: refused)
            #expect(try pieces(report, slice: slice).reduce(Data(), +) == whole(report), "\(items) items, \(refused) refused")
        }
    }

    @Test func eachSliceIsAPieceOfItsOwn() throws {
        let report = pushReport(items: 10, refused: 0)
        let written = try pieces(report, slice: 2)
        // The head up to the list, five slices, the list's end, the rest.
        #expect(written.count == 8)
        let threeItems = try whole(pushReport(items: 3, refused: 0)).count
        #expect(written.allSatisfy { $0.count < threeItems })
    }

    @Test func pullAndStatusReportsStreamTheirLists() throws {
        let pull = PullReport(
            instance: "https://example.service-now.com", branch: "main", listed: 5,
            changes: (0..<5).map { PullReport.Change(kind: .added, statement: statement($0), updatedBy: $0 == 2 ? nil : "admin") },
            keptAsHTML: [PullReport.KeptAsHTML(path: "statements/a.html", reason: "a table")], mirrorCommit: "abc",
            mirrorRebuilt: false, merge: .conflicts(paths: ["statements/a.html"]), requests: 3, seconds: 0.25, timings: nil)
        #expect(try pieces(pull, slice: 2).reduce(Data(), +) == whole(pull))
        let status = StatusReport(
            branch: "main", mirrorCommit: nil, mergeInProgress: true, checkedRemote: false,
            items: (0..<4).map { StatusReport.Item(state: .modified, path: statement($0).path, statement: $0 == 1 ? nil : statement($0), note: nil) })
        #expect(try pieces(status, slice: 3).reduce(Data(), +) == whole(status))
    }

    @Test func aTopLevelListIsWrittenInSlices() throws {
        let statements = (0..<5).map(statement)
        for slice in [1, 2, 5] {
            var written = Data()
            try JSONReportWriter.write(statements, slice: slice) { written.append($0) }
            #expect(written == (try whole(statements)))
        }
        var empty = Data()
        try JSONReportWriter.write([StatementRef](), slice: 2) { empty.append($0) }
        #expect(empty == (try whole([StatementRef]())))
    }
}
