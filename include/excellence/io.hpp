// Umbrella header of the file readers and writers: framework and assessment files (JSON)
// and CSV tables. Apart from excellence.hpp because paths bring in <filesystem>, which
// the domain API, doing no file I/O, does not need. The PLS model reader is in
// io/pls_model_json.hpp with the modelling layer.
#pragma once

#include <excellence/io/assessment_json.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/io/evidence_files.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/io/measures_json.hpp>
#include <excellence/io/series_csv.hpp>
