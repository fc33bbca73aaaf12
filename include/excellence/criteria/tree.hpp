// criteria_tree: a validated, immutable, indexed performance-excellence framework.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/framework_info.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/detail/utf8.hpp>
#include <excellence/error.hpp>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The deepest nesting a framework may have (top level = 1). Real frameworks have at most
/// five levels (category, item, sub-item, area); the bound keeps hostile files from
/// exhausting the stack of the recursive reader and validator.
inline constexpr std::size_t max_tree_depth = 16;

/// A framework's criteria as a tree. Built only through make()/try_make() (or a reader),
/// which validate the whole structure, so every criteria_tree in a program is valid:
///  * ids are non-empty, without spaces, unique, and each child's id extends its
///    parent's ("4.3" → "4.3.3"); nesting makes cycles impossible;
///  * top-level nodes are categories or general clauses; categories hold items, items
///    hold sub-items or areas, sub-items hold areas; general clauses may appear anywhere;
///  * categories and items carry whole, non-negative points; nothing else does;
///  * items say whether they are process or results items;
///  * items' points sum to their category's, categories' to the framework total;
///  * overall bands (if any) are contiguous from 0 to the total;
///  * all text is valid UTF-8.
///
/// Copies are cheap and share the immutable data, so a tree may be read from many
/// threads at once. Node references stay valid as long as any copy of the tree lives.
class criteria_tree {
 public:
  /// Validates and indexes. `source` names the file (or other origin) for diagnostics;
  /// paths in diagnostics follow the framework file layout, e.g. `tree[2].children[1].points`.
  [[nodiscard]] static result<criteria_tree> try_make(framework_info info, std::vector<criteria_node> roots,
                                                      std::string source = {}) {
    auto data = std::make_shared<impl>();
    data->info = std::move(info);
    data->roots = std::move(roots);
    data->source = std::move(source);
    if (auto problem = validate(*data)) return *std::move(problem);
    index(*data);
    return criteria_tree(std::move(data));
  }

  /// As try_make, throwing data_error on the first problem.
  [[nodiscard]] static criteria_tree make(framework_info info, std::vector<criteria_node> roots,
                                          std::string source = {}) {
    return try_make(std::move(info), std::move(roots), std::move(source)).value();
  }

  [[nodiscard]] const framework_info& info() const noexcept { return data_->info; }
  [[nodiscard]] const std::string& id() const noexcept { return data_->info.id; }
  /// Where the tree was loaded from ("" for built-in or code-built trees).
  [[nodiscard]] const std::string& source() const noexcept { return data_->source; }

  /// The id of the node this tree was cut at by subtree(), or "" for a whole framework.
  [[nodiscard]] const std::string& scope() const noexcept { return data_->scope; }
  /// The whole framework this tree was cut from by subtree(), or this tree itself.
  [[nodiscard]] criteria_tree whole() const { return data_->whole ? criteria_tree(data_->whole) : *this; }

  /// Maximum points in this tree: the framework total, or the scope root's points.
  [[nodiscard]] std::int32_t max_points() const noexcept { return data_->max_points; }

  [[nodiscard]] std::span<const criteria_node> roots() const noexcept { return data_->roots; }
  /// Every node in pre-order (a parent before its children, siblings in file order).
  [[nodiscard]] std::span<const criteria_node* const> nodes() const noexcept { return data_->preorder; }
  /// The scored items in pre-order.
  [[nodiscard]] std::span<const criteria_node* const> scored_items() const noexcept { return data_->items; }
  /// The categories in pre-order (empty for a tree cut at an item).
  [[nodiscard]] std::span<const criteria_node* const> categories() const noexcept { return data_->categories; }

  /// The node with this id, or nullptr.
  [[nodiscard]] const criteria_node* find(std::string_view id) const noexcept {
    const auto it = data_->by_id.find(id);
    return it == data_->by_id.end() ? nullptr : data_->preorder[it->second];
  }

  /// The node with this id; throws data_error (unknown_criterion) when there is none.
  [[nodiscard]] const criteria_node& at(std::string_view id) const {
    if (const auto* node = find(id)) return *node;
    throw data_error(unknown_id(id));
  }

