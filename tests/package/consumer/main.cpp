// Uses the installed package only: a built-in tree, a subtree and one exact score.
#include <excellence/excellence.hpp>

#include <iostream>

int main() {
  const auto tree = excellence::builtin_framework("gbt19580-2012");
  const auto customers = tree.subtree("4.3");

  excellence::assessment a;
  a.framework = "gbt19580-2012";
  a.organization = "Example Co.";
  a.examiner = "Examiner";
  a.date = "2026-01-15";
  excellence::item_assessment finance;
  finance.id = "4.4.3";  // financial resources, 15 points
  finance.percent = 35;
  a.items.push_back(finance);
  const auto result = excellence::score(a, tree, {.scope = "4.4.3"});

  std::cout << tree.id() << ' ' << tree.max_points() << ' ' << tree.scored_items().size()
            << " 4.3=" << customers.max_points() << " score=" << result.total.to_string() << '\n';
  return result.total == excellence::points::from_hundredths(525) ? 0 : 1;
}
