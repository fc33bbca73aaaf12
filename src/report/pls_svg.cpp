// The path diagram and the importance–performance map of a PLS model as SVG documents.
// Marks carry a class naming what they show (construct, indicator, path, measurement,
// point, crosshair), which is what the tests count.
#include <excellence/detail/strings.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/report/pls_svg.hpp>

#include "html_support.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace excellence::inline v1 {

namespace {

using html::coordinate;
using html::escape;
using html::text;
using html::tr;

// Sizes of the path diagram, in SVG user units (pixels at 100 %).
constexpr double box_width = 58, box_height = 20, box_gap = 6;  // an indicator
constexpr double rx = 46, ry = 26;                              // a construct
constexpr double measurement_gap = 52;                          // boxes to ellipse
constexpr double structural_gap = 76;                           // ellipse to the next column's boxes
constexpr double cell_gap = 34;                                 // between constructs of a column
constexpr double page_margin = 24;

// The SVG element with its title, description, arrow marker and style. With an `id` the
// element carries it, its inner ids are prefixed by it and its style rules are scoped to it:
// a <style> inside an inline SVG applies to the whole HTML page, so two pictures on one page
// would otherwise share (and fight over) each other's rules and ids.
std::string svg_open(double width, double height, const std::string& title, const std::string& description,
                     std::string_view id) {
  const std::string prefix = id.empty() ? std::string() : std::string(id) + "-";
  const std::string scope = id.empty() ? std::string() : "#" + std::string(id) + " ";
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\"" +
                    (id.empty() ? std::string() : " id=\"" + std::string(id) + "\"") + " viewBox=\"0 0 " +
                    coordinate(width) + " " + coordinate(height) + "\" width=\"" + coordinate(width) + "\" height=\"" +
                    coordinate(height) + "\" role=\"img\" aria-labelledby=\"" + prefix + "title " + prefix +
                    "desc\">\n";
  out += "<title id=\"" + prefix + "title\">" + title + "</title>\n<desc id=\"" + prefix + "desc\">" + description +
         "</desc>\n";
  out += "<defs><marker id=\"" + prefix +
         "arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>\n";
  const std::string arrow = "marker-end:url(#" + prefix + "arrow)";
  const std::pair<const char*, std::string> rules[] = {
      {"text", "font-family:'DejaVu Sans',Arial,sans-serif;font-size:11px;fill:#222"},
      {".construct", "fill:#eaf1fb;stroke:#1f5fa8;stroke-width:1.5"},
      {".indicator", "fill:#fff;stroke:#5d6d7e"},
      {".path", "stroke:#333;fill:none;stroke-width:1.4;" + arrow},
      {".measurement", "stroke:#333;fill:none;" + arrow},
      {".uncertain", "stroke-dasharray:5 4"},
      {".label", "paint-order:stroke;stroke:#fff;stroke-width:3px"},
      {".small", "font-size:9.5px"},
      {".crosshair", "stroke:#999;stroke-dasharray:4 3"},
      {".axis", "stroke:#333"},
      {".point", "fill:#1f5fa8"},
      {".quadrant", "fill:#777;font-style:italic"}};
  out += "<style>";
  for (const auto& [selector, declarations] : rules) out += scope + selector + "{" + declarations + "}";
  out += "</style>\n";
  return out;
}

std::string line(std::string_view cls, double x1, double y1, double x2, double y2) {
  return "<line class=\"" + std::string(cls) + "\" x1=\"" + coordinate(x1) + "\" y1=\"" + coordinate(y1) + "\" x2=\"" +
         coordinate(x2) + "\" y2=\"" + coordinate(y2) + "\"/>\n";
}

// Where the segment from the centre of an ellipse towards (dx, dy) leaves it.
std::pair<double, double> ellipse_exit(double cx, double cy, double dx, double dy) {
  const double t = 1 / std::sqrt((dx / rx) * (dx / rx) + (dy / ry) * (dy / ry));
  return {cx + t * dx, cy + t * dy};
}

// The layout of a path diagram (Sugiyama's scheme): constructs in columns by their longest
// chain of paths from an exogenous construct; a path that spans several columns passes
// through a slot of its own in each column between (a "dummy" node), so that it runs
// between the constructs there, never through them; within a column, nodes ordered by the
// mean position of their neighbours (fewer crossings).
struct node {
  std::size_t construct = 0;  // for a construct's node
  bool dummy = false;
  std::size_t column = 0;
  double height = 0;
  std::vector<std::size_t> left{}, right{};  // neighbours in the previous and the next column
  double y = 0;                              // centre
};

struct diagram_layout {
  std::vector<node> nodes{};                                 // constructs first (node j is construct j)
  std::vector<std::vector<std::size_t>> order{};             // per column, top to bottom
  std::vector<std::vector<std::size_t>> chain{};             // per path of the model: its nodes, source to target
  std::vector<std::pair<std::size_t, std::size_t>> paths{};  // (from, to), in the order of chain
};

constexpr double dummy_height = 16, dummy_gap = 10;

diagram_layout lay_out(const pls_fit& fit, const std::vector<double>& cell_height) {
  const std::size_t J = fit.latent_variables.size();
  diagram_layout d;
  std::vector<std::vector<std::size_t>> predecessors(J);
  for (std::size_t to = 0; to < J; ++to)
    for (std::size_t from = 0; from < J; ++from)
      if (fit.path_matrix[to][from] != 0) predecessors[to].push_back(from);
  std::vector<std::size_t> column(J, 0);
  for (std::size_t round = 0; round < J; ++round)  // the model is acyclic: J rounds settle it
    for (std::size_t to = 0; to < J; ++to)
      for (const auto from : predecessors[to]) column[to] = std::max(column[to], column[from] + 1);
  for (std::size_t j = 0; j < J; ++j) d.nodes.push_back({j, false, column[j], cell_height[j]});
  const auto link = [&](std::size_t a, std::size_t b) {
    d.nodes[a].right.push_back(b);
    d.nodes[b].left.push_back(a);
  };
  for (std::size_t to = 0; to < J; ++to)
    for (const auto from : predecessors[to]) {
      std::vector<std::size_t> c{from};
      for (std::size_t k = column[from] + 1; k < column[to]; ++k) {
        d.nodes.push_back({0, true, k, dummy_height});
        link(c.back(), d.nodes.size() - 1);
        c.push_back(d.nodes.size() - 1);
      }
      link(c.back(), to);
      c.push_back(to);
      d.chain.push_back(std::move(c));
      d.paths.emplace_back(from, to);
    }
  const std::size_t columns = J == 0 ? 0 : *std::max_element(column.begin(), column.end()) + 1;
  d.order.resize(columns);
  for (std::size_t i = 0; i < d.nodes.size(); ++i) d.order[d.nodes[i].column].push_back(i);

  std::vector<double> position(d.nodes.size(), 0);
  const auto positions = [&] {
    for (const auto& c : d.order)
      for (std::size_t i = 0; i < c.size(); ++i)
        position[c[i]] = (static_cast<double>(i) + 0.5) / static_cast<double>(c.size());
  };
  const auto sweep = [&](std::size_t c, bool from_left) {
    std::vector<std::pair<double, std::size_t>> keyed;
    for (const auto i : d.order[c]) {
      const auto& neighbours = from_left ? d.nodes[i].left : d.nodes[i].right;
      double key = position[i];
      if (!neighbours.empty()) {
        key = 0;
        for (const auto n : neighbours) key += position[n];
        key /= static_cast<double>(neighbours.size());
      }
      keyed.emplace_back(key, i);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) d.order[c][i] = keyed[i].second;
    positions();
  };
  positions();
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t c = 1; c < columns; ++c) sweep(c, true);
    for (std::size_t c = columns; c-- > 1;) sweep(c - 1, false);
  }
  return d;
}

}  // namespace

