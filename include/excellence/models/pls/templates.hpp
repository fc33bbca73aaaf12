// Ready-made structures of the ACSI, ECSI and CCSI satisfaction-index models.
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

/// The indicators of each CCSI construct.
struct ccsi_blocks {
  std::vector<std::string> brand_image{};        ///< 品牌形象
  std::vector<std::string> expected_quality{};   ///< 预期质量
  std::vector<std::string> perceived_quality{};  ///< 感知质量
  std::vector<std::string> perceived_value{};    ///< 感知价值
  std::vector<std::string> satisfaction{};       ///< 顾客满意度
  std::vector<std::string> loyalty{};            ///< 顾客忠诚
};

/// The China Customer Satisfaction Index (CCSI, Tsinghua University / CNIS): six
/// constructs and 11 causal paths, with brand image, expected quality, perceived quality
/// and perceived value the causes of satisfaction and loyalty its only consequence
/// (metrics.md §3.5). Those statements fix the paths: the four causes, in the order
/// image → expected quality → perceived quality → perceived value, each affect every later
/// one (6 paths) and satisfaction (4), and satisfaction → loyalty (1). The source
/// available describes the structure in words only; see docs/pls.md.
/// Latent variables IMAG, EXPQ, PERQ, VAL, SAT, LOY; all blocks mode A.
[[nodiscard]] inline pls_model ccsi_model(ccsi_blocks blocks) {
  return {{"IMAG", "EXPQ", "PERQ", "VAL", "SAT", "LOY"},
          {{0, 0, 0, 0, 0, 0},
           {1, 0, 0, 0, 0, 0},
           {1, 1, 0, 0, 0, 0},
           {1, 1, 1, 0, 0, 0},
           {1, 1, 1, 1, 0, 0},
           {0, 0, 0, 0, 1, 0}},
          {std::move(blocks.brand_image), std::move(blocks.expected_quality), std::move(blocks.perceived_quality),
           std::move(blocks.perceived_value), std::move(blocks.satisfaction), std::move(blocks.loyalty)},
          std::vector<pls_mode>(6, pls_mode::a)};
}

EXCELLENCE_END_NAMESPACE
