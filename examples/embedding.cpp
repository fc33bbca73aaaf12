#include <excellence/excellence.hpp>
#include <excellence/io.hpp>
#include <iostream>

int main(int argc, char** argv) try {
  using namespace excellence;
  const criteria_tree tree = builtin_framework("gbt19580-2012");  // 1000 points, 23 items
  const assessment a = read_assessment(argc > 1 ? argv[1] : "examiner-wang.json");

  const assessment_score s = score(a, tree, {.scope = "4.3"});             // only 4.3, max 90
  std::cout << s.total.to_string() << " / " << s.max.to_string() << '\n';  // 42.5 / 90
  for (const item_score& item : s.items)
    std::cout << item.id << ' ' << (item.band ? item.band->label() : "not assessed") << '\n';
} catch (const excellence::data_error& e) {  // e.g. "acme.json: items[3].percent:
  std::cerr << e.what() << '\n';             //       37 is not a multiple of 5"
  return 1;                                  // e.where() has code, file, path, line
}
