#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlstring.h>

/// Swift 6 cannot call the global `xmlFree` function pointer; this wrapper can be.
static inline void talentsite_xml_free(void *pointer) { xmlFree(pointer); }
