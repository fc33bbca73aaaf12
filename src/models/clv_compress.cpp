// Distinct customer rows with counts, and their merge (docs/scale-out.md).
#include <excellence/models/clv/compress.hpp>

#include <algorithm>
#include <tuple>

namespace excellence::inline v1 {

namespace {

struct row {
  double x, t, T, w;
  [[nodiscard]] std::tuple<double, double, double> key() const noexcept { return {x, t, T}; }
};

void append(clv_compressed& out, const row& r) {
  if (out.rows() > 0 && out.frequency.back() == r.x && out.recency.back() == r.t && out.age.back() == r.T) {
    out.weights.back() += r.w;
    return;
  }
  out.frequency.push_back(r.x);
  out.recency.push_back(r.t);
  out.age.push_back(r.T);
  out.weights.push_back(r.w);
}

row row_of(const clv_compressed& c, std::size_t i) {
  return {c.frequency[i], c.recency[i], c.age[i], c.weights[i]};
}

}  // namespace

result<clv_compressed> try_compress(const clv_customers& customers) {
  const std::size_t n = customers.frequency.size();
  if (n == 0 && customers.recency.empty() && customers.age.empty() && customers.weights.empty())
    return clv_compressed{};
  if (auto bad = detail::check_clv_customers(customers)) return *bad;
  std::vector<row> rows(n);
  for (std::size_t i = 0; i < n; ++i)
    rows[i] = {customers.frequency[i], customers.recency[i], customers.age[i],
               customers.weights.empty() ? 1.0 : customers.weights[i]};
  std::sort(rows.begin(), rows.end(), [](const row& a, const row& b) { return a.key() < b.key(); });
  clv_compressed out;
  for (const auto& r : rows)
    if (r.w > 0) append(out, r);  // a row of weight 0 stands for no customer
  return out;
}

clv_compressed merge(const clv_compressed& a, const clv_compressed& b) {
  clv_compressed out;
  std::size_t i = 0, j = 0;
  while (i < a.rows() || j < b.rows()) {
    const bool take_a = j == b.rows() || (i < a.rows() && row_of(a, i).key() <= row_of(b, j).key());
    append(out, take_a ? row_of(a, i++) : row_of(b, j++));
  }
  return out;
}

}  // namespace excellence::inline v1
