#include <excellence/criteria/builtin.hpp>
#include <excellence/criteria/tree.hpp>

#include "test_support.hpp"

#include <set>

using namespace excellence;

namespace {

// Compares a built-in node with the same node in a tests/data/reference/criteria file.
void check_same_as_reference(const criteria_node& node, const nlohmann::json& ref) {
  INFO("node " << node.id);
  CHECK(node.id == ref.at("id").get<std::string>());
  CHECK(to_string(node.kind) == ref.at("kind").get<std::string>());
  CHECK(node.title_zh == ref.at("title_zh").get<std::string>());
  CHECK(node.title_en == ref.at("title_en").get<std::string>());
  CHECK(node.guidance_zh == ref.value("guidance_zh", std::string()));
  if (ref.contains("points")) {
    REQUIRE(node.points.has_value());
    CHECK(*node.points == ref.at("points").get<int>());
  } else {
    CHECK_FALSE(node.points.has_value());
  }
  if (ref.contains("evaluation")) {
    REQUIRE(node.evaluation.has_value());
    CHECK(to_string(*node.evaluation) == ref.at("evaluation").get<std::string>());
  }
  const auto children = ref.value("children", nlohmann::json::array());
  REQUIRE(node.children.size() == children.size());
  for (std::size_t i = 0; i < children.size(); ++i) check_same_as_reference(node.children[i], children[i]);
}

criteria_node item(std::string id, int points, evaluation_type e = evaluation_type::process) {
  criteria_node n;
  n.id = std::move(id);
  n.kind = node_kind::item;
  n.title_en = "item " + n.id;
  n.points = points;
  n.evaluation = e;
  return n;
}

criteria_node category(std::string id, int points, std::vector<criteria_node> children) {
  criteria_node n;
  n.id = std::move(id);
  n.kind = node_kind::category;
  n.title_en = "category " + n.id;
  n.points = points;
  n.children = std::move(children);
  return n;
}

// A small valid framework: A (30: A.1 10 + A.2 20), B (70: B.1 70), total 100.
std::vector<criteria_node> small_tree() {
  return {category("A", 30, {item("A.1", 10), item("A.2", 20)}),
          category("B", 70, {item("B.1", 70, evaluation_type::results)})};
}

framework_info small_info() {
  return {"small", "", "Small", 100, "", {}};
}

diagnostic problem_of(std::vector<criteria_node> roots, framework_info info = small_info()) {
  return test::failure(criteria_tree::try_make(std::move(info), std::move(roots), "small.json"));
}

}  // namespace

TEST_CASE("gbt19580-2012: 7 categories, 23 items, 1000 points; 4.3 = 40 + 50") {
  const auto tree = builtin_framework("gbt19580-2012");
  CHECK(tree.max_points() == 1000);
  CHECK(tree.info().total_points == 1000);
  CHECK(tree.categories().size() == 7);
  CHECK(tree.scored_items().size() == 23);
  const std::pair<const char*, int> categories[] = {{"4.1", 110}, {"4.2", 90}, {"4.3", 90}, {"4.4", 130},
                                                    {"4.5", 100}, {"4.6", 80}, {"4.7", 400}};
  for (const auto& [id, pts] : categories) CHECK(*tree.at(id).points == pts);
  CHECK(*tree.at("4.3.2").points == 40);
  CHECK(*tree.at("4.3.3").points == 50);
  CHECK(tree.at("4.3").title_zh == "顾客与市场");
  CHECK(tree.at("4.7.3").evaluation == evaluation_type::results);
  CHECK(tree.at("4.3.3").evaluation == evaluation_type::process);
  CHECK_FALSE(tree.info().provenance.empty());
  CHECK(tree.info().overall_bands.empty());  // GB/T publishes no maturity bands: none invented

  // 4.3 goes down to its areas, 4.3.2.2.1 ... 4.3.3.3.4.
  const char* areas[] = {"4.3.2.2.1", "4.3.2.2.2", "4.3.2.3.1", "4.3.2.3.2", "4.3.2.3.3", "4.3.3.2.1", "4.3.3.2.2",
                         "4.3.3.2.3", "4.3.3.2.4", "4.3.3.3.1", "4.3.3.3.2", "4.3.3.3.3", "4.3.3.3.4"};
  for (const char* id : areas) CHECK(tree.at(id).kind == node_kind::area);
  CHECK(tree.at("4.3.3.2.3").title_zh == "顾客投诉管理");
}

