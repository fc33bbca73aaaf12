// Umbrella header: every standard-type header of the domain and its renderers. File
// readers are in excellence/io.hpp (they take std::filesystem paths); the modelling layer
// (models/, value/batch.hpp: Eigen) is included on its own. The header_weight test keeps
// this header at most 350 headers deep (docs/architecture.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/fwd.hpp>
#include <excellence/version.hpp>

#include <excellence/criteria/builtin.hpp>
#include <excellence/criteria/framework_info.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/criteria/tree.hpp>

#include <excellence/scoring/assessment.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/history.hpp>
#include <excellence/scoring/points.hpp>
#include <excellence/scoring/priority.hpp>
#include <excellence/scoring/review.hpp>
#include <excellence/scoring/score.hpp>
#include <excellence/scoring/score_band.hpp>

#include <excellence/period.hpp>

#include <excellence/evidence/measure.hpp>
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/evidence/series.hpp>
#include <excellence/evidence/trend.hpp>

#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/indicators.hpp>
#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/markov_clv.hpp>
#include <excellence/loyalty/retention.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/loyalty/tiers.hpp>

#include <excellence/value/comparison.hpp>
#include <excellence/value/delivered_value.hpp>

#include <excellence/complaints/complaint_rate.hpp>
#include <excellence/complaints/resolution.hpp>
#include <excellence/complaints/summary.hpp>

#include <excellence/satisfaction/ces.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/csi.hpp>
#include <excellence/satisfaction/disconfirmation.hpp>
#include <excellence/satisfaction/ipa.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/nps.hpp>
#include <excellence/satisfaction/servqual.hpp>
#include <excellence/satisfaction/total_satisfaction.hpp>

#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>
