// Forward declarations of every public type, grouped by the header that defines it;
// cheap to include (a test checks that the list is complete).
#pragma once

#include <excellence/config.hpp>

EXCELLENCE_BEGIN_NAMESPACE

// excellence/complaints/complaint_rate.hpp
enum class complaint_base;
struct complaint_rate_result;
struct iceberg_shares;
struct iceberg_estimate;
struct escalation_step;
struct escalation_cost;

// excellence/complaints/resolution.hpp
struct complaint_time;
struct survival_step;
struct resolution_times;
struct complaint_share;

// excellence/complaints/summary.hpp
enum class complaint_status;
struct complaint_log;
struct complaint_summary_options;
struct complaint_summary;

// excellence/criteria/framework_info.hpp
struct overall_band;
struct framework_info;

// excellence/criteria/node.hpp
enum class node_kind;
enum class evaluation_type;
enum class language;
struct criteria_node;

// excellence/criteria/tree.hpp
class criteria_tree;

// excellence/error.hpp
enum class errc;
enum class severity;
class field_path;
struct diagnostic;
class error;
class data_error;

// excellence/evidence/measure.hpp
enum class better;
enum class comparison_kind;
struct named_entry;
struct comparison_source;
struct measure;
struct measure_set;

// excellence/evidence/results_evidence.hpp
struct share_thresholds;
struct evidence_options;
struct level_gap;
struct level_evidence;
enum class trend_status;
struct trend_evidence;
struct comparison_evidence;
struct series_evidence;
struct evidence_share;
struct dimension_support;
struct coverage;
struct item_evidence;
struct results_evidence;

// excellence/evidence/series.hpp
struct series_point;
struct measure_series;
struct series_set;

// excellence/evidence/trend.hpp
struct mann_kendall_result;
struct theil_sen_result;

// excellence/io/csv.hpp
struct csv_options;
enum class csv_column_type;
struct csv_number_column;
class csv_table;

// excellence/io/pls_data.hpp
struct pls_read_options;

// excellence/loyalty/cohort.hpp
struct activity_record;
struct cohort_row;
enum class cohort_measure;
struct cohort_table;

// excellence/loyalty/indicators.hpp
struct indicator;
struct price_elasticity;
struct loyalty_component;
struct loyalty_index_result;
struct internal_customer_counts;
struct internal_customer_indicators;

// excellence/loyalty/lifetime_value.hpp
enum class margin_timing;
struct clv_options;
struct simple_clv_result;

// excellence/loyalty/markov_clv.hpp
struct markov_chain;
struct markov_clv_options;
struct markov_clv_result;

// excellence/loyalty/retention.hpp
struct customer_counts;
struct retention_result;
struct customer_life;

// excellence/loyalty/segmentation.hpp
enum class rfm_method;
struct rfm_options;
struct rfm_score;
struct rfm_result;
struct lorenz_point;
struct concentration_result;
struct rfm_segment;
struct rfm_analysis;

// excellence/loyalty/tiers.hpp
enum class tier_basis;
struct tier_summary;
struct tier_result;
struct abc_options;
struct pyramid_options;

// excellence/models/clv/bgbb.hpp
struct bgbb_params;
struct bgbb_data;

// excellence/models/clv/bgnbd.hpp
struct bgnbd_params;

// excellence/models/clv/covariates.hpp
struct clv_covariate;
struct clv_covariates;
struct clv_covariate_fit;

// excellence/models/clv/customers.hpp
struct clv_customers;
struct clv_compressed;
struct clv_columns;
struct clv_predictions;

// excellence/models/clv/fit.hpp
struct clv_fit_options;
enum class clv_model;
struct clv_fit;

// excellence/models/clv/gamma_gamma.hpp
struct gamma_gamma_params;
struct spend_data;

// excellence/models/clv/ggomnbd.hpp
struct ggomnbd_params;

// excellence/models/clv/intervals.hpp
struct interval_estimate;
struct clv_prediction_intervals;
struct clv_bootstrap_options;
struct clv_bootstrap_intervals;

// excellence/models/clv/mbgnbd.hpp
struct mbgnbd_params;

// excellence/models/clv/pnbd.hpp
struct pnbd_params;

// excellence/models/clv/transactions.hpp
enum class clv_time_unit;
struct clv_horizon;
struct transaction_record;
struct transaction_summary;

// excellence/models/clv/validation.hpp
struct holdout_data;
struct holdout_options;
struct holdout_model;
struct tracking_period;
struct count_bin;
struct frequency_group;
struct holdout_validation;

// excellence/models/clv/value.hpp
enum class transaction_model;
struct discounting;

// excellence/models/control.hpp
struct model_control;

// excellence/models/pls/bootstrap.hpp
enum class pls_interval;
struct pls_bootstrap_options;
struct pls_bootstrap_estimate;
struct pls_bootstrap_result;

