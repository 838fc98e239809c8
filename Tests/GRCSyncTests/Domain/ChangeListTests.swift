import Foundation
@testable import GRCSync
import Statements
import Testing

/// `ChangeList` holds a snapshot's changes compactly until the report is made: what comes out must be
/// exactly what went in, in order, whatever the paths, ids and authors.
@Suite struct ChangeListTests {
    private func change(_ kind: PullReport.Change.Kind, _ path: String, sysID: String, control: String, system: String,
                        title: String, by author: String?) -> PullReport.Change {
        PullReport.Change(
            kind: kind, statement: StatementRef(path: path, control: control, system: system, title: title, sysID: sysID),
            updatedBy: author)
    }

    @Test func givesBackWhatWasAddedInOrder() {
        let changes = [
            change(.removed, "statements/sys-a/AC-1.html", sysID: "a1", control: "AC-1", system: "sys a", title: "Policy", by: nil),
            change(.added, "statements/Système-Å/AC-2(1).md", sysID: "b2", control: "AC-2(1)", system: "Système Å",
                   title: "Automated System Account Management", by: "zoë"),
            change(.changed, "statements/sys-a/AC-2.html", sysID: "", control: "AC-2", system: "sys a", title: "", by: ""),
            change(.added, "statements/sys-b/AC-1.html", sysID: String(repeating: "f", count: 32), control: "AC-1",
                   system: "sys b", title: "Policy", by: "zoë"),
        ]
        var list = ChangeList()
        list.reserveCapacity(changes.count, textBytes: 10)
        for change in changes { list.append(change) }
        #expect(Array(list) == changes)
        #expect(list.count == 4)
        #expect(list[1] == changes[1])
        #expect(list.count(of: .added) == 2)
        #expect(list.count(of: .changed) == 1)
        #expect(list.count(of: .removed) == 1)
        // An author that is empty is not one that is unknown.
        #expect(list[2].updatedBy == "")
        #expect(list[0].updatedBy == nil)
    }

    @Test func emptyListHasNothing() {
        let list = ChangeList()
        #expect(list.isEmpty)
        #expect(Array(list) == [])
        #expect(list.count(of: .added) == 0)
    }

    @Test func summaryAndBodyReadTheList() throws {
        var list = ChangeList()
        for index in 0..<250 {
            list.append(change(.added, "statements/s/AC-\(index).html", sysID: "id\(index)", control: "AC-\(index)", system: "s",
                               title: "T", by: index == 0 ? "alice" : nil))
        }
        let body = PullService.body(list)
        #expect(body.hasPrefix("added: statements/s/AC-0.html (AC-0, by alice)\nadded: statements/s/AC-1.html (AC-1)\n"))
        #expect(body.hasSuffix("… and 50 more"))
        let summary = PullService.summary(list, instance: try #require(URL(string: "https://example.service-now.com")))
        #expect(summary == "Pull example.service-now.com: 250 added")
    }

    /// A snapshot's list: its removed entries first, then the changed entries at the positions given, in
    /// that order; an empty author is not known.
    @Test func snapshotListNamesRemovedThenChangedEntries() {
        func entry(_ path: String, _ sysID: String, by author: String) -> ManifestEntry {
            ManifestEntry(path: path, table: "t", sysID: sysID, field: "f", format: .html, modCount: 1,
                          updatedOn: "2026-01-01 00:00:00", updatedBy: author, system: "s", control: "AC-1", title: "T")
        }
        let removed = [entry("statements/s/gone.html", "r1", by: "bob")]
        let entries = [entry("statements/s/a.html", "a", by: "alice"), entry("statements/s/b.html", "b", by: ""),
                       entry("statements/s/c.html", "c", by: "carol")]
        let list = ChangeList(removed: removed, changed: [(2, .changed), (0, .added)], of: entries)
        #expect(list.map(\.kind) == [.removed, .changed, .added])
        #expect(list.map(\.statement.path) == ["statements/s/gone.html", "statements/s/c.html", "statements/s/a.html"])
        #expect(list.map(\.statement.sysID) == ["r1", "c", "a"])
        #expect(list.map(\.updatedBy) == [nil, "carol", "alice"])
        #expect(ChangeList(removed: [], changed: [(1, .added)], of: entries).first?.updatedBy == nil)
    }
}
