// Compiled (never run) with our warnings as errors: callers may build every public value
// and option struct with designated initializers that name only some members, and GCC's
// -Wmissing-field-initializers stays quiet because every member has a default. Adding
// a member later therefore cannot break such callers' -Werror builds.
#include <excellence/excellence.hpp>
#include <excellence/io.hpp>
#include <excellence/loyalty/markov_clv.hpp>
#include <excellence/models/clv/bgbb.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/clv/value.hpp>
#include <excellence/models/pls/estimate.hpp>

namespace {

[[maybe_unused]] void designated_initializers() {
  using namespace excellence;
  [[maybe_unused]] const scoring_options scoring{.scope = "4.3"};
  [[maybe_unused]] const consensus_options flagging{.flag_range = 15};
  [[maybe_unused]] const consensus_options scoped{.scope = "4.3"};
  [[maybe_unused]] const criteria_node node{.id = "4.3.3", .kind = node_kind::item, .points = 50};
  [[maybe_unused]] const framework_info info{.id = "custom", .total_points = 100};
  [[maybe_unused]] const overall_band band{.level = 1, .max_total = 100};
  [[maybe_unused]] const comment tied{.text = "complaints closed in 24 h", .area = "4.3.3.2.3"};
  [[maybe_unused]] const item_assessment item{.id = "4.3.3", .percent = 45};
  [[maybe_unused]] const assessment a{.framework = "gbt19580-2012", .items = {item}};
  [[maybe_unused]] const diagnostic d{.code = errc::invalid_value, .message = "x"};
  [[maybe_unused]] const dimension_judgement j{.percent = 50};
  [[maybe_unused]] const period quarter{.unit = time_unit::quarter};
  [[maybe_unused]] const rate yearly{.value = 0.8};
  [[maybe_unused]] const customer_counts counts{.at_start = 200, .acquired = 30};
  [[maybe_unused]] const clv_options clv{.horizon = 5};
  [[maybe_unused]] const value_profile weights{.product = 2, .monetary = 1};
  [[maybe_unused]] const offer own{.name = "own"};
  [[maybe_unused]] const comparison_options comparing{.tie_tolerance = 0};
  [[maybe_unused]] const nps_bands five_point{.scale_min = 1, .scale_max = 5};
  [[maybe_unused]] const csat_scale seven{.max = 7, .top_box_min = 6};
  [[maybe_unused]] const ces_scale custom{.version = "in-house", .max = 5};
  [[maybe_unused]] const rfm_options quartiles{.bins = 4};
  [[maybe_unused]] const complaint_time open{.duration = 3, .resolved = false};
  [[maybe_unused]] const iceberg_shares small_problems{.formal = 0.03, .voiced_elsewhere = 0.47, .silent = 0.5};
  [[maybe_unused]] const escalation_step step{.max_delay = 1};
  [[maybe_unused]] const attribute_expectation speed{.attribute = "speed", .performance = 4};
  [[maybe_unused]] const servqual_item item_t1{.id = "t1"};
  [[maybe_unused]] const servqual_options five_point_servqual{.scale_max = 5, .missing = missing_answers::drop_pair};
  [[maybe_unused]] const csi_attribute price{.name = "price", .score = 3};
  [[maybe_unused]] const ipa_attribute delivery{.name = "delivery", .importance = 4};
  [[maybe_unused]] const ipa_options midpoint{.crosshair = ipa_crosshair::scale_midpoint};
  [[maybe_unused]] const kano_options margin{.tie_margin = 5};
  [[maybe_unused]] const dimension_satisfaction product{.score = 4};
  [[maybe_unused]] const touch_point_ratings contact{.touch_point = "first_contact"};
  [[maybe_unused]] const activity_record visit{.customer = "c1"};
  [[maybe_unused]] const loyalty_component referral{.name = "referral", .value = 0.1};
  [[maybe_unused]] const internal_customer_counts staff{.headcount_start = 90};
  [[maybe_unused]] const abc_options abc{.a_cut = 0.7};
  [[maybe_unused]] const pyramid_options pyramid{.basis = tier_basis::value};
  [[maybe_unused]] const markov_chain ladder{.states = {"new", "lost"}};
  [[maybe_unused]] const markov_clv_options five_years{.horizon = 5};
  [[maybe_unused]] const pls_model two{.latent_variables = {"A", "B"}};
  [[maybe_unused]] const pls_options centroid{.scheme = pls_scheme::centroid, .stop = pls_stop::plspm};
  [[maybe_unused]] const pls_control quiet{.cancel = nullptr};
  [[maybe_unused]] const pls_data columns{.names = {"a1"}};
  [[maybe_unused]] const pls_block_quality quality{.indicators = 3};
  [[maybe_unused]] const clv_fit_options fit_options{.max_evaluations = 100};
  [[maybe_unused]] const clv_customers none{.weights = {}};
  [[maybe_unused]] const bgnbd_params bgnbd{.r = 0.24, .alpha = 4.4};
  [[maybe_unused]] const gamma_gamma_params spend{.p = 6.25};
  [[maybe_unused]] const spend_data repeaters{.weights = {}};
  [[maybe_unused]] const transaction_record purchase{.customer = "1", .amount = 29.33};
  [[maybe_unused]] const model_control control{.cancel = nullptr};
  [[maybe_unused]] const bgbb_params donations{.alpha = 1.2, .delta = 2.8};
  [[maybe_unused]] const bgbb_data annual{.weights = {}};
  [[maybe_unused]] const mbgnbd_params modified{.r = 0.52};
  [[maybe_unused]] const pnbd_params pareto{.r = 0.55, .s = 0.61};
  [[maybe_unused]] const discounting yearly_discount{.rate = 0.1, .period_length = 52};
  [[maybe_unused]] const clv_predictions predictions{.p_alive = {}};
}

}  // namespace
