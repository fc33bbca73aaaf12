// Excellence: the single source of the library version.
// CMake reads these three macros to set the project and package version.
#pragma once

#define EXCELLENCE_VERSION_MAJOR 0
#define EXCELLENCE_VERSION_MINOR 2
#define EXCELLENCE_VERSION_PATCH 0
// major * 10000 + minor * 100 + patch, for `#if EXCELLENCE_VERSION >= 100` checks.
#define EXCELLENCE_VERSION \
  (EXCELLENCE_VERSION_MAJOR * 10000 + EXCELLENCE_VERSION_MINOR * 100 + EXCELLENCE_VERSION_PATCH)
#define EXCELLENCE_VERSION_STRING "0.2.0"
