import Foundation

/// The data saved by `--state FILE`: every table with its columns, references and records, as JSON.
struct StateFile: Codable, Sendable {
    struct Table: Codable, Sendable {
        var name: String
        var columns: [String]
        var references: [String: String]
        var displayField: String
        var records: [[String: String]]
    }

    var format = 1
    var tables: [Table]

    init(_ state: StoreState) {
        tables = state.tables.keys.sorted().compactMap { name in
            guard let data = state.tables[name] else { return nil }
            return Table(
                name: name, columns: data.columns, references: data.references, displayField: data.displayField,
                records: data.slots.compactMap { $0 })
        }
    }

    func restore(into state: inout StoreState) {
        for table in tables {
            var data = state.tables[table.name]
                ?? TableData(name: table.name, columns: table.columns, references: table.references, displayField: table.displayField)
            data.addColumns(table.columns)
            data.references.merge(table.references) { _, saved in saved }
            data.displayField = table.displayField
            state.tables[table.name] = data
            for record in table.records where record["sys_id"] != nil {
                state.load(table: table.name, record: record)
            }
        }
    }

    static func load(from url: URL) throws -> StateFile {
        do {
            return try JSONDecoder().decode(StateFile.self, from: Data(contentsOf: url))
        } catch {
            throw EmulatorStateError(path: url.path, reason: "\(error)")
        }
    }

    func save(to url: URL) throws {
        do {
            try JSONEncoder().encode(self).write(to: url, options: .atomic)
        } catch {
            throw EmulatorStateError(path: url.path, reason: error.localizedDescription)
        }
    }
}

/// The state file could not be read or written.
public struct EmulatorStateError: Error, CustomStringConvertible, Sendable {
    /// The state file.
    public var path: String
    /// What went wrong.
    public var reason: String

    public var description: String {
        "State file \(path): \(reason). Fix or delete the file (the emulator then starts from its seed)."
    }
}

/// Saves the state a short while after the last change, so a burst of writes costs one save.
final class StateSaver: Sendable {
    private let url: URL
    private let store: EmulatorStore
    private let pending = Locked<Task<Void, Never>?>(nil)
    static let delay: Duration = .milliseconds(300)

    init(url: URL, store: EmulatorStore) {
        self.url = url
        self.store = store
    }

    func changed() {
        pending.withLock { pending in
            guard pending == nil else { return }
            pending = Task { [self] in
                try? await Task.sleep(for: Self.delay)
                guard !Task.isCancelled else { return }
                self.pending.withLock { $0 = nil }
                try? saveNow()
            }
        }
    }

    func saveNow() throws {
        let snapshot = store.state.withLock { StateFile($0) }
        try snapshot.save(to: url)
    }

    /// Cancels a pending save and saves at once.
    func flush() throws {
        pending.withLock { pending in
            pending?.cancel()
            pending = nil
        }
        try saveNow()
    }
}
