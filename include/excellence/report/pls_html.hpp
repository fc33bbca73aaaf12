// The model report: a PLS path model and what was asked of it (bootstrap, 0–100 index,
// importance–performance map, model fit, PLSpredict, multigroup analysis) as one
// self-contained HTML file (docs/pls.md, "The model report"). A renderer only: every
// number shown comes from the results given; nothing is estimated here.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/fwd.hpp>

#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// What a model report shows besides the fit: each part it is given, in this order after
/// the structural and measurement models. The results must come from the same model and
/// data as the fit (the report shows them as they are; it cannot tell).
struct pls_report_parts {
  const pls_bootstrap_result* bootstrap = nullptr;  ///< intervals in every table, verdicts in the diagram
  const pls_index_result* index = nullptr;          ///< the 0–100 index beside each construct's quality
  const pls_ipma_result* ipma = nullptr;            ///< both maps and their tables
  const pls_model_fit_result* model_fit = nullptr;  ///< SRMR, d_ULS, d_G (and the exact-fit test)
  const pls_predict_result* predict = nullptr;      ///< PLSpredict and CVPAT
  const pls_mga_result* mga = nullptr;              ///< MICOM and the group differences
  std::string subtitle{};                           ///< under the title: the study, the data file
};

/// The report: its facts (rows, estimation, convergence), the warnings of every part, the
/// path diagram, the structural model (paths, R², total and indirect effects), the
/// measurement model (weights, loadings, reliability and validity, HTMT, Fornell–Larcker,
/// cross-loadings), then each part given. Titles and labels in `lang`; names as written.
/// One file with inline CSS and SVG: no script, font, image or URL is loaded; it prints to
/// A4 with table headers repeated. Throws data_error (out_of_range) for a number that is
/// not finite and (invalid_utf8) for a name that is not UTF-8.
[[nodiscard]] EXCELLENCE_API std::string to_html(const pls_fit& fit, const pls_report_parts& parts = {},
                                                 language lang = language::en);

EXCELLENCE_END_NAMESPACE
