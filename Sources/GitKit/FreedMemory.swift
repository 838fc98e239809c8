import CGit2

/// Giving freed memory back to the system. glibc keeps what a program frees for its next allocations,
/// in the arena of the thread that allocated it: after a first pull has built and dropped a
/// 100,000-entry manifest on several threads, tens of megabytes would stay resident while libgit2
/// checks out the files. `malloc_trim` returns the free pages of every arena (a few milliseconds).
public enum FreedMemory {
    public static func release() {
        grcsync_release_freed_memory()
    }
}
