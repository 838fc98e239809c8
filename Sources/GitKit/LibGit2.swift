import CGit2

/// libgit2 must be initialised once per process before any other call; a global `let` gives us a
/// thread-safe, lazy, exactly-once initialisation. libgit2 is never shut down: the process owns it.
///
/// Some defaults are changed, each measured on 100,000-statement workspaces:
/// * Objects are not re-hashed on every read (`GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION`), which is how
///   git reads them: it checks objects when they arrive and in `git fsck` (GitKit hashes every object
///   it writes with libgit2 and indexes its packs from those ids, as `git fast-import` does). With it on, a fifth of a push's CPU time was SHA-1
///   over objects it had just read.
/// * Trees up to 1 MB are cached (libgit2 caches trees only up to 4 KB; a system folder of ~370
///   statements is a 15 KB tree, so each lookup of a path in it inflated the folder again).
/// * New trees and commits are not checked for the existence of every object they name
///   (`GIT_OPT_ENABLE_STRICT_OBJECT_CREATION`), which is how `git fast-import` writes
///   them. GitKit only puts into trees blobs it has just written or read from existing trees; with
///   the check on, `git_treebuilder_insert` looked up every entry's header in the object database, a
///   second of CPU time in a first pull of 100,000 statements. Entry names are still validated.
/// * At most 8 MB of pack files are mapped at once, in 4 MB windows (libgit2 maps up to 8 GB in 1 GB
///   windows: the checkout of a first pull of 100,000 statements kept its whole 70 MB pack resident).
///   Pages of a pack are in the page cache either way; mapping a window again costs a system call.
///   `PackWriter` writes a pack in the order its tree is checked out, so a checkout reads it front to
///   back through a window or two (in arrival order, this limit made that checkout 1.8× slower).
private let libgit2Initialisation: Int32 = {
    let result = git_libgit2_init()
    _ = grcsync_git_enable_strict_hash_verification(0)
    _ = grcsync_git_enable_strict_object_creation(0)
    _ = grcsync_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
    _ = grcsync_git_set_mwindow_size(4 << 20)
    _ = grcsync_git_set_mwindow_mapped_limit(8 << 20)
    return result
}()

/// Makes sure libgit2 is initialised. Every entry point that creates a handle calls it.
func ensureLibGit2() {
    _ = libgit2Initialisation
}

/// Turns a libgit2 return code into a `GitError` when negative. Must be called in the same synchronous
/// stretch of code as the failing call, because libgit2 keeps its last error per thread.
@discardableResult
func check(_ result: Int32, _ operation: String) throws(GitError) -> Int32 {
    if result < 0 {
        throw GitError.last(code: result, operation: operation)
    }
    return result
}

/// Runs a libgit2 call that returns a handle through an out parameter, wrapping the handle so that it is
/// freed exactly once. `owner` is kept alive as long as the handle (e.g. the repository of a tree).
func makeHandle(
    _ operation: String,
    owner: AnyObject?,
    free: @escaping (OpaquePointer?) -> Void,
    _ body: (inout OpaquePointer?) -> Int32
) throws -> Handle {
    var pointer: OpaquePointer?
    let result = body(&pointer)
    try check(result, operation)
    guard let pointer else {
        throw GitError(operation: operation, code: -1, klass: 0, message: "libgit2 returned no object")
    }
    return Handle(pointer, owner: owner, free: free)
}
