#ifndef GRCSYNC_CLIBXML2_SHIM_H
#define GRCSYNC_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and its headers then pull in the system's <unicode/*.h>, which
 * clash with the copy Foundation ships (_FoundationICU) when one Swift module imports both. grcsync
 * never touches the encoding handler structs that depend on ICU, so hide ICU from these headers. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* The deepest element nesting libxml2's tree builder accepts (`xmlParserMaxDepth`, a mutable global
 * that Swift 6 will not read directly): pushing a node deeper halts the parser. */
static inline unsigned int grcsync_xml_parser_max_depth(void) { return xmlParserMaxDepth; }

/* Frees memory libxml2 allocated (`xmlFree` is a function-pointer global, likewise out of Swift's reach). */
static inline void grcsync_xml_free(void *memory) { xmlFree(memory); }

#endif
