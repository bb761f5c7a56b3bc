// glibc's malloc tuning (mallopt and its M_* parameters), which Swift's Glibc module leaves out.
#ifndef CMALLOC_H
#define CMALLOC_H
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
