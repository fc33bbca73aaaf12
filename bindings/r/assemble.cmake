# Assembles the R package in DESTINATION/excellence: the package's sources (SOURCE) and
# the sample data (DATA, files separated by '|') in inst/extdata. A fresh copy each time, so that nothing left by
# an earlier build (a compiled object, a removed file) reaches the tarball.
file(REMOVE_RECURSE ${DESTINATION}/excellence)
file(COPY ${SOURCE} DESTINATION ${DESTINATION} PATTERN "*.o" EXCLUDE PATTERN "*.so" EXCLUDE
  PATTERN "Makevars" EXCLUDE)
string(REPLACE "|" ";" DATA "${DATA}")
file(COPY ${DATA} DESTINATION ${DESTINATION}/excellence/inst/extdata)
