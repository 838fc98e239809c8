import CGit2

/// SHA-1 over a stream, from mbedTLS (the crypto library libgit2 itself links): the checksums that end
/// a pack file and its index.
struct SHA1 {
    private var context = mbedtls_sha1_context()

    init() {
        mbedtls_sha1_init(&context)
        mbedtls_sha1_starts_ret(&context)
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        mbedtls_sha1_update_ret(&context, base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// The digest (20 bytes); the hasher is done with afterwards.
    mutating func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        mbedtls_sha1_finish_ret(&context, &digest)
        mbedtls_sha1_free(&context)
        return digest
    }
}
