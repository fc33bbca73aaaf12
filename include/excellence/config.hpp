// Namespace and export macros shared by every public header.
#pragma once

#include <excellence/version.hpp>

// Everything lives in excellence::v1. The inline namespace changes with the major
// version so that two majors linked into one program fail at link time instead of
// silently violating the one-definition rule.
#define EXCELLENCE_BEGIN_NAMESPACE \
  namespace excellence {           \
  inline namespace v1 {
#define EXCELLENCE_END_NAMESPACE \
  }                              \
  }

// Functions compiled into the library (readers, models, renderers) carry EXCELLENCE_API.
// The library is compiled with hidden visibility, so the shared libexcellence.so exports
// exactly these (and the C ABI's exc_* functions) and nothing of its internals; for a
// program that includes the headers the macro is empty.
#if defined(EXCELLENCE_BUILDING_LIBRARY)
#  define EXCELLENCE_API __attribute__((visibility("default")))
#else
#  define EXCELLENCE_API
#endif
