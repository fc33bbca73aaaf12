# Builds tests/c/consumer.c against the staged install twice -- through pkg-config, as a
# Makefile would, and through find_package(excellence) -- with -std=c99 -pedantic -Werror,
# and runs both on the repository's data.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# pkg-config: the flags it prints, and nothing else, build the program.
set(ENV{PKG_CONFIG_PATH} "${STAGE}/${LIBDIR}/pkgconfig")
foreach(what cflags libs)
  execute_process(COMMAND ${PKG_CONFIG} --${what} excellence OUTPUT_VARIABLE flags_${what}
    OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --${what} excellence failed: ${rc}")
  endif()
  separate_arguments(flags_${what} UNIX_COMMAND "${flags_${what}}")
endforeach()
execute_process(COMMAND ${PKG_CONFIG} --variable=libdir excellence OUTPUT_VARIABLE libdir
  OUTPUT_STRIP_TRAILING_WHITESPACE)
separate_arguments(extra UNIX_COMMAND "${C_FLAGS}")
separate_arguments(link_extra UNIX_COMMAND "${LINK_FLAGS}")
execute_process(
  COMMAND ${C_COMPILER} -std=c99 -Wall -Wextra -pedantic -Werror ${extra} ${flags_cflags}
    ${CONSUMER_DIR}/consumer.c -o ${WORK_DIR}/consumer-pkg-config ${flags_libs} -lm ${link_extra} -Wl,-rpath,${libdir}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the C consumer with pkg-config's flags failed: ${rc}")
endif()

# The worked example of docs/c-api.md, built the same way.
execute_process(
  COMMAND ${C_COMPILER} -std=c99 -Wall -Wextra -pedantic -Werror ${extra} ${flags_cflags}
    ${SOURCE_DIR}/examples/c_api.c -o ${WORK_DIR}/c-api-example ${flags_libs} ${link_extra} -Wl,-rpath,${libdir}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building examples/c_api.c failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/c-api-example WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "42.50 / 90\nitems[3].percent: 37 is not a multiple of 5\n")
  message(FATAL_ERROR "examples/c_api.c failed (${rc}) or printed something else: ${out}${err}")
endif()

# CMake: find_package(excellence) and excellence::shared.
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_PREFIX_PATH=${STAGE} "-DCMAKE_C_FLAGS=${C_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the C consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the C consumer with find_package failed: ${rc}")
endif()

foreach(program ${WORK_DIR}/consumer-pkg-config ${WORK_DIR}/build/consumer)
  execute_process(COMMAND ${program} ${SOURCE_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${program}: ${out}${err}")
  if(NOT rc EQUAL 0 OR NOT out MATCHES "all checks passed")
    message(FATAL_ERROR "${program} failed (${rc})")
  endif()
endforeach()
