import CGit2
import Foundation

/// `.git/index` read directly, for the status pass on a large work tree only: each entry's metadata,
/// mode, object id, flags and path, as `git_index_entry` values whose paths point into the file's bytes.
///
/// libgit2 takes ~87 ms to read a 100,000-entry index: it verifies the file's SHA-1 trailer (~30 ms;
/// git has not done that on every read since 2.13) and builds an entry and a hash-table slot per path.
/// A clean work tree needs neither: its status is known from the metadata, the names and HEAD's tree.
/// Whatever this reader does not know (index version 4's compressed paths, a split index, a sparse
/// index, any extension git marks as required, a file that does not parse) makes it return nil, and
/// libgit2 reads the index as usual.
final class IndexFile: @unchecked Sendable {
    // Immutable after `init`, unmapped in `deinit`; the entries' paths point into it (each ends with
    // the NUL the file format puts after it).
    private let mapping: UnsafeRawBufferPointer
    /// The entries in the file's order (by path, then stage), at addresses that stay put.
    let entries: UnsafeBufferPointer<git_index_entry>

    init?(path: String) {
        // Mapped, not read: the 10 MB of a 100,000-entry index are neither copied nor held twice.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= 12 + 20,
              let address = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED
        else { return nil }
        mapping = UnsafeRawBufferPointer(start: address, count: Int(info.st_size))
        guard let entries = Self.parse(mapping) else {
            munmap(address, mapping.count)
            return nil
        }
        self.entries = entries
    }

    deinit {
        entries.deallocate()
        munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count)
    }

    /// Whether an entry (of any stage) has exactly this path.
    func contains(path: String) -> Bool {
        let position = lowerBound(path)
        return position < entries.count && compare(entries[position], path) == 0
    }

    /// Whether an entry's path starts with `prefix`.
    func contains(prefix: String) -> Bool {
        let position = lowerBound(prefix)
        guard position < entries.count, let name = entries[position].path else { return false }
        return prefix.utf8CString.withUnsafeBufferPointer { strncmp(name, $0.baseAddress!, $0.count - 1) == 0 }
    }

    /// The first entry whose path is not below `path` in byte order.
    private func lowerBound(_ path: String) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if compare(entries[middle], path) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func compare(_ entry: git_index_entry, _ path: String) -> Int32 {
        guard let name = entry.path else { return -1 }
        return path.withCString { strcmp(name, $0) }
    }

    private static func parse(_ file: UnsafeRawBufferPointer) -> UnsafeBufferPointer<git_index_entry>? {
        func uint32(_ offset: Int) -> UInt32 { UInt32(bigEndian: file.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        func uint16(_ offset: Int) -> UInt16 { UInt16(bigEndian: file.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
        let end = file.count - 20  // the SHA-1 trailer
        guard uint32(0) == 0x4449_5243 /* DIRC */, [2, 3].contains(uint32(4)) else { return nil }
        let total = Int(uint32(8))
        // At least 62 bytes and a NUL per entry: a count the file cannot hold is not allocated for.
        guard total <= (end - 12) / 63 else { return nil }
        let entries = UnsafeMutableBufferPointer<git_index_entry>.allocate(capacity: total)
        entries.initialize(repeating: git_index_entry())
        var parsed = false
        defer { if !parsed { entries.deallocate() } }
        var offset = 12
        for position in 0..<total {
            guard offset + 62 <= end else { return nil }
            var entry = git_index_entry()
            entry.ctime = git_index_time(seconds: Int32(bitPattern: uint32(offset)), nanoseconds: uint32(offset + 4))
            entry.mtime = git_index_time(seconds: Int32(bitPattern: uint32(offset + 8)), nanoseconds: uint32(offset + 12))
            entry.dev = uint32(offset + 16)
            entry.ino = uint32(offset + 20)
            entry.mode = uint32(offset + 24)
            entry.uid = uint32(offset + 28)
            entry.gid = uint32(offset + 32)
            entry.file_size = uint32(offset + 36)
            withUnsafeMutableBytes(of: &entry.id) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: file[(offset + 40)..<(offset + 60)])) }
            entry.flags = uint16(offset + 60)
            var pathStart = offset + 62
            if entry.flags & 0x4000 != 0 {  // extended flags (index version 3)
                guard pathStart + 2 <= end else { return nil }
                entry.flags_extended = uint16(pathStart)
                pathStart += 2
            }
            guard let nul = file[pathStart..<end].firstIndex(of: 0) else { return nil }
            entry.path = UnsafePointer(file.baseAddress!.advanced(by: pathStart).assumingMemoryBound(to: CChar.self))
            entries[position] = entry
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes from their start.
            offset += (nul - offset + 8) & ~7
        }
        // Extensions: optional ones (an upper-case first letter: TREE, REUC, UNTR…) are skipped; a
        // required one (link, sdir) changes what the entries mean.
        while offset + 8 <= end {
            guard (0x41...0x5A).contains(file[offset]) else { return nil }
            offset += 8 + Int(uint32(offset + 4))
        }
        guard offset == end else { return nil }
        parsed = true
        return UnsafeBufferPointer(entries)
    }
}
