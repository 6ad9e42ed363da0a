/* jemalloc replaces glibc's malloc in the talentsite executable: a build allocates and frees millions of small
   strings from two threads, and glibc's allocator spent a quarter of a 20k-course build in _int_malloc. Linking the
   library is enough (it interposes malloc/free); mallctl is used to report the heap in TALENTSITE_TIMINGS. */
#include <jemalloc/jemalloc.h>
