#ifndef GRCSYNC_CGIT2_SHIM_H
#define GRCSYNC_CGIT2_SHIM_H

#define GIT_DEPRECATE_HARD
#include <git2.h>
#include <git2/sys/repository.h>

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

#endif
