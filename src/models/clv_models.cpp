// Any of the six lifetime-value models, chosen at run time (models/clv/models.hpp).
#include <excellence/models/clv/bgbb.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/ggomnbd.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>

#include <cmath>
#include <vector>

namespace excellence::inline v1 {

namespace {

clv_customers customers_of(const clv_columns& c) {
  return {c.frequency, c.recency, c.age, c.weights};
}

// The batch prediction of a model's parameters, read from the fit (model_mismatch when
// the fit is of another model).
template <class Params, class Data, class Predict>
result<clv_predictions> predict_with(const clv_fit& fit, const Data& data, Predict predict) {
  const auto p = Params::try_from(fit);
  if (!p) return p.error();
  return predict(*p, data);
}

}  // namespace

result<clv_fit> try_fit_clv(clv_model model, const clv_columns& data, const clv_fit_options& options,
                            const model_control& control) {
  switch (model) {
    case clv_model::bgnbd:
      return try_fit_bgnbd(customers_of(data), options, control);
    case clv_model::pnbd:
      return try_fit_pnbd(customers_of(data), options, control);
    case clv_model::mbgnbd:
      return try_fit_mbgnbd(customers_of(data), options, control);
    case clv_model::bgbb:
      return try_fit_bgbb({data.frequency, data.recency, data.age, data.weights}, options, control);
    case clv_model::ggomnbd:
      return try_fit_ggomnbd(customers_of(data), options, control);
    case clv_model::gamma_gamma:
      break;
  }
  return try_fit_gamma_gamma_summary({data.frequency, data.monetary, data.weights}, options, control);
}

result<clv_predictions> try_clv_predict(const clv_fit& fit, const clv_columns& data, double horizon, unsigned threads) {
  // Predictions are per row: the weights (counts) play no part.
  const clv_customers customers{data.frequency, data.recency, data.age, {}};
  switch (fit.model) {
    case clv_model::bgnbd:
      return predict_with<bgnbd_params>(
          fit, customers, [&](const auto& p, const auto& c) { return try_bgnbd_predict(p, c, horizon, threads); });
    case clv_model::pnbd:
      return predict_with<pnbd_params>(
          fit, customers, [&](const auto& p, const auto& c) { return try_pnbd_predict(p, c, horizon, threads); });
    case clv_model::mbgnbd:
      return predict_with<mbgnbd_params>(
          fit, customers, [&](const auto& p, const auto& c) { return try_mbgnbd_predict(p, c, horizon, threads); });
    case clv_model::bgbb:
      return predict_with<bgbb_params>(
          fit, bgbb_data{data.frequency, data.recency, data.age, {}},
          [&](const auto& p, const auto& c) { return try_bgbb_predict(p, c, horizon, threads); });
    case clv_model::ggomnbd:
      return predict_with<ggomnbd_params>(
          fit, customers, [&](const auto& p, const auto& c) { return try_ggomnbd_predict(p, c, horizon, threads); });
    case clv_model::gamma_gamma:
      break;
  }
  return diagnostic{errc::model_mismatch,
                    "",
                    0,
                    0,
                    "model",
                    "a Gamma-Gamma fit predicts spend (expected spend per transaction), not transactions"};
}

result<std::vector<double>> try_clv_expected_transactions(const clv_fit& fit, std::span<const double> times) {
  for (std::size_t i = 0; i < times.size(); ++i)
    if (!std::isfinite(times[i]) || !(times[i] > 0) ||
        (fit.model == clv_model::bgbb && times[i] != std::floor(times[i])))
      return diagnostic{errc::out_of_range,
                        "",
                        0,
                        0,
                        field_path("times").index(i),
                        fit.model == clv_model::bgbb ? "a whole number of opportunities > 0 is expected"
                                                     : "a finite time > 0 is expected"};
  // Each model's E[X(t)] at the fit's parameters (model_mismatch from try_from otherwise).
  auto each = [&](const auto& p, auto expected) -> result<std::vector<double>> {
    if (!p) return p.error();
    std::vector<double> out;
    for (const double t : times) out.push_back(expected(*p, t));
    return out;
  };
  switch (fit.model) {
    case clv_model::bgnbd:
      return each(bgnbd_params::try_from(fit), bgnbd_expected_transactions);
    case clv_model::pnbd:
      return each(pnbd_params::try_from(fit), pnbd_expected_transactions);
    case clv_model::mbgnbd:
      return each(mbgnbd_params::try_from(fit), mbgnbd_expected_transactions);
    case clv_model::ggomnbd:
      return each(ggomnbd_params::try_from(fit), ggomnbd_expected_transactions);
    case clv_model::bgbb:
      return each(bgbb_params::try_from(fit), bgbb_expected_transactions);
    case clv_model::gamma_gamma:
      break;
  }
  return diagnostic{errc::model_mismatch, "", 0, 0, "model", "a Gamma-Gamma fit predicts spend, not transactions"};
}

}  // namespace excellence::inline v1