TEST_CASE("gbt19580-2012 equals reference/criteria/gbt19580-2012.json node by node") {
  const auto ref = test::read_json(test::data_dir / "reference/criteria/gbt19580-2012.json");
  const auto tree = builtin_framework("gbt19580-2012");
  CHECK(tree.info().total_points == ref.at("total_points").get<int>());
  CHECK(tree.info().title_zh == ref.at("title_zh").get<std::string>());
  const auto& roots = ref.at("tree");
  REQUIRE(tree.roots().size() == roots.size());
  for (std::size_t i = 0; i < roots.size(); ++i) check_same_as_reference(tree.roots()[i], roots[i]);
}

TEST_CASE("baldrige-2023: 17 items, 1000 points, the reference's point values and 8 overall bands") {
  const auto ref = test::read_json(test::data_dir / "reference/criteria/baldrige_tree.json");
  const auto tree = builtin_framework("baldrige-2023");
  CHECK(tree.max_points() == 1000);
  CHECK(tree.scored_items().size() == 17);
  CHECK(tree.scored_items().size() == ref.at("item_count").get<std::size_t>());
  for (const auto& cat : ref.at("categories")) {
    const auto& node = tree.at(cat.at("id").get<std::string>());
    CHECK(node.title_en == cat.at("name").get<std::string>());
    if (cat.at("points").is_null()) {
      CHECK(node.kind == node_kind::general);  // the organizational profile is not scored
    } else {
      CHECK(*node.points == cat.at("points").get<int>());
    }
    for (const auto& it : cat.at("items")) {
      const auto& child = tree.at(it.at("id").get<std::string>());
      CHECK(child.title_en == it.at("name").get<std::string>());
      CHECK(tree.parent(child) == &node);
      if (!it.at("points").is_null()) {
        CHECK(*child.points == it.at("points").get<int>());
        CHECK(to_string(*child.evaluation) == it.at("item_type").get<std::string>());
      }
    }
  }
  const auto& bands = tree.info().overall_bands;
  REQUIRE(bands.size() == 8);
  CHECK(bands[0].min_total == 0);
  CHECK(bands[0].max_total == 275);
  CHECK(bands[7].min_total == 876);
  CHECK(bands[7].max_total == 1000);
  // A fractional total between two published ranges stays in the lower band.
  CHECK(tree.band_of_total(275.0)->level == 1);
  CHECK(tree.band_of_total(275.5)->level == 1);
  CHECK(tree.band_of_total(276.0)->level == 2);
  CHECK(tree.band_of_total(575.75)->level == 4);
  CHECK(tree.band_of_total(1000.0)->level == 8);
}

TEST_CASE("built-in frameworks: ids, unknown id, shared instance") {
  const auto ids = builtin_framework_ids();
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == "gbt19580-2012");
  CHECK(ids[1] == "baldrige-2023");
  const auto d = test::failure(try_builtin_framework("efqm-2020"));
  CHECK(d.code == errc::unknown_framework);
  CHECK(d.message.find("efqm-2020") != std::string::npos);
  // Repeated calls share one immutable tree: node addresses are the same.
  CHECK(&builtin_framework("gbt19580-2012").at("4.3") == &builtin_framework("gbt19580-2012").at("4.3"));
}

