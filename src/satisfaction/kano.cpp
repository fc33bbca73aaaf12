#include <excellence/satisfaction/kano.hpp>

#include <map>

namespace excellence::inline v1 {

result<kano_table> try_kano_by_attribute(std::span<const std::string> attribute, std::span<const double> functional,
                                         std::span<const double> dysfunctional, const kano_options& options) {
  using detail::input_error;
  if (functional.size() != attribute.size() || dysfunctional.size() != attribute.size())
    return input_error(errc::invalid_value, functional.size() != attribute.size() ? "functional" : "dysfunctional",
                       "expected one answer per row of attribute");
  if (attribute.empty()) return input_error(errc::invalid_value, "attribute", "no answers");
  // Attributes in order of first appearance, each with the rows that answer it.
  std::map<std::string_view, std::size_t> index;
  std::vector<std::vector<std::size_t>> rows;
  kano_table out{options.tie_margin, {}};
  for (std::size_t r = 0; r < attribute.size(); ++r) {
    if (attribute[r].empty())
      return input_error(errc::invalid_value, detail::indexed("attribute", r), "an attribute needs a name");
    const auto [it, added] = index.try_emplace(attribute[r], rows.size());
    if (added) {
      rows.emplace_back();
      out.attributes.push_back({attribute[r], {}});
    }
    rows[it->second].push_back(r);
  }
  std::vector<double> f, d;
  for (std::size_t a = 0; a < rows.size(); ++a) {
    f.clear();
    d.clear();
    for (const auto r : rows[a]) {
      f.push_back(functional[r]);
      d.push_back(dysfunctional[r]);
    }
    auto k = try_kano(f, d, options);
    if (!k) {
      // The answer's index within the attribute is the row's index within rows[a].
      auto bad = k.error();
      detail::readdress(bad, rows[a], std::string(bad.path.head()));
      return bad;
    }
    out.attributes[a].result = *std::move(k);
  }
  return out;
}

}  // namespace excellence::inline v1
