// The C ABI: frameworks, assessments, scores and consensus.
#include "c_api.hpp"

#include <excellence/criteria/builtin.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/report/json.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/score.hpp>

struct exc_score {
  excellence::assessment_score value;
  std::vector<std::string> band_labels;  // what exc_item_score::band_label points to
};
struct exc_consensus {
  excellence::consensus_result value;
};

using namespace excellence;
using namespace excellence::c_api;

namespace {

std::string_view text_or(const char* text, std::string_view fallback) {
  return text == nullptr ? fallback : std::string_view(text);
}

int node_of(exc_framework_node* out, const criteria_tree& tree, const criteria_node& node) {
  const auto* parent = tree.parent(node);
  *out = {};
  out->id = node.id.c_str();
  out->kind = static_cast<int>(node.kind);
  out->evaluation = node.evaluation ? 1 + static_cast<int>(*node.evaluation) : EXC_EVALUATION_NONE;
  out->points = node.points ? *node.points : -1;
  out->title_zh = node.title_zh.c_str();
  out->title_en = node.title_en.c_str();
  out->parent = parent != nullptr ? parent->id.c_str() : "";
  out->children = node.children.size();
  out->depth = tree.ancestors(node).size();
  return ok;
}

template <class Reader>
int read_into(exc_framework** out, Reader&& reader) {
  if (out == nullptr) return invalid("out is NULL");
  auto tree = reader();
  if (!tree) return fail(tree.error());
  *out = new exc_framework{*std::move(tree)};
  return ok;
}

template <class Reader>
int read_into(exc_assessment** out, Reader&& reader) {
  if (out == nullptr) return invalid("out is NULL");
  auto a = reader();
  if (!a) return fail(a.error());
  *out = new exc_assessment{*std::move(a)};
  return ok;
}

}  // namespace

