// Ready-made structures of the ACSI and ECSI satisfaction-index models.
#pragma once

#include <excellence/config.hpp>
#include <excellence/models/pls/model.hpp>

#include <string>
#include <utility>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The indicators (column names) of each ACSI construct.
struct acsi_blocks {
  std::vector<std::string> expectations{};
  std::vector<std::string> perceived_quality{};
  std::vector<std::string> perceived_value{};
  std::vector<std::string> satisfaction{};
  std::vector<std::string> complaints{};
  std::vector<std::string> loyalty{};
};

/// The ACSI (Fornell, Johnson, Anderson, Cha & Bryant 1996, J. Marketing 60(4)):
/// EXPE → QUAL, VAL, SAT; QUAL → VAL, SAT; VAL → SAT; SAT → COMP, LOY; COMP → LOY.
/// All blocks mode A. Latent variables EXPE, QUAL, VAL, SAT, COMP, LOY.
[[nodiscard]] inline pls_model acsi_model(acsi_blocks blocks) {
  return {{"EXPE", "QUAL", "VAL", "SAT", "COMP", "LOY"},
          {{0, 0, 0, 0, 0, 0},
           {1, 0, 0, 0, 0, 0},
           {1, 1, 0, 0, 0, 0},
           {1, 1, 1, 0, 0, 0},
           {0, 0, 0, 1, 0, 0},
           {0, 0, 0, 1, 1, 0}},
          {std::move(blocks.expectations), std::move(blocks.perceived_quality), std::move(blocks.perceived_value),
           std::move(blocks.satisfaction), std::move(blocks.complaints), std::move(blocks.loyalty)},
          std::vector<pls_mode>(6, pls_mode::a)};
}

/// The indicators of each ECSI construct.
struct ecsi_blocks {
  std::vector<std::string> image{};
  std::vector<std::string> expectations{};
  std::vector<std::string> perceived_quality{};
  std::vector<std::string> perceived_value{};
  std::vector<std::string> satisfaction{};
  std::vector<std::string> loyalty{};
};

/// The ECSI (Eklöf 2000) as estimated on R plspm's satisfaction data (Tenenhaus et al.
/// 2005): IMAG → EXPE, SAT, LOY; EXPE → QUAL, VAL, SAT; QUAL → VAL, SAT; VAL → SAT;
/// SAT → LOY. Corporate image replaces the ACSI's complaints. All blocks mode A.
[[nodiscard]] inline pls_model ecsi_model(ecsi_blocks blocks) {
  return {{"IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY"},
          {{0, 0, 0, 0, 0, 0},
           {1, 0, 0, 0, 0, 0},
           {0, 1, 0, 0, 0, 0},
           {0, 1, 1, 0, 0, 0},
           {1, 1, 1, 1, 0, 0},
           {1, 0, 0, 0, 1, 0}},
          {std::move(blocks.image), std::move(blocks.expectations), std::move(blocks.perceived_quality),
           std::move(blocks.perceived_value), std::move(blocks.satisfaction), std::move(blocks.loyalty)},
          std::vector<pls_mode>(6, pls_mode::a)};
}

EXCELLENCE_END_NAMESPACE
