# Counts the headers the umbrella header pulls in (the compiler's -M list) and fails above
# the limit of docs/architecture.md, so that a heavy include cannot slip back in.
# Inputs: CXX_COMPILER, INCLUDE_DIR, HEADER, LIMIT, WORK_DIR.
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${WORK_DIR}/umbrella.cpp" "#include <${HEADER}>\n")
execute_process(
  COMMAND "${CXX_COMPILER}" -std=c++20 "-I${INCLUDE_DIR}" -M "${WORK_DIR}/umbrella.cpp"
  OUTPUT_VARIABLE deps ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${HEADER} does not preprocess: ${errors}")
endif()
string(REGEX MATCHALL "[^ \\\\\n\t]+\\.(h|hpp|hxx|ipp|tcc)|/usr/include/c\\+\\+/[0-9]+/[a-z_]+" headers "${deps}")
list(REMOVE_DUPLICATES headers)
list(LENGTH headers count)
message(STATUS "${HEADER} preprocesses to ${count} headers (limit ${LIMIT})")
if(count GREATER LIMIT)
  message(FATAL_ERROR "${HEADER} pulls in ${count} headers, more than ${LIMIT}: keep Boost.Math, Eigen and other heavy headers out of the standard-type API (docs/architecture.md)")
endif()
