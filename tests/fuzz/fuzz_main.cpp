// deelstroom_fuzz TARGET [ITERATIONS] [SEED]: a long fuzz run of one parser, by hand (the test
// suite runs 300 inputs per target). Writes the first finding to fuzz-finding-TARGET.bin and
// exits 1; exits 0 when every input was parsed or refused with an InputError.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/fuzz/fuzz_targets.hpp"

int main(int argc, char** argv) {
  using namespace deelstroom;
  if (argc < 2) {
    std::cerr << "usage: deelstroom_fuzz TARGET [ITERATIONS] [SEED]\ntargets:";
    for (const fuzz::Target& t : fuzz::targets()) std::cerr << " " << t.name;
    std::cerr << "\n";
    return 2;
  }
  const std::string name = argv[1];
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 100000;
  const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  for (const fuzz::Target& target : fuzz::targets()) {
    if (target.name != name) continue;
    const auto corpus = fuzz::load_corpus(std::string(DEELSTROOM_SOURCE_DIR) + "/tests/fuzz/corpus", DEELSTROOM_SOURCE_DIR, name);
    const fuzz::FuzzReport report = fuzz::fuzz(target, corpus, iterations, seed);
    std::cout << name << ": " << report.runs << " inputs, " << report.accepted << " accepted, " << report.refused
              << " refused with a clear error\n";
    if (report.finding) {
      const std::string file = "fuzz-finding-" + name + ".bin";
      std::ofstream(file, std::ios::binary) << report.finding_input;
      std::cout << "finding: " << *report.finding << " (input written to " << file << ")\n";
      return 1;
    }
    return 0;
  }
  std::cerr << "unknown target " << name << "\n";
  return 2;
}
