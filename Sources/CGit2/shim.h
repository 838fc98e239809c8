#ifndef GRCSYNC_CGIT2_SHIM_H
#define GRCSYNC_CGIT2_SHIM_H

#define GIT_DEPRECATE_HARD
#include <git2.h>

#endif
