import CGit2

/// Sole owner of one libgit2 handle (tree, commit, index, diff, ...): frees it when the last Swift
/// reference goes away, and keeps its owner (usually the `Repository`) alive until then, because libgit2
/// objects point into their repository.
final class Handle {
    /// The libgit2 pointer; valid as long as this object lives.
    let pointer: OpaquePointer
    private let owner: AnyObject?
    private let free: (OpaquePointer?) -> Void

    init(_ pointer: OpaquePointer, owner: AnyObject?, free: @escaping (OpaquePointer?) -> Void) {
        self.pointer = pointer
        self.owner = owner
        self.free = free
    }

    deinit {
        free(pointer)
    }
}
