// The text rendering of results evidence (`excellence evidence`).
#include <excellence/report/text.hpp>

#include "document.hpp"

#include <excellence/detail/text_table.hpp>
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/scoring/score_band.hpp>

#include <sstream>

namespace excellence::inline v1 {

namespace {

using detail::fixed;

// The sign first, appended piece by piece: "+" + std::string drew g++ 12's false -Wrestrict at -O3.
std::string signed_shown(double x) {
  std::string out = x > 0 ? "+" : "";
  out += detail::trimmed(x);
  return out;
}

const char* word(language lang, const char* en, const char* zh) {
  return lang == language::zh ? zh : en;
}

std::string trend_cell(const trend_evidence& t, language lang) {
  if (t.status == trend_status::too_few_periods)
    return word(lang, "too few periods (", "期数太少(") + std::to_string(t.periods) + ")";
  const char* status = t.status == trend_status::beneficial ? word(lang, "beneficial", "有利")
                       : t.status == trend_status::adverse  ? word(lang, "adverse", "不利")
                                                            : word(lang, "no significant trend", "无显著趋势");
  std::string out = status;
  out += ", p ";
  out += fixed(t.mann_kendall->p_value, 3);
  if (t.sustained) out += word(lang, ", sustained", ", 持续");
  return out;
}

}  // namespace

std::string to_text(const results_evidence& e, const std::vector<diagnostic>& warnings, language lang) {
  report_detail::check_finite(report_detail::document(e, warnings));
  const auto& set = e.measures;
  std::ostringstream out;
  out << set.organization << "\n";
  detail::text_table table({3, 4, 5, 7});
  if (lang == language::zh)
    table.add({"测量指标", "顾客群", "关键", "最新", "与目标差距", "排名", "趋势", "斜率/期", "对比"});
  else
    table.add({"measure", "segment", "key", "last", "target gap", "rank", "trend", "slope/period", "compared"});
  table.rule();
  for (const auto& s : e.series) {
    const auto* m = set.find(s.measure);
    const auto* seg = set.find_segment(s.segment);
    const std::string segment = seg != nullptr ? name_of(*seg, lang) : s.segment;
    const char* compared = s.level.comparisons.empty() ? "-"
                           : s.leading                 ? word(lang, "leading", "领先")
                           : s.favourable              ? word(lang, "favourable", "有利")
                                                       : word(lang, "behind", "落后");
    table.add({name_of(*m, lang), segment, s.key ? word(lang, "key", "是") : "",
               format_period_label(s.level.period, e.notation) + ": " + detail::trimmed(s.level.value),
               s.level.target_gap ? signed_shown(*s.level.target_gap) : std::string("-"),
               std::to_string(s.level.rank) + "/" + std::to_string(s.level.ranked), trend_cell(s.trend, lang),
               s.trend.theil_sen ? signed_shown(s.trend.theil_sen->slope) : std::string("-"), compared});
  }
  out << "\n" << table.str();
  for (const auto& item : e.items) {
    const bool zh = lang == language::zh;
    out << "\n"
        << item.item << (zh ? ": 测量结果支持 " : ": the measured results support ") << item.min_percent << "-"
        << item.max_percent << "%\n";
    for (const auto& s : item.support) out << "  " << (lang == language::zh ? s.reason_zh : s.reason_en) << "\n";
    if (!item.requirements.missing.empty() || !item.segments.missing.empty() || !item.areas.missing.empty()) {
      out << (zh ? "  没有测量:" : "  without a measure:");
      // Coverage lists ids of the set's own lists: each is found.
      for (const auto& id : item.requirements.missing) out << " " << name_of(*set.find_requirement(id), lang) << ";";
      for (const auto& id : item.segments.missing) out << " " << name_of(*set.find_segment(id), lang) << ";";
      for (const auto& id : item.areas.missing) out << " " << id << ";";
      out << "\n";
    }
    if (!item.unmeasured.empty()) {
      out << (zh ? "  已定义但没有数据:" : "  defined but never reported:");
      for (const auto& id : item.unmeasured) out << " " << id;
      out << "\n";
    }
  }
  for (const auto& w : warnings) out << "\nwarning: " << w.to_string() << "\n";
  return out.str();
}

}  // namespace excellence::inline v1
