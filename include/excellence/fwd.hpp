// Forward declarations of the public types; cheap to include.
#pragma once

#include <excellence/config.hpp>

EXCELLENCE_BEGIN_NAMESPACE

enum class errc;
struct diagnostic;
class error;
class data_error;
template <class T>
class result;

enum class node_kind;
enum class evaluation_type;
struct criteria_node;
struct overall_band;
struct framework_info;
class criteria_tree;

class points;
struct score_band;
enum class dimension;
struct comment;
struct dimension_judgement;
struct item_assessment;
struct assessment;
struct scoring_options;
struct item_score;
struct category_score;
struct assessment_score;
struct consensus_options;
struct item_consensus;
struct consensus_result;

EXCELLENCE_END_NAMESPACE