std::string html::path_diagram(const pls_fit& fit, const pls_bootstrap_result* bootstrap, language lang,
                               std::string_view id) {
  const std::size_t J = fit.latent_variables.size();
  std::vector<std::vector<std::size_t>> indicators(J);
  for (std::size_t k = 0; k < fit.indicators.size(); ++k) indicators[fit.block_of[k]].push_back(k);

  // A construct's cell: its boxes in two stacks, above and below a gap at the ellipse's
  // height through which a path from the left reaches the ellipse without crossing them;
  // the ellipse to their right.
  constexpr double passage = 26;
  const auto stack = [](std::size_t count) { return static_cast<double>(count) * (box_height + box_gap); };
  std::vector<double> cell_height(J);
  for (std::size_t j = 0; j < J; ++j) {
    const auto k = indicators[j].size();
    cell_height[j] = std::max(2 * ry, 2 * stack(k - k / 2) + passage);
  }
  const auto box_top = [&](std::size_t j, std::size_t i, double cy) {
    const auto above = indicators[j].size() / 2;
    return i < above ? cy - passage / 2 - stack(above - i) + box_gap / 2
                     : cy + passage / 2 + stack(i - above) + box_gap / 2;
  };
  auto d = lay_out(fit, cell_height);
  const std::size_t columns = d.order.size();
  std::vector<double> column_height(columns, 0);
  for (std::size_t c = 0; c < columns; ++c)
    for (std::size_t i = 0; i < d.order[c].size(); ++i) {
      const auto& n = d.nodes[d.order[c][i]];
      column_height[c] += n.height;
      if (i > 0) column_height[c] += n.dummy || d.nodes[d.order[c][i - 1]].dummy ? dummy_gap : cell_gap;
    }
  const double tallest = columns == 0 ? 0 : *std::max_element(column_height.begin(), column_height.end());
  const double column_width = box_width + measurement_gap + 2 * rx + structural_gap;
  const double height = 2 * page_margin + 20 + tallest;
  const double width = 2 * page_margin + static_cast<double>(columns) * column_width - structural_gap;
  for (std::size_t c = 0; c < columns; ++c) {
    double y = page_margin + (tallest - column_height[c]) / 2;
    for (std::size_t i = 0; i < d.order[c].size(); ++i) {
      auto& n = d.nodes[d.order[c][i]];
      if (i > 0) y += n.dummy || d.nodes[d.order[c][i - 1]].dummy ? dummy_gap : cell_gap;
      n.y = y + n.height / 2;
      y += n.height;
    }
  }
  const auto column_left = [&](std::size_t c) { return page_margin + static_cast<double>(c) * column_width; };
  const auto centre_x = [&](std::size_t c) { return column_left(c) + box_width + measurement_gap + rx; };

  // Ports: the paths leaving a construct spread over the right of its ellipse, those
  // entering it over the passage between its boxes, each in the order of the other ends'
  // heights (so that they do not cross at the construct).
  std::vector<double> out_offset(d.paths.size(), 0), in_offset(d.paths.size(), 0);
  for (std::size_t j = 0; j < J; ++j) {
    std::vector<std::pair<double, std::size_t>> outgoing, incoming;
    for (std::size_t e = 0; e < d.paths.size(); ++e) {
      if (d.paths[e].first == j) outgoing.emplace_back(d.nodes[d.chain[e][1]].y, e);
      if (d.paths[e].second == j) incoming.emplace_back(d.nodes[d.chain[e][d.chain[e].size() - 2]].y, e);
    }
    const auto spread = [](std::vector<std::pair<double, std::size_t>>& ends, std::vector<double>& offset,
                           double room) {
      std::stable_sort(ends.begin(), ends.end());
      const double step = ends.size() > 1 ? std::min(8.0, 2 * room / static_cast<double>(ends.size() - 1)) : 0;
      for (std::size_t i = 0; i < ends.size(); ++i)
        offset[ends[i].second] = (static_cast<double>(i) - static_cast<double>(ends.size() - 1) / 2) * step;
    };
    spread(outgoing, out_offset, 0.6 * ry);
    spread(incoming, in_offset, passage / 2 - 3);
  }
  // The x of the ellipse's edge at height offset from its centre (left or right side).
  const auto edge_x = [](double cx, double offset, double side) {
    return cx + side * rx * std::sqrt(1 - (offset / ry) * (offset / ry));
  };

  std::string body;
  std::string described;
  std::string labels;  // drawn last, over lines and ellipses
  for (std::size_t e = 0; e < d.paths.size(); ++e) {
    const auto [from, to] = d.paths[e];
    const auto& chain = d.chain[e];
    const double value = fit.paths(static_cast<Eigen::Index>(to), static_cast<Eigen::Index>(from));
    const auto name = fit.latent_variables[from] + " -> " + fit.latent_variables[to];
    std::string label = detail::fixed(value, 3);
    std::string cls = "path";
    if (bootstrap != nullptr) {
      if (const auto* b = pls_bootstrap_result::find(bootstrap->paths, name)) {
        const bool excludes_zero = b->lo > 0 || b->hi < 0;
        label += excludes_zero ? "*" : "";
        if (!excludes_zero) cls += " uncertain";
      }
    }
    // Curves only in the free space between columns; across a column the path runs
    // straight, through its slot or, at the end, through the target's passage.
    const auto& a = d.nodes[from];
    const auto& b = d.nodes[to];
    double px = edge_x(centre_x(a.column), out_offset[e], 1), py = a.y + out_offset[e];
    // Appended rather than "M" + …: g++ 12 at -O2 warns falsely (-Wrestrict) on a literal
    // prepended to a temporary string here (GCC bug 105651).
    std::string path = "M";
    path += coordinate(px) + "," + coordinate(py);
    const auto curve_to = [&](double qx, double qy) {
      const double mid = (px + qx) / 2;
      path += " C" + coordinate(mid) + "," + coordinate(py) + " " + coordinate(mid) + "," + coordinate(qy) + " " +
              coordinate(qx) + "," + coordinate(qy);
      px = qx;
      py = qy;
    };
    const auto run_to = [&](double qx) {
      path += " L" + coordinate(qx) + "," + coordinate(py);
      px = qx;
    };
    double lx = 0, ly = 0;
    for (std::size_t k = 1; k + 1 < chain.size(); ++k) {
      const auto& slot = d.nodes[chain[k]];
      curve_to(column_left(slot.column), slot.y);
      if (k == 1) {  // the label on the first slot's run, where no other line is
        lx = (column_left(slot.column) + centre_x(slot.column) + rx) / 2;
        ly = slot.y - 4;
      }
      run_to(centre_x(slot.column) + rx);
    }
    const double qy = b.y + in_offset[e];
    if (chain.size() == 2) {  // the label where the curve crosses the gap
      lx = (px + column_left(b.column)) / 2;
      ly = (py + qy) / 2 - 4;
    }
    curve_to(column_left(b.column), qy);
    run_to(edge_x(centre_x(b.column), in_offset[e], -1));
    body += "<path class=\"" + cls + "\" d=\"" + path + "\"/>\n";
    labels += text(lx, ly, escape(label), "class=\"label\" text-anchor=\"middle\"");
    described += escape(name) + " " + escape(label) + "; ";
  }
  for (std::size_t j = 0; j < J; ++j) {
    const double cx = centre_x(d.nodes[j].column), cy = d.nodes[j].y, left = column_left(d.nodes[j].column);
    for (std::size_t i = 0; i < indicators[j].size(); ++i) {
      const auto k = indicators[j][i];
      const double top = box_top(j, i, cy);
      body += "<rect class=\"indicator\" x=\"" + coordinate(left) + "\" y=\"" + coordinate(top) + "\" width=\"" +
              coordinate(box_width) + "\" height=\"" + coordinate(box_height) + "\"/>\n";
      body += text(left + box_width / 2, top + box_height / 2 + 4, escape(fit.indicators[k]), "text-anchor=\"middle\"");
      const double bx = left + box_width, by = top + box_height / 2;
      const auto [ex, ey] = ellipse_exit(cx, cy, bx - cx, by - cy);
      const bool reflective = fit.modes[j] == pls_mode::a;
      body += reflective ? line("measurement", ex, ey, bx, by) : line("measurement", bx, by, ex, ey);
      const auto value =
          reflective ? fit.loadings(static_cast<Eigen::Index>(k)) : fit.weights(static_cast<Eigen::Index>(k));
      labels += text(bx + 0.45 * (ex - bx), by + 0.45 * (ey - by) - 2, detail::fixed(value, 3),
                     "class=\"label small\" text-anchor=\"middle\"");
    }
    body += "<ellipse class=\"construct\" cx=\"" + coordinate(cx) + "\" cy=\"" + coordinate(cy) + "\" rx=\"" +
            coordinate(rx) + "\" ry=\"" + coordinate(ry) + "\"/>\n";
    const bool endogenous = fit.endogenous[j];
    body += text(cx, cy + (endogenous ? -2 : 4), escape(fit.latent_variables[j]),
                 "text-anchor=\"middle\" font-weight=\"bold\"");
    if (endogenous)
      body += text(cx, cy + 12, "R² " + detail::fixed(fit.r2(static_cast<Eigen::Index>(j)), 3),
                   "class=\"small\" text-anchor=\"middle\"");
  }
  std::string legend =
      tr(lang, "Outer: loadings (mode A) and weights (mode B).", "外部：载荷（模式 A）与权重（模式 B）。");
  if (bootstrap != nullptr) {
    const auto confidence = detail::fixed(100 * bootstrap->confidence, 0);
    const std::string interval(to_string(bootstrap->interval));
    legend += lang == language::zh ? " *：自助法 " + confidence + " % " + interval + " 区间不含 0；虚线：区间含 0。"
                                   : " *: the bootstrap's " + confidence + " % " + interval +
                                         " interval excludes 0; dashed: it includes 0.";
  }
  body += text(page_margin, height - page_margin + 6, escape(legend), "class=\"small\"");
  const auto constructs = std::to_string(J), indicator_count = std::to_string(fit.indicators.size());
  const std::string title = lang == language::zh
                                ? "PLS 路径图：" + constructs + " 个构念，" + indicator_count + " 个指标"
                                : "PLS path diagram: " + constructs + " constructs, " + indicator_count + " indicators";
  const std::string description = tr(lang, "Paths: ", "路径：") + described + escape(legend);
  return svg_open(width, height, title, description, id) + body + labels + "</svg>\n";
}