TEST_CASE("lookup, parent, ancestors, category, containment") {
  const auto tree = builtin_framework("gbt19580-2012");
  CHECK(tree.find("4.9") == nullptr);
  CHECK_FALSE(tree.contains("4.3.3.2.9"));
  const auto& area = tree.at("4.3.3.2.3");
  REQUIRE(tree.parent(area) != nullptr);
  CHECK(tree.parent(area)->id == "4.3.3.2");
  CHECK(tree.parent(tree.at("4.3")) == nullptr);
  const auto chain = tree.ancestors(area);
  REQUIRE(chain.size() == 3);
  CHECK(chain[0]->id == "4.3");
  CHECK(chain[1]->id == "4.3.3");
  CHECK(chain[2]->id == "4.3.3.2");
  CHECK(tree.category_of(area)->id == "4.3");
  CHECK(tree.is_within(area, tree.at("4.3.3")));
  CHECK_FALSE(tree.is_within(area, tree.at("4.3.2")));
  CHECK(tree.nodes().front()->id == "4.1");
  CHECK(tree.nodes().size() == 7 + 7 + 23 + 6 + 13);  // categories, general clauses, items, 4.3 sub-items, areas
  try {
    (void)tree.at("4.3.9");
    FAIL("expected data_error");
  } catch (const data_error& e) {
    CHECK(e.where().code == errc::unknown_criterion);
    CHECK(std::string(e.what()).find("unknown criterion \"4.3.9\" in framework gbt19580-2012") != std::string::npos);
  }
}

TEST_CASE("subtree: only 4.3, max 90, usable like a whole tree") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto customers = tree.subtree("4.3");
  CHECK(customers.scope() == "4.3");
  CHECK(customers.max_points() == 90);
  CHECK(customers.categories().size() == 1);
  REQUIRE(customers.scored_items().size() == 2);
  CHECK(customers.scored_items()[0]->id == "4.3.2");
  CHECK(customers.contains("4.3.3.3.4"));
  CHECK_FALSE(customers.contains("4.1"));
  CHECK(customers.parent(customers.at("4.3.3"))->id == "4.3");
  CHECK(tree.subtree("4.3.3").max_points() == 50);
  CHECK(builtin_framework("baldrige-2023").subtree("7").info().overall_bands.empty());

  CHECK(test::failure(tree.try_subtree("4.3.3.2")).code == errc::empty_scope);  // a sub-item carries no points
  CHECK(test::failure(tree.try_subtree("9")).code == errc::unknown_criterion);
}

TEST_CASE("a valid framework built in code") {
  const auto tree = criteria_tree::make(small_info(), small_tree());
  CHECK(tree.max_points() == 100);
  CHECK(tree.scored_items().size() == 3);
  CHECK(tree == criteria_tree::make(small_info(), small_tree()));
}

