#ifndef GRCSYNC_CGIT2_SHIM_H
#define GRCSYNC_CGIT2_SHIM_H

#define GIT_DEPRECATE_HARD
#include <git2.h>
#include <git2/sys/repository.h>
#include <git2/sys/odb_backend.h>
#include <stdlib.h>

/* libgit2's own dependencies (libgit2-dev depends on zlib1g-dev and libmbedtls-dev): zlib deflates and
   mbedTLS's SHA-1 checksums the pack files and pack indexes GitKit writes (see PackWriter.swift). */
#include <zlib.h>
#include <mbedtls/sha1.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* Gives the free pages of every malloc arena back to the system (glibc keeps them for later allocations;
   see GitKit's FreedMemory.swift). Does nothing where the C library is not glibc. */
static inline void grcsync_release_freed_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/* Swift cannot call C variadic functions: one non-variadic wrapper per git_libgit2_opts option we use. */

/* Points the config search path of `level` (GIT_CONFIG_LEVEL_SYSTEM, _GLOBAL, _XDG, _PROGRAMDATA) at `path`;
   NULL restores libgit2's default. Tests use it to isolate themselves from the user's ~/.gitconfig. */
static inline int grcsync_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

/* Turns libgit2's object existence checks on tree and commit creation on (1, the default) or off (0). */
static inline int grcsync_git_enable_strict_object_creation(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}

/* Whether libgit2 re-hashes every object it reads to check it against its id (1, the default) or not (0,
   as git itself reads objects: it verifies them when they arrive and in `git fsck`, not on every read). */
static inline int grcsync_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* The largest object of `type` libgit2 keeps in its object cache (default: 4 KB for trees, no blobs). */
static inline int grcsync_git_set_cache_object_limit(git_object_t type, size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, bytes);
}

/* How much of pack files libgit2 keeps mapped at once (default 8 GB on 64-bit: a whole pack stays mapped
   and its pages count in the process's resident memory while it is read), and the size of one mapped
   window (default 1 GB). */
static inline int grcsync_git_set_mwindow_mapped_limit(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, bytes);
}

static inline int grcsync_git_set_mwindow_size(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, bytes);
}

/* The folders libgit2 searches for configuration files of `level` (GIT_CONFIG_LEVEL_SYSTEM, _XDG, ...),
   separated by GIT_PATH_LIST_SEPARATOR: where it also looks for attributes files. */
static inline int grcsync_git_get_search_path(int level, git_buf *out) {
    return git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, level, out);
}


/* Object ids of content handed over in pieces, hashed by libgit2 itself (SHA-1 with collision
   detection, as git hashes objects) without storing anything: an object database whose only backend
   takes write streams and drops their bytes. git_odb_open_wstream on it hashes the object's header,
   git_odb_stream_write hashes each piece, git_odb_stream_finalize_write gives the id. GitKit's
   LooseObjectWriter deflates the same pieces on other threads meanwhile (libgit2's own stream would
   hash and deflate them one after the other on one thread). */
static inline int grcsync_discard_write(git_odb_stream *stream, const char *buffer, size_t length) {
    (void)stream; (void)buffer; (void)length;
    return 0;
}

static inline int grcsync_discard_finalize(git_odb_stream *stream, const git_oid *oid) {
    (void)stream; (void)oid;
    return 0;
}

static inline void grcsync_discard_stream_free(git_odb_stream *stream) {
    free(stream);
}

static inline int grcsync_discard_writestream(
    git_odb_stream **out, git_odb_backend *backend, git_object_size_t size, git_object_t type) {
    (void)size; (void)type;
    git_odb_stream *stream = (git_odb_stream *)calloc(1, sizeof(git_odb_stream));
    if (stream == NULL) return -1;
    stream->backend = backend;
    stream->mode = GIT_STREAM_WRONLY;
    stream->write = grcsync_discard_write;
    stream->finalize_write = grcsync_discard_finalize;
    stream->free = grcsync_discard_stream_free;
    *out = stream;
    return 0;
}

static inline void grcsync_discard_backend_free(git_odb_backend *backend) {
    free(backend);
}

/* A new object database that only hashes (see above); free it with git_odb_free. */
static inline int grcsync_hashing_odb_new(git_odb **out) {
    git_odb *odb = NULL;
    int error = git_odb_new(&odb);
    if (error < 0) return error;
    git_odb_backend *backend = (git_odb_backend *)calloc(1, sizeof(git_odb_backend));
    if (backend == NULL) {
        git_odb_free(odb);
        return -1;
    }
    error = git_odb_init_backend(backend, GIT_ODB_BACKEND_VERSION);
    if (error == 0) {
        backend->writestream = grcsync_discard_writestream;
        backend->free = grcsync_discard_backend_free;
        error = git_odb_add_backend(odb, backend, 1);
    }
    if (error < 0) {
        free(backend);
        git_odb_free(odb);
        return error;
    }
    *out = odb;
    return 0;
}

/* deflateInit2 is a macro Swift cannot call: a raw deflate stream (no zlib header or trailer, which
   LooseObjectWriter writes around the pieces it joins) at `level`, with zlib's default window. */
static inline int grcsync_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

#endif