  [[nodiscard]] bool contains(std::string_view id) const noexcept { return find(id) != nullptr; }

  /// The parent of a node of this tree, or nullptr for a top-level node.
  [[nodiscard]] const criteria_node* parent(const criteria_node& node) const {
    const auto i = position(node);
    return data_->parent[i] == npos ? nullptr : data_->preorder[data_->parent[i]];
  }

  /// The ancestors of a node of this tree, outermost first, the node itself excluded.
  [[nodiscard]] std::vector<const criteria_node*> ancestors(const criteria_node& node) const {
    std::vector<const criteria_node*> chain;
    for (auto i = data_->parent[position(node)]; i != npos; i = data_->parent[i])
      chain.insert(chain.begin(), data_->preorder[i]);
    return chain;
  }

  /// The nearest enclosing category of a node, or nullptr (top level, or a tree cut at an item).
  [[nodiscard]] const criteria_node* category_of(const criteria_node& node) const {
    for (auto i = data_->parent[position(node)]; i != npos; i = data_->parent[i])
      if (data_->preorder[i]->kind == node_kind::category) return data_->preorder[i];
    return nullptr;
  }

  /// Whether `node` is `ancestor` or lies below it.
  [[nodiscard]] bool is_within(const criteria_node& node, const criteria_node& ancestor) const {
    const auto target = position(ancestor);
    for (auto i = position(node); i != npos; i = data_->parent[i])
      if (i == target) return true;
    return false;
  }

  /// The part of the framework under one category or item (e.g. only 4.3, max 90),
  /// usable everywhere a whole tree is. The overall bands are dropped: they describe
  /// totals of the whole framework only.
  [[nodiscard]] result<criteria_tree> try_subtree(std::string_view id) const {
    const criteria_node* root = find(id);
    if (root == nullptr) return unknown_id(id);
    if (root->kind != node_kind::category && root->kind != node_kind::item)
      return diagnostic{errc::empty_scope,
                        data_->source,
                        0,
                        0,
                        "",
                        "scope " + std::string(id) + " is a " + std::string(to_string(root->kind)) +
                            "; a scope must be a category or an item, which carry points"};
    auto data = std::make_shared<impl>();
    data->info = data_->info;
    data->info.overall_bands.clear();
    data->roots = {*root};
    data->source = data_->source;
    data->scope = root->id;
    data->whole = data_->whole ? data_->whole : data_;
    index(*data);
    return criteria_tree(std::move(data));
  }

  [[nodiscard]] criteria_tree subtree(std::string_view id) const { return try_subtree(id).value(); }

  /// The overall band of a total, or nullopt when the framework defines none.
  [[nodiscard]] std::optional<overall_band> band_of_total(double total) const {
    const overall_band* found = nullptr;
    for (const auto& band : data_->info.overall_bands)
      if (band.min_total <= total) found = &band;
    if (found == nullptr) return std::nullopt;
    return *found;
  }

