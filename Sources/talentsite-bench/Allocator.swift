// Links jemalloc into the executable (see Sources/CJemalloc/shim.h for why); nothing here is called.
import CJemalloc
