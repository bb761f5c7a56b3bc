// The header is the whole module: SwiftPM needs one source file to build it.
#include "CMalloc.h"
