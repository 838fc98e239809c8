#ifndef GRCSYNC_CLIBXML2_SHIM_H
#define GRCSYNC_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#endif
