#pragma once
// Mutation fuzzing of every parser a user's file reaches (issue 13): scenario TOML, tariff
// files, meter CSVs (generic and Mijn Fluvius / open data), PVGIS CSV and JSON, day-ahead
// prices, batch manifests and --sweep specs. Each input either parses into finite, plausible
// values or is refused with an InputError; anything else (another exception, a crash, a
// sanitizer report, a non-finite value accepted) is a finding.
//
// The corpus of a target is tests/fuzz/corpus/<target>/: its files, and the repository paths
// listed in its seeds.txt (one per line), so the bundled examples seed it without copies.
// Mutations are deterministic (xorshift64*): the same seed gives the same inputs.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace deelstroom::fuzz {

struct Target {
  std::string name;
  /// Parses one input; throws InputError when it refuses it, std::logic_error("fooled: ...")
  /// when it accepted values that break an invariant (non-finite, wrong length, negative kWh).
  std::function<void(const std::string&)> run;
};

/// Every target, by name.
const std::vector<Target>& targets();

/// The corpus of `target` under `corpus_root` (tests/fuzz/corpus) with the repository `root`
/// for the paths of seeds.txt.
std::vector<std::string> load_corpus(const std::filesystem::path& corpus_root, const std::filesystem::path& root,
                                     const std::string& target);

/// One mutated input: a corpus entry with 1-8 edits (byte flips, inserted separators and
/// digits, deleted or duplicated ranges, extreme numbers, deep nesting, splices).
std::string mutate(const std::vector<std::string>& corpus, std::uint64_t& state);

struct FuzzReport {
  int runs = 0;
  int accepted = 0;
  int refused = 0;
  std::optional<std::string> finding;  ///< what went wrong, with the iteration
  std::string finding_input;
};

/// Runs `iterations` mutated inputs (and the corpus itself first) through `target`.
FuzzReport fuzz(const Target& target, const std::vector<std::string>& corpus, int iterations, std::uint64_t seed);

}  // namespace deelstroom::fuzz