TEST_CASE("validation: every rule names the file and the JSON path of the first problem") {
  SUBCASE("duplicate id") {
    auto roots = small_tree();
    roots[1].children[0].id = "A.1";
    roots[1].id = "A";
    const auto d = problem_of(roots);
    CHECK(d.code == errc::duplicate_id);
    CHECK(d.file == "small.json");
    CHECK(d.path == "tree[1].id");
  }
  SUBCASE("a child's id must extend its parent's") {
    auto roots = small_tree();
    roots[0].children[1].id = "B.2";
    const auto d = problem_of(roots);
    CHECK(d.code == errc::id_not_nested);
    CHECK(d.path == "tree[0].children[1].id");
    roots[0].children[1].id = "A2";  // a prefix without the dot does not count
    CHECK(problem_of(roots).code == errc::id_not_nested);
  }
  SUBCASE("items must sum to their category") {
    auto roots = small_tree();
    roots[0].children[1].points = 25;
    const auto d = problem_of(roots);
    CHECK(d.code == errc::points_mismatch);
    CHECK(d.path == "tree[0].points");
    CHECK(d.message == "category A has 30 points but its items sum to 35");
  }
  SUBCASE("categories must sum to the framework total") {
    auto info = small_info();
    info.total_points = 1000;
    const auto d = problem_of(small_tree(), info);
    CHECK(d.code == errc::points_mismatch);
    CHECK(d.path == "total_points");
    CHECK(d.message == "the framework total is 1000 but its categories sum to 100");
  }
  SUBCASE("structure of kinds") {
    auto roots = small_tree();
    roots.push_back(item("C", 0));
    const auto d = problem_of(roots);
    CHECK(d.code == errc::misplaced_node);
    CHECK(d.path == "tree[2].kind");

    auto nested = small_tree();
    nested[0].children[0].children.push_back(item("A.1.1", 0));  // an item inside an item
    CHECK(problem_of(nested).code == errc::misplaced_node);
  }
  SUBCASE("points only on categories and items, whole and non-negative") {
    auto roots = small_tree();
    criteria_node area;
    area.id = "A.1.1";
    area.kind = node_kind::area;
    area.title_zh = "领域";
    area.points = 5;
    roots[0].children[0].children.push_back(area);
    auto d = problem_of(roots);
    CHECK(d.code == errc::misplaced_node);
    CHECK(d.path == "tree[0].children[0].children[0].points");

    auto negative = small_tree();
    negative[0].children[0].points = -10;
    negative[0].children[1].points = 40;
    CHECK(problem_of(negative).code == errc::out_of_range);

    auto missing = small_tree();
    missing[1].children[0].points.reset();
    d = problem_of(missing);
    CHECK(d.code == errc::missing_field);
    CHECK(d.path == "tree[1].children[0].points");
  }
  SUBCASE("items need an evaluation type") {
    auto roots = small_tree();
    roots[0].children[0].evaluation.reset();
    const auto d = problem_of(roots);
    CHECK(d.code == errc::missing_field);
    CHECK(d.path == "tree[0].children[0].evaluation");
  }
  SUBCASE("ids are non-empty without white space; nodes have a title") {
    auto roots = small_tree();
    roots[0].children[0].id = "";
    CHECK(problem_of(roots).code == errc::invalid_value);
    roots[0].children[0].id = "A. 1";
    CHECK(problem_of(roots).code == errc::invalid_value);
    auto untitled = small_tree();
    untitled[0].title_en.clear();
    CHECK(problem_of(untitled).code == errc::missing_field);
  }
  SUBCASE("text must be UTF-8") {
    auto roots = small_tree();
    roots[0].children[1].title_zh = "\xe9\xa1";  // a truncated three-byte sequence
    const auto d = problem_of(roots);
    CHECK(d.code == errc::invalid_utf8);
    CHECK(d.path == "tree[0].children[1].title_zh");
    CHECK(d.message == "invalid UTF-8 at byte 0");
  }
  SUBCASE("overall bands are contiguous from 0 to the total") {
    auto info = small_info();
    info.overall_bands = {{1, 0, 49, "low", ""}, {2, 51, 100, "high", ""}};
    auto d = problem_of(small_tree(), info);
    CHECK(d.code == errc::invalid_value);
    CHECK(d.path == "overall_bands[1].min");
    info.overall_bands = {{1, 0, 49, "low", ""}, {2, 50, 90, "high", ""}};
    d = problem_of(small_tree(), info);
    CHECK(d.path == "overall_bands[1].max");
    info.overall_bands = {{1, 0, 49, "low", ""}, {3, 50, 100, "high", ""}};
    CHECK(problem_of(small_tree(), info).path == "overall_bands[1].level");
  }
}

TEST_CASE("validation: nesting is bounded by max_tree_depth for trees built in code too") {
  criteria_node prototype;
  prototype.kind = node_kind::general;
  prototype.title_en = "g";
  auto chain = [&prototype](std::size_t depth) {
    // Copies of one prototype with computed ids: assigning short literals to strings in
    // this loop trips GCC 12's -Wrestrict false positive (bug 105651) at -O3.
    auto general = [&prototype](std::size_t level) {
      criteria_node node = prototype;
      node.id.assign(2 * level + 1, 'g');  // "g", "g.g", "g.g.g", ...
      for (std::size_t dot = 1; dot < node.id.size(); dot += 2) node.id[dot] = '.';
      return node;
    };
    criteria_node root = general(0);
    criteria_node* last = &root;
    for (std::size_t level = 1; level < depth; ++level) {
      last->children.push_back(general(level));
      last = &last->children.back();
    }
    return root;
  };
  const framework_info info{"deep", "", "Deep", 0, "", {}};
  CHECK(criteria_tree::try_make(info, {chain(max_tree_depth)}).has_value());
  const auto d = test::failure(criteria_tree::try_make(info, {chain(max_tree_depth + 1)}));
  CHECK(d.code == errc::out_of_range);
}
