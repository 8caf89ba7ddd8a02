#pragma once
// The machine-readable results of a portfolio run (portfolio_results.csv): one row per
// building with every figure the portfolio report shows, numbers with all their digits so
// that they read back to the same doubles. Shards (--shard K/N) each write theirs; merging
// reads them back and writes the portfolio report a single run would have written.
#include <filesystem>
#include <string>
#include <vector>

#include "core/portfolio/ranking.hpp"

namespace deelstroom::portfolio {

inline constexpr const char* kResultsFileName = "portfolio_results.csv";
inline constexpr const char* kShardFileName = "portfolio_shard.txt";

/// Which part of which portfolio a results file holds.
struct ShardInfo {
  std::string table_fingerprint;  ///< FNV-1a 64 of the buildings table, the base scenario and the options
  std::string table_name;         ///< the buildings table's file name (for the report)
  std::string base_name;          ///< the base scenario's file name
  int shard_number = 1;           ///< K
  int shard_count = 1;            ///< N
  std::size_t building_count = 0; ///< buildings in the whole table
  std::size_t first = 0;          ///< rows [first, last) of the table
  std::size_t last = 0;
};

/// The results as CSV text (',' and '.', a header line, rows in the order given).
std::string format_results(const std::vector<BuildingResult>& results);
/// Parses format_results' text; throws InputError naming `file` and the line for anything else.
std::vector<BuildingResult> parse_results(const std::string& text, const std::string& file);

std::string format_shard_info(const ShardInfo& info);
ShardInfo parse_shard_info(const std::string& text, const std::string& file);

/// Writes both files into `directory` (atomically).
void write_results(const std::filesystem::path& directory, const std::vector<BuildingResult>& results, const ShardInfo& info);

/// Reads the shard directories' results (any order; every shard 1..N of one portfolio exactly
/// once, each complete) and returns them in table order with the whole table's info. Throws
/// InputError naming the directory that is missing, from another portfolio or duplicated.
std::vector<BuildingResult> read_shard_results(const std::vector<std::filesystem::path>& directories, ShardInfo& merged);

}  // namespace deelstroom::portfolio