  /// Structural equality: same framework info, same nodes, same scope.
  friend bool operator==(const criteria_tree& a, const criteria_tree& b) {
    return a.data_ == b.data_ ||
           (a.data_->info == b.data_->info && a.data_->roots == b.data_->roots && a.data_->scope == b.data_->scope);
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  struct impl {
    framework_info info;
    std::vector<criteria_node> roots;
    std::string source;
    std::string scope;
    std::shared_ptr<const impl> whole;  // the uncut framework, for a tree cut by subtree()
    std::int32_t max_points = 0;
    std::vector<const criteria_node*> preorder;
    std::vector<std::size_t> parent;  // index into preorder, npos for roots
    std::vector<const criteria_node*> items;
    std::vector<const criteria_node*> categories;
    std::map<std::string, std::size_t, std::less<>> by_id;
  };

  explicit criteria_tree(std::shared_ptr<const impl> data) : data_(std::move(data)) {}

  std::size_t position(const criteria_node& node) const {
    const auto it = data_->by_id.find(node.id);
    EXCELLENCE_EXPECTS(it != data_->by_id.end() && data_->preorder[it->second] == &node);
    return it->second;
  }

  diagnostic unknown_id(std::string_view id) const {
    return {errc::unknown_criterion,
            data_->source,
            0,
            0,
            "",
            "unknown criterion \"" + std::string(id) + "\" in framework " + data_->info.id};
  }

  static void index(impl& d) {
    // Called on validated data (or a copy of part of it), so ids are unique.
    auto visit = [&d](auto&& self, const criteria_node& node, std::size_t parent) -> void {
      const auto here = d.preorder.size();
      d.preorder.push_back(&node);
      d.parent.push_back(parent);
      d.by_id.emplace(node.id, here);
      if (node.kind == node_kind::item) d.items.push_back(&node);
      if (node.kind == node_kind::category) d.categories.push_back(&node);
      for (const auto& child : node.children) self(self, child, here);
    };
    for (const auto& root : d.roots) visit(visit, root, npos);
    if (d.scope.empty()) {
      d.max_points = d.info.total_points;
    } else {
      d.max_points = d.roots.front().points.value_or(0);
    }
  }

  // ---- validation -------------------------------------------------------------------

  struct validator {
    const impl& d;
    std::map<std::string, field_path, std::less<>> seen;  // id -> path where first seen

    diagnostic fail(errc code, const field_path& path, std::string message) const {
      return {code, d.source, 0, 0, path, std::move(message)};
    }

    std::optional<diagnostic> text(const field_path& path, std::string_view value) const {
      if (auto bad = detail::first_invalid_utf8(value))
        return fail(errc::invalid_utf8, path, "invalid UTF-8 at byte " + std::to_string(*bad));
      return std::nullopt;
    }

    static bool allowed_child(node_kind parent, node_kind child) {
      if (child == node_kind::general) return true;
      switch (parent) {
        case node_kind::category:
          return child == node_kind::item;
        case node_kind::item:
          return child == node_kind::sub_item || child == node_kind::area;
        case node_kind::sub_item:
          return child == node_kind::area;
        case node_kind::area:
          return false;
        case node_kind::general:
          return false;
      }
      return false;
    }

    std::optional<diagnostic> node(const criteria_node& n, const field_path& path, const criteria_node* parent,
                                   std::size_t depth) {
      if (depth > max_tree_depth)
        return fail(errc::out_of_range, path,
                    "the tree is nested deeper than " + std::to_string(max_tree_depth) + " levels");
      if (n.id.empty()) return fail(errc::invalid_value, path.field("id"), "id is empty");
      for (const char c : n.id)
        if (std::isspace(static_cast<unsigned char>(c)) != 0)
          return fail(errc::invalid_value, path.field("id"), "id \"" + n.id + "\" contains white space");
      if (auto bad = text(path.field("id"), n.id)) return bad;
      if (auto [it, inserted] = seen.emplace(n.id, path); !inserted)
        return fail(errc::duplicate_id, path.field("id"), "id \"" + n.id + "\" is already used at " + it->second.to_string());
      if (parent != nullptr &&
          !(n.id.size() > parent->id.size() + 1 && n.id.starts_with(parent->id) && n.id[parent->id.size()] == '.'))
        return fail(errc::id_not_nested, path.field("id"),
                    "id \"" + n.id + "\" does not extend its parent's id \"" + parent->id + ".\"");
      const std::pair<const char*, const std::string*> texts[] = {
          {"title_zh", &n.title_zh},       {"title_en", &n.title_en}, {"guidance_zh", &n.guidance_zh},
          {"guidance_en", &n.guidance_en}, {"note", &n.note},         {"provenance", &n.provenance}};
      for (const auto& [field, value] : texts)
        if (auto bad = text(path.field(field), *value)) return bad;
      if (n.title_zh.empty() && n.title_en.empty())
        return fail(errc::missing_field, path, "node " + n.id + " has neither title_zh nor title_en");

      if (parent == nullptr ? !(n.kind == node_kind::category || n.kind == node_kind::general)
                            : !allowed_child(parent->kind, n.kind))
        return fail(errc::misplaced_node, path.field("kind"),
                    "a " + std::string(to_string(n.kind)) + " cannot stand " +
                        (parent == nullptr ? std::string("at the top level (expected category or general)")
                                           : "under the " + std::string(to_string(parent->kind)) + " " + parent->id));

      const bool carries_points = n.kind == node_kind::category || n.kind == node_kind::item;
      if (carries_points && !n.points)
        return fail(errc::missing_field, path.field("points"),
                    std::string(to_string(n.kind)) + " " + n.id + " has no points");
      if (!carries_points && n.points)
        return fail(
            errc::misplaced_node, path.field("points"),
            "points are given on categories and items only, not on the " + std::string(to_string(n.kind)) + " " + n.id);
      if (n.points && *n.points < 0)
        return fail(errc::out_of_range, path.field("points"),
                    "points must not be negative, got " + std::to_string(*n.points));
      if (n.kind == node_kind::item && !n.evaluation)
        return fail(errc::missing_field, path.field("evaluation"),
                    "item " + n.id + " has no evaluation type (process or results)");
      if (!carries_points && n.evaluation)
        return fail(errc::misplaced_node, path.field("evaluation"),
                    "an evaluation type is given on categories and items only, not on the " +
                        std::string(to_string(n.kind)) + " " + n.id);

      std::int64_t item_points = 0;
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        if (auto bad = node(n.children[i], path.field("children").index(i), &n, depth + 1)) return bad;
        if (n.children[i].kind == node_kind::item) item_points += *n.children[i].points;
      }
      if (n.kind == node_kind::category && item_points != *n.points)
        return fail(errc::points_mismatch, path.field("points"),
                    "category " + n.id + " has " + std::to_string(*n.points) + " points but its items sum to " +
                        std::to_string(item_points));
      return std::nullopt;
    }

    std::optional<diagnostic> run() {
      const auto& info = d.info;
      if (info.id.empty()) return fail(errc::missing_field, "framework", "the framework has no id");
      const std::pair<const char*, const std::string*> texts[] = {{"framework", &info.id},
                                                                  {"title_zh", &info.title_zh},
                                                                  {"title_en", &info.title_en},
                                                                  {"provenance", &info.provenance}};
      for (const auto& [field, value] : texts)
        if (auto bad = text(field, *value)) return bad;
      std::int64_t category_points = 0;
      for (std::size_t i = 0; i < d.roots.size(); ++i) {
        if (auto bad = node(d.roots[i], field_path("tree").index(i), nullptr, 1)) return bad;
        if (d.roots[i].kind == node_kind::category) category_points += *d.roots[i].points;
      }
      if (category_points != info.total_points)
        return fail(errc::points_mismatch, "total_points",
                    "the framework total is " + std::to_string(info.total_points) + " but its categories sum to " +
                        std::to_string(category_points));
      return bands();
    }

    std::optional<diagnostic> bands() const {
      const auto& bands = d.info.overall_bands;
      for (std::size_t i = 0; i < bands.size(); ++i) {
        const auto path = field_path("overall_bands").index(i);
        const auto& b = bands[i];
        if (b.level != static_cast<std::int32_t>(i) + 1)
          return fail(errc::invalid_value, path.field("level"),
                      "levels must count 1, 2, 3, ...; expected " + std::to_string(i + 1));
        const std::int32_t expected_min = i == 0 ? 0 : bands[i - 1].max_total + 1;
        if (b.min_total != expected_min)
          return fail(errc::invalid_value, path.field("min"),
                      "bands must be contiguous from 0: expected min " + std::to_string(expected_min) + ", got " +
                          std::to_string(b.min_total));
        if (b.max_total < b.min_total) return fail(errc::invalid_value, path.field("max"), "max is below min");
        if (auto bad = text(path.field("description_en"), b.description_en)) return bad;
        if (auto bad = text(path.field("description_zh"), b.description_zh)) return bad;
      }
      if (!bands.empty() && bands.back().max_total != d.info.total_points)
        return fail(errc::invalid_value, field_path("overall_bands").index(bands.size() - 1).field("max"),
                    "the last band must end at the framework total " + std::to_string(d.info.total_points));
      return std::nullopt;
    }
  };

  static std::optional<diagnostic> validate(const impl& d) { return validator{d, {}}.run(); }

  std::shared_ptr<const impl> data_;
};

EXCELLENCE_END_NAMESPACE
