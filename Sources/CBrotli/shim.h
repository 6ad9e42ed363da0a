/* The encoder writes the site's .br files; the decoder lets the tests (and anyone checking a build) read them back. */
#include <brotli/encode.h>
#include <brotli/decode.h>
