// The pictures of a PLS path model as standalone SVG documents: the path diagram
// researchers draw, and the importance–performance map. Renderers only: every number shown
// comes from the fit, the bootstrap or the IPMA; nothing is computed here but positions.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/fwd.hpp>

#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// The path diagram of a fit: each construct an ellipse with its R² (endogenous ones), each
/// indicator a box joined to its construct by an arrow labelled with its loading (mode A,
/// construct → indicator) or its weight (mode B, indicator → construct), each path an arrow
/// labelled with its coefficient. Laid out by the model's structure: a construct's column is
/// its longest chain of paths from an exogenous construct (exogenous ones on the left), the
/// order within a column chosen by the mean position of its predecessors (fewer crossings),
/// its indicators stacked at its left. With a bootstrap the path labels carry its interval's
/// verdict: a path whose interval excludes 0 is drawn solid with a `*`, one whose interval
/// includes 0 dashed. A standalone SVG document (with `xmlns`, a <title> and a <desc>).
/// Its titles, legend and text alternative in `lang`. Throws data_error (invalid_utf8) for a
/// name that is not UTF-8.
[[nodiscard]] EXCELLENCE_API std::string path_diagram_svg(const pls_fit& fit,
                                                          const pls_bootstrap_result* bootstrap = nullptr,
                                                          language lang = language::en);

/// The importance–performance map of an IPMA: importance across, performance (0–100) up, the
/// crosshair lines, every construct a labelled point, the quadrants named in the corners.
/// With `indicators` the indicators' map (their own crosshair) instead of the constructs'.
[[nodiscard]] EXCELLENCE_API std::string ipma_map_svg(const pls_ipma_result& ipma, bool indicators = false,
                                                      language lang = language::en);

EXCELLENCE_END_NAMESPACE