extern "C" {

size_t exc_framework_builtin_count(void) {
  return builtin_framework_ids().size();
}

const char* exc_framework_builtin_id(size_t i) {
  const auto ids = builtin_framework_ids();
  // The ids are string literals compiled in: NUL-terminated.
  return i < ids.size() ? ids[i].data() : nullptr;
}

int exc_framework_builtin(exc_framework** out, const char* id) {
  return guarded([&] {
    if (id == nullptr) return invalid("exc_framework_builtin: id is NULL");
    return read_into(out, [&] { return try_builtin_framework(id); });
  });
}

int exc_framework_read(exc_framework** out, const char* path) {
  return guarded([&] {
    if (path == nullptr) return invalid("exc_framework_read: path is NULL");
    return read_into(out, [&] { return try_read_framework(path); });
  });
}

int exc_framework_parse(exc_framework** out, const char* json, size_t length, const char* source) {
  return guarded([&] {
    if (json == nullptr && length != 0) return invalid("exc_framework_parse: json is NULL");
    return read_into(out, [&] {
      return try_parse_framework(std::string_view(json == nullptr ? "" : json, length),
                                 std::string(text_or(source, "<memory>")));
    });
  });
}

int exc_framework_subtree(exc_framework** out, const exc_framework* framework, const char* id) {
  return guarded([&] {
    if (framework == nullptr || id == nullptr) return invalid("exc_framework_subtree: framework or id is NULL");
    return read_into(out, [&] { return framework->tree.try_subtree(id); });
  });
}

void exc_framework_free(exc_framework* framework) {
  delete framework;
}

const char* exc_framework_id(const exc_framework* framework) {
  return framework == nullptr ? "" : framework->tree.id().c_str();
}

const char* exc_framework_scope(const exc_framework* framework) {
  return framework == nullptr ? "" : framework->tree.scope().c_str();
}

int32_t exc_framework_max_points(const exc_framework* framework) {
  return framework == nullptr ? 0 : framework->tree.max_points();
}

size_t exc_framework_node_count(const exc_framework* framework) {
  return framework == nullptr ? 0 : framework->tree.nodes().size();
}

size_t exc_framework_item_count(const exc_framework* framework) {
  return framework == nullptr ? 0 : framework->tree.scored_items().size();
}

int exc_framework_node_at(exc_framework_node* out, const exc_framework* framework, size_t i) {
  return guarded([&] {
    if (out == nullptr || framework == nullptr) return invalid("exc_framework_node_at: out or framework is NULL");
    const auto nodes = framework->tree.nodes();
    if (i >= nodes.size())
      return invalid("exc_framework_node_at: node " + std::to_string(i) + " of " + std::to_string(nodes.size()));
    return node_of(out, framework->tree, *nodes[i]);
  });
}

int exc_framework_lookup(exc_framework_node* out, const exc_framework* framework, const char* id) {
  return guarded([&] {
    if (out == nullptr || framework == nullptr || id == nullptr)
      return invalid("exc_framework_lookup: out, framework or id is NULL");
    const auto* node = framework->tree.find(id);
    if (node == nullptr)
      return fail(diagnostic{errc::unknown_criterion, "", 0, 0, "id",
                             std::string(id) + " is not a node of " + framework->tree.id()});
    return node_of(out, framework->tree, *node);
  });
}

int exc_framework_to_json(exc_buf* out, const exc_framework* framework) {
  return guarded([&] {
    if (framework == nullptr) return invalid("exc_framework_to_json: framework is NULL");
    return to_buf(out, to_json(framework->tree));
  });
}

int exc_assessment_read(exc_assessment** out, const char* path) {
  return guarded([&] {
    if (path == nullptr) return invalid("exc_assessment_read: path is NULL");
    return read_into(out, [&] { return try_read_assessment(path); });
  });
}

int exc_assessment_parse(exc_assessment** out, const char* json, size_t length, const char* source) {
  return guarded([&] {
    if (json == nullptr && length != 0) return invalid("exc_assessment_parse: json is NULL");
    return read_into(out, [&] {
      return try_parse_assessment(std::string_view(json == nullptr ? "" : json, length),
                                  std::string(text_or(source, "<memory>")));
    });
  });
}

void exc_assessment_free(exc_assessment* assessment) {
  delete assessment;
}

const char* exc_assessment_framework(const exc_assessment* a) {
  return a == nullptr ? "" : a->value.framework.c_str();
}
const char* exc_assessment_organization(const exc_assessment* a) {
  return a == nullptr ? "" : a->value.organization.c_str();
}
const char* exc_assessment_examiner(const exc_assessment* a) {
  return a == nullptr ? "" : a->value.examiner.c_str();
}

int exc_score_assessment(exc_score** out, const exc_assessment* assessment, const exc_framework* framework,
                         const exc_score_options* options) {
  return guarded([&] {
    if (out == nullptr || assessment == nullptr || framework == nullptr)
      return invalid("exc_score_assessment: out, assessment or framework is NULL");
    if (int bad = check_options(options, EXC_SCORE_OPTIONS_VERSION, "exc_score_assessment")) return bad;
    scoring_options settings;
    if (options != nullptr && options->scope != nullptr) settings.scope = options->scope;
    auto s = try_score(assessment->value, framework->tree, settings);
    if (!s) return fail(s.error());
    auto handle = std::make_unique<exc_score>();
    handle->value = *std::move(s);
    for (const auto& item : handle->value.items) handle->band_labels.push_back(item.band ? item.band->label() : "");
    *out = handle.release();
    return ok;
  });
}

void exc_score_free(exc_score* score) {
  delete score;
}

int exc_score_get_totals(exc_score_totals* out, const exc_score* score) {
  return guarded([&] {
    if (out == nullptr || score == nullptr) return invalid("exc_score_get_totals: out or score is NULL");
    const auto& s = score->value;
    *out = {};
    out->total = s.total.value();
    out->max = s.max.value();
    out->assessed_max = s.assessed_max.value();
    if (s.overall) {
      out->has_overall_band = 1;
      out->overall_band = s.overall->level;
      out->overall_min = s.overall->min_total;
      out->overall_max = s.overall->max_total;
    }
    out->items = s.items.size();
    out->warnings = s.warnings.size();
    return ok;
  });
}

int exc_score_item(exc_item_score* out, const exc_score* score, size_t i) {
  return guarded([&] {
    if (out == nullptr || score == nullptr) return invalid("exc_score_item: out or score is NULL");
    const auto& items = score->value.items;
    if (i >= items.size())
      return invalid("exc_score_item: item " + std::to_string(i) + " of " + std::to_string(items.size()));
    const auto& item = items[i];
    *out = {};
    out->id = item.id.c_str();
    out->category = item.category.c_str();
    out->evaluation = 1 + static_cast<int>(item.evaluation);
    out->assessed = item.assessed ? 1 : 0;
    out->percent = item.percent;
    out->band = item.band ? item.band->level : 0;
    out->band_label = score->band_labels[i].c_str();
    out->score = item.score.value();
    out->max = item.max.value();
    return ok;
  });
}

int exc_score_to_json(exc_buf* out, const exc_score* score) {
  return guarded([&] {
    if (score == nullptr) return invalid("exc_score_to_json: score is NULL");
    return to_buf(out, to_json(score->value));
  });
}

int exc_consensus_new(exc_consensus** out, const exc_assessment* const* assessments, size_t count,
                      const exc_framework* framework, const exc_consensus_options* options) {
  return guarded([&] {
    if (out == nullptr || framework == nullptr) return invalid("exc_consensus_new: out or framework is NULL");
    if (int bad = check_options(options, EXC_CONSENSUS_OPTIONS_VERSION, "exc_consensus_new")) return bad;
    std::vector<assessment> all;
    if (int bad = collect_assessments(all, assessments, count, "exc_consensus_new")) return bad;
    consensus_options settings;
    if (options != nullptr) {
      settings.flag_range = options->flag_range;
      if (options->scope != nullptr) settings.scope = options->scope;
    }
    auto c = try_consensus(all, framework->tree, settings);
    if (!c) return fail(c.error());
    *out = new exc_consensus{*std::move(c)};
    return ok;
  });
}

void exc_consensus_free(exc_consensus* consensus) {
  delete consensus;
}

size_t exc_consensus_item_count(const exc_consensus* consensus) {
  return consensus == nullptr ? 0 : consensus->value.items.size();
}

int exc_consensus_item(exc_item_consensus* out, const exc_consensus* consensus, size_t i) {
  return guarded([&] {
    if (out == nullptr || consensus == nullptr) return invalid("exc_consensus_item: out or consensus is NULL");
    const auto& items = consensus->value.items;
    if (i >= items.size())
      return invalid("exc_consensus_item: item " + std::to_string(i) + " of " + std::to_string(items.size()));
    const auto& item = items[i];
    *out = {};
    out->id = item.id.c_str();
    out->n = item.n;
    out->flagged = item.flagged ? 1 : 0;
    if (item.statistics) {
      const auto& s = *item.statistics;
      out->has_statistics = 1;
      out->mean = s.mean;
      out->median = s.median;
      out->min = s.min;
      out->max = s.max;
      out->range = s.range;
      out->proposed = s.proposed;
      if (s.standard_deviation) {
        out->has_standard_deviation = 1;
        out->standard_deviation = *s.standard_deviation;
      }
    }
    return ok;
  });
}

int exc_consensus_to_json(exc_buf* out, const exc_consensus* consensus) {
  return guarded([&] {
    if (consensus == nullptr) return invalid("exc_consensus_to_json: consensus is NULL");
    return to_buf(out, to_json(consensus->value));
  });
}

}  // extern "C"
