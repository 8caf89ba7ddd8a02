#include "core/batch/merge.hpp"

#include <algorithm>
#include <fstream>

#include "core/batch/output.hpp"
#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"

namespace deelstroom::batch {

namespace {

struct ShardDirectory {
  std::filesystem::path directory;
  Journal journal;
};

[[noreturn]] void fail(const std::filesystem::path& where, const Text& message) {
  throw InputError({where.string(), 0, 0, ""}, message);
}

/// Copies bytes [from, to) of `file` to `out`.
void copy_range(const std::filesystem::path& file, std::uint64_t from, std::uint64_t to, std::ostream& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file, Text{"kan niet gelezen worden", "cannot be read"});
  in.seekg(static_cast<std::streamoff>(from));
  std::vector<char> buffer(1 << 20);
  std::uint64_t left = to - from;
  while (left > 0) {
    const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
    in.read(buffer.data(), static_cast<std::streamsize>(chunk));
    if (static_cast<std::size_t>(in.gcount()) != chunk) fail(file, Text{"korter dan zijn logboek zegt", "shorter than its journal says"});
    out.write(buffer.data(), static_cast<std::streamsize>(chunk));
    left -= chunk;
  }
}

std::vector<ShardDirectory> read_shards(const std::vector<std::filesystem::path>& directories) {
  std::vector<ShardDirectory> shards;
  for (const auto& directory : directories) {
    const std::filesystem::path journal_file = directory / kJournalFileName;
    if (!std::filesystem::exists(journal_file)) fail(directory, Text{"geen journal.txt: geen uitvoermap van een reeks", "no journal.txt: not a batch output directory"});
    ShardDirectory shard{directory, read_journal(journal_file)};
    if (!shard.journal.done) {
      fail(directory, fill("deel {}/{} is niet af ({} van {} gevallen); draai het eerst opnieuw",
                           "shard {}/{} is not finished ({} of {} cases); rerun it first",
                           {std::to_string(shard.journal.shard.number), std::to_string(shard.journal.shard.count),
                            std::to_string(shard.journal.entries.size()), std::to_string(shard.journal.last - shard.journal.first)}));
    }
    shards.push_back(std::move(shard));
  }
  if (shards.empty()) throw InputError({"", 0, 0, ""}, Text{"geen mappen om samen te voegen", "no directories to merge"});
  std::sort(shards.begin(), shards.end(),
            [](const ShardDirectory& a, const ShardDirectory& b) { return a.journal.shard.number < b.journal.shard.number; });
  const Journal& first = shards.front().journal;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const Journal& j = shards[k].journal;
    if (j.fingerprint != first.fingerprint || j.csv_style != first.csv_style || j.header_sizes != first.header_sizes) {
      fail(shards[k].directory, fill("komt uit een andere reeks dan {} (ander manifest, scenario of andere opties)",
                                     "comes from another batch than {} (other manifest, scenario or options)",
                                     {shards.front().directory.string()}));
    }
    if (j.shard.count != first.shard.count || j.shard.number != static_cast<int>(k) + 1) {
      fail(shards[k].directory, fill("deel {}/{}: verwacht de delen 1..{} elk een keer, gevonden {} mappen",
                                     "shard {}/{}: expected shards 1..{} each once, found {} directories",
                                     {std::to_string(j.shard.number), std::to_string(j.shard.count),
                                      std::to_string(first.shard.count), std::to_string(shards.size())}));
    }
    if (k > 0 && j.first != shards[k - 1].journal.last) fail(shards[k].directory, Text{"zijn gevallen volgen niet op die van het vorige deel", "its cases do not follow the previous shard's"});
  }
  if (static_cast<int>(shards.size()) != first.shard.count) {
    throw InputError({"", 0, 0, ""}, fill("verwacht {} mappen van delen, gevonden {}", "expected {} shard directories, found {}",
                                          {std::to_string(first.shard.count), std::to_string(shards.size())}));
  }
  return shards;
}

}  // namespace

std::size_t merge_shards(const std::vector<std::filesystem::path>& shard_directories, const std::filesystem::path& target,
                         Language language) {
  const std::vector<ShardDirectory> shards = read_shards(shard_directories);
  std::error_code error;
  std::filesystem::create_directories(target, error);
  if (error) fail(target, fill("kan de uitvoermap niet maken: {}", "cannot create the output directory: {}", {error.message()}));

  Journal merged;
  const Journal& first = shards.front().journal;
  merged.fingerprint = first.fingerprint;
  merged.csv_style = first.csv_style;
  merged.shard = {1, 1};
  merged.first = first.first;
  merged.last = shards.back().journal.last;
  merged.header_sizes = first.header_sizes;
  merged.layout = first.layout;
  merged.done = true;
  std::array<std::uint64_t, kTableCount> offset{};  // bytes of data rows before the current shard
  for (const ShardDirectory& shard : shards) {
    const Journal& j = shard.journal;
    for (JournalEntry entry : j.entries) {
      for (int t = 0; t < kTableCount; ++t) {
        const std::size_t k = static_cast<std::size_t>(t);
        entry.sizes[k] = entry.sizes[k] - j.header_sizes[k] + merged.header_sizes[k] + offset[k];
      }
      merged.entries.push_back(entry);
    }
    const auto& end = j.entries.empty() ? j.header_sizes : j.entries.back().sizes;
    for (int t = 0; t < kTableCount; ++t) {
      const std::size_t k = static_cast<std::size_t>(t);
      offset[k] += end[k] - j.header_sizes[k];
    }
  }

  for (int t = 0; t < kTableCount; ++t) {
    const std::size_t k = static_cast<std::size_t>(t);
    const std::filesystem::path out_file = target / table_file_names()[k];
    if (merged.header_sizes[k] == 0) {
      std::filesystem::remove(out_file);
      continue;
    }
    write_file_atomically(out_file, [&](std::ostream& out) {
      copy_range(shards.front().directory / table_file_names()[k], 0, merged.header_sizes[k], out);
      for (const ShardDirectory& shard : shards) {
        const Journal& j = shard.journal;
        const std::uint64_t end = j.entries.empty() ? j.header_sizes[k] : j.entries.back().sizes[k];
        copy_range(shard.directory / table_file_names()[k], j.header_sizes[k], end, out);
      }
    });
  }
  const report::CsvStyle style = report::csv_style_by_name(merged.csv_style);
  write_summaries(target, merged, style, language);
  std::string journal = journal_header_text(merged);
  for (const JournalEntry& entry : merged.entries) journal += journal_entry_text(entry);
  journal += "done\n";
  write_file_atomically(target / kJournalFileName, journal);
  return merged.entries.size();
}

}  // namespace deelstroom::batch