std::string html::ipma_map(const pls_ipma_result& ipma, bool indicators, language lang, std::string_view id) {
  const auto& points = indicators ? ipma.indicators : ipma.constructs;
  const double importance_line = indicators ? ipma.indicator_importance_line : ipma.importance_line;
  const double performance_line = indicators ? ipma.indicator_performance_line : ipma.performance_line;
  constexpr double width = 640, height = 480, left = 70, right = 590, top = 40, bottom = 420;
  // Both axes around the points and the crosshair, with a margin; performance on whole
  // fives within 0–100.
  double x_lo = importance_line, x_hi = importance_line, y_lo = performance_line, y_hi = performance_line;
  for (const auto& p : points) {
    x_lo = std::min(x_lo, p.importance);
    x_hi = std::max(x_hi, p.importance);
    y_lo = std::min(y_lo, p.performance);
    y_hi = std::max(y_hi, p.performance);
  }
  const double x_margin = std::max(0.2 * (x_hi - x_lo), 0.02);
  x_lo -= x_margin;
  x_hi += x_margin;
  y_lo = std::max(0.0, 5 * std::floor((y_lo - 2) / 5));
  y_hi = std::min(100.0, 5 * std::ceil((y_hi + 2) / 5));
  if (y_hi <= y_lo) y_hi = y_lo + 5;
  const auto x = [&](double v) { return left + (v - x_lo) / (x_hi - x_lo) * (right - left); };
  const auto y = [&](double v) { return bottom - (v - y_lo) / (y_hi - y_lo) * (bottom - top); };

  std::string body;
  body += line("axis", left, bottom, right, bottom) + line("axis", left, bottom, left, top);
  for (int i = 0; i <= 4; ++i) {
    const double v = x_lo + (x_hi - x_lo) * i / 4;
    body += line("axis", x(v), bottom, x(v), bottom + 4) +
            text(x(v), bottom + 17, detail::fixed(v, 3), "text-anchor=\"middle\" class=\"small\"");
  }
  for (double v = y_lo; v <= y_hi + 1e-9; v += 5)
    body += line("axis", left - 4, y(v), left, y(v)) +
            text(left - 7, y(v) + 4, detail::fixed(v, 0), "text-anchor=\"end\" class=\"small\"");
  body += text((left + right) / 2, bottom + 36,
               lang == language::zh ? "重要性（对 " + escape(ipma.target) + " 的总效应，0-100 分）"
                                    : "Importance (total effect on " + escape(ipma.target) + ", 0-100 points)",
               "text-anchor=\"middle\"");
  body += "<text transform=\"translate(20 " + coordinate((top + bottom) / 2) +
          ") rotate(-90)\" text-anchor=\"middle\">" + tr(lang, "Performance (0-100)", "绩效（0-100）") + "</text>\n";
  body += line("crosshair", x(importance_line), top, x(importance_line), bottom) +
          line("crosshair", left, y(performance_line), right, y(performance_line));
  body +=
      text(right - 4, top + 14, tr(lang, "Keep up the good work", "继续保持"),
           "text-anchor=\"end\" class=\"quadrant\"") +
      text(left + 6, top + 14, tr(lang, "Possible overkill", "可能过度"), "class=\"quadrant\"") +
      text(right - 4, bottom - 8, tr(lang, "Concentrate here", "重点改进"), "text-anchor=\"end\" class=\"quadrant\"") +
      text(left + 6, bottom - 8, tr(lang, "Low priority", "次要改进"), "class=\"quadrant\"");
  // Each label at the first of four places beside its point that no earlier label
  // occupies (labels of near points would otherwise overprint).
  struct area {
    double left, top, right, bottom;
  };
  std::vector<area> taken;
  std::string described;
  for (const auto& p : points) {
    const double px = x(p.importance), py = y(p.performance);
    body += "<circle class=\"point\" cx=\"" + coordinate(px) + "\" cy=\"" + coordinate(py) + "\" r=\"4.5\"/>\n";
    const double w = 6.6 * static_cast<double>(detail::display_width(p.name)) + 2, h = 12;
    const std::pair<double, double> places[] = {
        {px + 7, py - 6}, {px + 7, py + 15}, {px - 7 - w, py - 6}, {px - 7 - w, py + 15}};
    auto chosen = places[0];
    for (const auto& [lx, ly] : places) {
      const area a{lx, ly - h + 2, lx + w, ly + 2};
      const bool free = std::none_of(taken.begin(), taken.end(), [&](const area& t) {
        return a.left < t.right && t.left < a.right && a.top < t.bottom && t.top < a.bottom;
      });
      if (free) {
        chosen = {lx, ly};
        break;
      }
    }
    taken.push_back({chosen.first, chosen.second - h + 2, chosen.first + w, chosen.second + 2});
    body += text(chosen.first, chosen.second, escape(p.name), "class=\"label\"");
    described += escape(p.name) + tr(lang, ": importance ", "：重要性 ") + detail::fixed(p.importance, 3) +
                 tr(lang, ", performance ", "，绩效 ") + detail::fixed(p.performance, 1) + ", " +
                 to_string(p.quadrant) + "; ";
  }
  const std::string title =
      lang == language::zh
          ? escape(ipma.target) + " 的重要性-绩效图" + (indicators ? "（指标）" : "（构念）")
          : "Importance-performance map of " + escape(ipma.target) + (indicators ? " (indicators)" : " (constructs)");
  return svg_open(width, height, title, described, id) + body + "</svg>\n";
}

std::string path_diagram_svg(const pls_fit& fit, const pls_bootstrap_result* bootstrap, language lang) {
  return html::path_diagram(fit, bootstrap, lang, {});
}

std::string ipma_map_svg(const pls_ipma_result& ipma, bool indicators, language lang) {
  return html::ipma_map(ipma, indicators, lang, {});
}

}  // namespace excellence::inline v1
