#ifndef GRCSYNC_CLIBXML2_SHIM_H
#define GRCSYNC_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and its headers then pull in the system's <unicode/*.h>, which
 * clash with the copy Foundation ships (_FoundationICU) when one Swift module imports both. grcsync
 * never touches the encoding handler structs that depend on ICU, so hide ICU from these headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#endif