// excellence/models/pls/estimate.hpp
enum class pls_scheme;
enum class pls_stop;
enum class pls_missing;
struct pls_options;
struct pls_data;
struct pls_moments;
struct pls_block_quality;
struct pls_fit;
struct pls_indirect_effect;

// excellence/models/pls/index.hpp
struct pls_index_result;

// excellence/models/pls/ipma.hpp
struct pls_ipma_options;
struct pls_ipma_interval;
struct pls_ipma_point;
struct pls_ipma_result;

// excellence/models/pls/mga.hpp
struct pls_mga_options;
struct pls_group_difference;
struct pls_micom_construct;
struct pls_mga_result;

// excellence/models/pls/model_fit.hpp
struct pls_model_fit_options;
struct pls_fit_measure;
struct pls_model_fit_variant;
struct pls_model_fit_result;

// excellence/models/pls/predict.hpp
struct pls_predict_options;
struct pls_predict_indicator;
struct pls_cvpat_test;
struct pls_predict_result;

// excellence/models/pls/model.hpp
enum class pls_mode;
struct pls_model;

// excellence/models/pls/templates.hpp
struct acsi_blocks;
struct ecsi_blocks;
struct ccsi_blocks;

// excellence/models/retention/analysis.hpp
struct retention_analysis_options;
struct retention_age;
struct retention_renewal;
struct retention_segment;
struct retention_analysis;

// excellence/models/retention/fit.hpp
enum class retention_model;
struct retention_fit_options;
struct retention_fit;

// excellence/models/retention/lifetime.hpp
struct retention_curve;

// excellence/models/retention/survivors.hpp
struct survivor_cohort;

// excellence/period.hpp
enum class time_unit;
struct period;
struct rate;
enum class period_notation;
struct period_label;

// excellence/report/html.hpp
enum class chart_kind;

// excellence/report/pls_html.hpp
struct pls_report_parts;

// excellence/report/workbook.hpp
enum class report_table;

// excellence/satisfaction/ces.hpp
enum class effort_direction;
struct ces_scale;
struct ces_result;

// excellence/satisfaction/csat.hpp
struct csat_scale;
struct csat_result;

// excellence/satisfaction/csi.hpp
struct csi_attribute;
struct csi_contribution;
struct csi_result;

// excellence/satisfaction/disconfirmation.hpp
enum class disconfirmation_outcome;
struct attribute_expectation;
struct attribute_disconfirmation;
struct disconfirmation_result;

// excellence/satisfaction/ipa.hpp
struct ipa_attribute;
enum class ipa_crosshair;
struct ipa_options;
enum class ipa_quadrant;
struct ipa_point;
struct ipa_result;

// excellence/satisfaction/kano.hpp
enum class kano_answer;
enum class kano_category;
struct kano_options;
struct kano_result;
struct kano_attribute;
struct kano_table;

// excellence/satisfaction/nps.hpp
struct nps_bands;
struct nps_result;
enum class nps_interval_method;
struct nps_interval;
struct nps_comparison;

// excellence/satisfaction/servqual.hpp
enum class servqual_dimension;
struct servqual_item;
enum class missing_answers;
struct servqual_options;
enum class servqual_model;
struct servqual_item_result;
struct servqual_dimension_result;
struct servqual_result;
struct servqual_long_answers;

// excellence/satisfaction/total_satisfaction.hpp
enum class satisfaction_dimension;
struct dimension_satisfaction;
struct total_satisfaction_result;
enum class moment_of_truth;
struct touch_point_ratings;
struct touch_point_result;
struct touch_points_result;

// excellence/scoring/assessment.hpp
enum class dimension;
struct dimension_judgement;
enum class comment_type;
struct comment;
struct key_factor;
struct key_theme;
struct item_assessment;
struct assessment;

// excellence/scoring/consensus.hpp
struct consensus_options;
struct percent_statistics;
struct item_consensus;
struct consensus_result;

// excellence/scoring/history.hpp
struct item_history;
struct category_history;
struct score_history;

// excellence/scoring/points.hpp
class points;

// excellence/scoring/priority.hpp
struct item_priority;
struct area_opportunities;
struct improvement_priorities;

// excellence/scoring/review.hpp
enum class review_kind;
struct review_options;
struct review;

// excellence/scoring/score.hpp
struct scoring_options;
struct item_score;
struct category_score;
struct assessment_score;

// excellence/scoring/score_band.hpp
struct score_band;

// excellence/value/batch.hpp
struct batch_value_result;

// excellence/value/comparison.hpp
struct value_answers;
struct value_summary_options;
struct offer_summary;
struct value_summary;

// excellence/value/delivered_value.hpp
enum class value_component;
struct value_profile;
struct offer;
struct offer_value;
struct comparison_options;
struct offer_comparison;
struct choice_shares;
struct required_change;
struct what_if_result;
struct price_ceiling;

EXCELLENCE_END_NAMESPACE
