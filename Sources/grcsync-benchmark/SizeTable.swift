/// The Markdown table of one size: medians of grcsync and git on the same content, and their ratio.
struct SizeTable {
    let result: SizeResult
    let settings: BenchmarkSettings

    private struct Row {
        var operation: String
        var grcsync: Double
        var reference: String
        var referenceSeconds: Double
        var requests: String
        var grcsyncRSS: Int
        var referenceRSS: Int
    }

    var markdown: String {
        let r = result
        let ideal = settings.idealPushSeconds(statements: r.statements)
        let rows = [
            Row(operation: "first pull: list + fetch (network)", grcsync: r.medianPart { $0.firstPull.networkSeconds },
                reference: "", referenceSeconds: .nan, requests: Format.count(r.medianCount { $0.firstPullRequests }),
                grcsyncRSS: 0, referenceRSS: 0),
            Row(operation: "first pull: ingest, CPU time (mirror commit)",
                grcsync: r.medianPart { $0.firstPull.ingestCPUSeconds },
                reference: "`git fast-import`, CPU time", referenceSeconds: r.median { $0.fastImport.cpuSeconds },
                requests: "", grcsyncRSS: 0, referenceRSS: r.medianCount { $0.fastImport.peakRSS }),
            Row(operation: "first pull: ingest, wall time (overlaps the network)",
                grcsync: r.medianPart { $0.firstPull.ingestSeconds },
                reference: "`git fast-import`, wall time", referenceSeconds: r.median { $0.fastImport.seconds },
                requests: "", grcsyncRSS: 0, referenceRSS: 0),
            Row(operation: "first pull: checkout (fast-forward)", grcsync: r.medianPart { $0.firstPull.mergeSeconds },
                reference: "`git checkout`", referenceSeconds: r.median { $0.gitCheckout.seconds }, requests: "",
                grcsyncRSS: 0, referenceRSS: r.medianCount { $0.gitCheckout.peakRSS }),
            Row(operation: "first pull: total", grcsync: r.median { $0.firstPull.seconds }, reference: "",
                referenceSeconds: .nan, requests: "", grcsyncRSS: r.medianCount { $0.firstPullProcess.peakRSS },
                referenceRSS: 0),
            Row(operation: "status", grcsync: r.median { $0.status.seconds }, reference: "`git status`",
                referenceSeconds: r.median { $0.gitStatus.seconds }, requests: "0",
                grcsyncRSS: r.medianCount { $0.statusProcess.peakRSS }, referenceRSS: r.medianCount { $0.gitStatus.peakRSS }),
            Row(operation: "incremental pull (\(Format.count(r.changedStatements)) changed)",
                grcsync: r.median { $0.incrementalPull.seconds }, reference: "", referenceSeconds: .nan,
                requests: Format.count(r.medianCount { $0.incrementalRequests }),
                grcsyncRSS: r.medianCount { $0.incrementalPullProcess.peakRSS }, referenceRSS: 0),
            Row(operation: "push \(Format.count(r.pushedStatements)) at \(settings.latencyMilliseconds) ms, "
                    + "concurrency \(settings.concurrency)",
                grcsync: r.median { $0.push.seconds }, reference: "ideal M × latency ÷ concurrency",
                referenceSeconds: ideal, requests: Format.count(r.medianCount { $0.pushRequests }),
                grcsyncRSS: r.medianCount { $0.pushProcess.peakRSS }, referenceRSS: 0),
        ]
        var out = "| operation | grcsync | compared with | time | grcsync ÷ it | HTTP requests | peak RSS grcsync | peak RSS git |\n"
        out += "|---|--:|---|--:|--:|--:|--:|--:|\n"
        for row in rows {
            let cells = [
                row.operation, Format.seconds(row.grcsync), row.reference.isEmpty ? "—" : row.reference,
                Format.seconds(row.referenceSeconds), Format.ratio(row.grcsync / row.referenceSeconds),
                row.requests.isEmpty ? "—" : row.requests, Format.megabytes(row.grcsyncRSS), Format.megabytes(row.referenceRSS),
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// One line under the table: what the size means and how long seeding took.
    var caption: String {
        "\(Format.count(result.statements)) statements of \(Format.count(result.meanStatementBytes)) bytes on average; "
            + "medians of \(result.samples.count) run(s). Seeding the emulator took \(Format.seconds(result.seedSeconds)) "
            + "(not measured against anything)."
    }
}
