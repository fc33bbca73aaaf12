# R CMD check of the package's tarball against the staged install (ctest's r.check):
# pkg-config finds the library there, two make jobs compile the package, and the tests
# find the repository, the command and the Python package through the environment.
# Fails on any ERROR or WARNING in the check's log; NOTEs are shown.
set(ENV{PKG_CONFIG_PATH} ${STAGE}/${LIBDIR}/pkgconfig)
set(ENV{MAKEFLAGS} -j2)
set(ENV{EXCELLENCE_SOURCE_DIR} ${EXCELLENCE_SOURCE_DIR})
set(ENV{EXCELLENCE_COMMAND} ${COMMAND})
if(PYTHON)
  set(ENV{EXCELLENCE_PYTHON} ${PYTHON})
  set(ENV{PYTHONPATH} ${PYTHONPATH})
endif()
# The check compiles the package without optimisation: R's own -O2 -g took two thirds of the
# check's time (60 of 82 s on CI's two cores) and left a NOTE on the size of the debug info; the
# check is about the package, not about its speed, and a user's R CMD INSTALL keeps R's flags.
file(WRITE ${WORK_DIR}/Makevars.check "CXX20FLAGS = -O0\n")
set(ENV{R_MAKEVARS_USER} ${WORK_DIR}/Makevars.check)
# No CRAN incoming checks (they need the network) and no PDF manual (no LaTeX).
set(ENV{_R_CHECK_CRAN_INCOMING_} FALSE)
set(ENV{_R_CHECK_FORCE_SUGGESTS_} TRUE)
file(REMOVE_RECURSE ${WORK_DIR}/excellence.Rcheck)
execute_process(COMMAND ${R} CMD check --no-manual --no-build-vignettes ${TARBALL}
  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc)
set(log ${WORK_DIR}/excellence.Rcheck/00check.log)
if(NOT EXISTS ${log})
  message(FATAL_ERROR "R CMD check wrote no log (exit ${rc})")
endif()
file(STRINGS ${log} lines)
set(bad "")
foreach(line IN LISTS lines)
  if(line MATCHES "\\.\\.\\. (ERROR|WARNING)$" OR line MATCHES "^Status: .*(ERROR|WARNING)")
    string(APPEND bad "${line}\n")
  endif()
endforeach()
if(NOT rc EQUAL 0 OR bad)
  file(GLOB failed ${WORK_DIR}/excellence.Rcheck/tests/*.Rout.fail)
  foreach(f IN LISTS failed)
    file(READ ${f} text)
    message("${f}:\n${text}")
  endforeach()
  message(FATAL_ERROR "R CMD check failed (exit ${rc}):\n${bad}")
endif()
