#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers would then include the system ICU, whose enums clash
   with the copy inside Foundation. Nothing here needs ICU types, so keep them out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlstring.h>

/// Swift 6 cannot call the global `xmlFree` function pointer; this wrapper can be.
static inline void talentsite_xml_free(void *pointer) { xmlFree(pointer); }
