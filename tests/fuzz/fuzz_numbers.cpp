// Fuzz target: any numbers — NaN, infinities, 1e308, negative zero — given to the metrics and
// models either fail with a diagnostic that has a message, or give a result whose document
// renders: every number in it finite (to_json refuses anything else). The first byte picks
// the function, the rest are read as doubles.
#include <excellence/complaints/summary.hpp>
#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/report/json.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/nps.hpp>
#include <excellence/satisfaction/servqual.hpp>
#include <excellence/value/comparison.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace excellence;

// A failed result must say why; a successful one must render.
template <class Result, class Render>
void check(const Result& r, Render render) {
  if (!r) {
    if (r.error().message.empty()) std::abort();
    return;
  }
  try {
    (void)render(*r);
  } catch (const data_error&) {
    std::abort();  // a result that reported success with a number JSON cannot hold
  }
}

std::vector<std::string> names(std::size_t n, const char* prefix, std::size_t distinct) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(prefix + std::to_string(i % distinct));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  std::vector<double> v((size - 1) / sizeof(double));
  if (!v.empty()) std::memcpy(v.data(), data + 1, v.size() * sizeof(double));
  if (v.size() > 4096) return 0;
  const std::size_t n = v.size();
  auto column = [&](std::size_t k, std::size_t of) {  // every of-th value from k
    std::vector<double> c;
    for (std::size_t i = k; i < n; i += of) c.push_back(v[i]);
    return c;
  };
  switch (data[0] % 10) {
    case 0: {
      const auto r = try_nps(v);
      if (r) check(try_nps_interval(*r, 0.95, nps_interval_method::adjusted_wald),
                   [&](const nps_interval& i) { return to_json(*r, i); });
      break;
    }
    case 1:
      check(try_csat(v, {1, 7, 6}, n > 0 && v[0] > 0 && v[0] < 1 ? v[0] : 0.9),
            [](const csat_result& r) { return to_json(r); });
      break;
    case 2: {
      const auto f = column(0, 2), d = column(1, 2);
      const auto attributes = names(d.size(), "a", 3);
      check(try_kano_by_attribute(attributes, std::span(f).first(d.size()), d),
            [](const kano_table& t) { return to_json(t); });
      break;
    }
    case 3: {
      const std::vector<servqual_item> items{{"t", servqual_dimension::tangibles}, {"r", servqual_dimension::reliability}};
      const auto e = column(0, 2), p = column(1, 2);
      check(try_servqual(items, std::span(e).first(p.size() / 2 * 2), std::span(p).first(p.size() / 2 * 2)),
            [](const servqual_result& r) { return to_json(r); });
      break;
    }
    case 4: {
      // Two offers, one respondent; nine numbers per offer: eight amounts and a weight.
      value_answers answers;
      const auto offers = names(n / 9, "o", n / 9 + 1);
      std::array<std::vector<double>, 8> amounts;
      for (std::size_t c = 0; c < 8; ++c) amounts[c] = column(c, 9);
      for (auto& a : amounts) a.resize(offers.size());
      answers.offer = offers;
      for (std::size_t c = 0; c < 8; ++c) answers.amounts[c] = amounts[c];
      value_summary_options options;
      if (n > 8) options.sensitivity = v[8];
      check(try_value_summary(answers, options), [](const value_summary& s) { return to_json(s); });
      break;
    }
    case 5: {
      const auto r = column(0, 3), f = column(1, 3), m = column(2, 3);
      const auto k = m.size();
      check(try_rfm_analysis(names(k, "c", k + 1), std::span(r).first(k), std::span(f).first(k), m,
                             {.bins = 2 + static_cast<int>(data[0] / 10 % 9)}),
            [](const rfm_analysis& a) { return to_json(a); });
      break;
    }
    case 6:
      if (n >= 4) {
        clv_options options;
        if (std::isfinite(v[3]) && std::abs(v[3]) < 2e9) options.horizon = static_cast<std::int32_t>(v[3]);
        const period year{};
        check(try_simple_clv(v[0], {v[1], year}, {v[2], year}, options),
              [](const simple_clv_result& r) { return to_json(r); });
      }
      break;
    case 7: {
      const auto d = column(0, 2), flags = column(1, 2);
      std::vector<std::string> status;
      std::vector<std::optional<double>> first;
      for (std::size_t i = 0; i < flags.size(); ++i) {
        status.emplace_back(flags[i] > 0 ? "resolved" : "open");
        first.emplace_back(flags[i] > 0.5 ? std::optional<double>(1.0) : std::nullopt);
      }
      complaint_summary_options options;
      if (!d.empty()) options.limit = d.front();
      check(try_complaint_summary({std::span(d).first(status.size()), status, first, {}}, options),
            [](const complaint_summary& s) { return to_json(s); });
      break;
    }
    case 8:
    case 9:
      if (n >= 8) {
        // Parameters, a horizon, then (x, t_x, T) triples: predictions are finite or an error.
        const auto x = column(5, 3), t_x = column(6, 3), T = column(7, 3);
        const auto k = T.size();
        const clv_customers c{std::span(x).first(k), std::span(t_x).first(k), T, {}};
        const auto r = data[0] % 10 == 8 ? try_bgnbd_predict({v[0], v[1], v[2], v[3]}, c, v[4])
                                         : try_pnbd_predict({v[0], v[1], v[2], v[3]}, c, v[4]);
        if (r) {
          for (std::size_t i = 0; i < k; ++i)
            if (!std::isfinite(r->p_alive[i]) || !std::isfinite(r->expected_transactions[i])) std::abort();
        } else if (r.error().message.empty()) {
          std::abort();
        }
      }
      break;
  }
  return 0;
}
