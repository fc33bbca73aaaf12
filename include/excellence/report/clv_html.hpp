// The holdout validation of lifetime-value models as one self-contained HTML report with
// SVG charts (docs/clv.md, "The validation report"). A renderer only: every number shown
// comes from the validation; nothing is estimated here.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/fwd.hpp>

#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// The report: the facts (customers, calibration and holdout periods, holdout
/// transactions); the models compared (log-likelihood, AIC, BIC, the holdout errors, the
/// tracking MAPEs, the histogram's χ²) with each fit's parameters; then four charts, each an
/// inline SVG with a title, a text alternative and the table of the numbers it draws: the
/// repeat transactions per period, actual and expected by each model (the holdout shaded),
/// the same cumulated (FHL 2005a, Figures 2 and 3), the calibration histogram of repeat
/// counts, and the mean holdout transactions by calibration frequency (Figure 4). Titles in
/// `lang`. No script, font, image or URL is loaded; it prints to A4. Throws data_error
/// (out_of_range) for a number that is not finite.
[[nodiscard]] EXCELLENCE_API std::string to_html(const holdout_validation& v, language lang = language::en);

EXCELLENCE_END_NAMESPACE
