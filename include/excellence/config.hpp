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

// Functions compiled into the library (readers, built-in frameworks) carry
// EXCELLENCE_API so that a shared build exports them while everything else stays
// hidden. A static build (the default) needs no decoration.
#if defined(EXCELLENCE_SHARED)
#  if defined(EXCELLENCE_BUILDING_LIBRARY)
#    define EXCELLENCE_API __attribute__((visibility("default")))
#  else
#    define EXCELLENCE_API
#  endif
#else
#  define EXCELLENCE_API
#endif
