# The C ABI against its committed baseline (docs/c-api.md, "ABI"): abidw describes the
# exc_* functions of the built libexcellence.so and the types of their signatures,
# prune.py keeps only those, and abidiff compares them with tests/abi/excellence-c.abi.
# Any difference fails, an addition included: the baseline changes deliberately, in the
# commit that changes the ABI (-DUPDATE=ON rewrites it), with a CHANGELOG line.
set(dump ${WORK_DIR}/current-full.abi)
set(current ${WORK_DIR}/current.abi)
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(
  COMMAND ${ABIDW} --no-corpus-path --no-comp-dir-path --no-show-locs --drop-undefined-syms
    --exported-interfaces-only --drop-private-types
    --headers-dir ${INCLUDE_DIR}/excellence --header-file ${INCLUDE_DIR}/excellence/excellence.h
    --suppressions ${ABI_DIR}/c-abi.suppr --out-file ${dump} ${LIBRARY}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidw failed: ${rc}")
endif()
execute_process(COMMAND ${PYTHON} ${ABI_DIR}/prune.py ${dump} ${current} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "prune.py failed: ${rc}")
endif()
if(UPDATE)
  file(COPY_FILE ${current} ${ABI_DIR}/excellence-c.abi)
  message(STATUS "tests/abi/excellence-c.abi rewritten: commit it with a CHANGELOG line")
  return()
endif()
execute_process(COMMAND ${ABIDIFF} ${ABI_DIR}/excellence-c.abi ${current}
  RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE report)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the C ABI differs from tests/abi/excellence-c.abi (abidiff ${rc}):\n${report}\n"
    "If the change is deliberate: cmake --build <build> --target excellence_abi_baseline, and say so in CHANGELOG.md.")
endif()
message(STATUS "the C ABI matches tests/abi/excellence-c.abi")
