import Foundation

/// The cores this process may use, read once. On Linux `ProcessInfo.activeProcessorCount` reads the
/// cgroup's CPU quota from `/sys` at every call (~30 µs): asked twice for each batch of 100 records, it
/// cost a first pull of 100,000 statements ~0.08 s of CPU.
public enum Processors {
    public static let active = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
