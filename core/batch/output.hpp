#pragma once
// The output directory of a batch, written as the batch goes: cases.csv, apartments.csv,
// keys.csv (with compared keys), failures.csv, and journal.txt that records, after each case
// appended in case order, the size of every table. A rerun of the same batch reads the
// journal, truncates the tables to the last complete journalled case and continues, so the
// final files are byte-identical to an uninterrupted run (after kill -9, Ctrl-C or a crash).
// summary.csv is written (atomically) when the last case is in.
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/batch/case_run.hpp"
#include "core/batch/grouping.hpp"

namespace deelstroom::batch {

inline constexpr int kTableCount = 4;  ///< cases, apartments, keys, failures
/// File names of the tables, in journal order.
const std::array<const char*, kTableCount>& table_file_names();
inline constexpr const char* kJournalFileName = "journal.txt";
inline constexpr const char* kSummaryFileName = "summary.csv";
inline constexpr const char* kGroupSummaryFileName = "summary_groups.csv";
inline constexpr const char* kSummaryWorkbookName = "summary.xlsx";

/// FNV-1a 64 of the parts (with separators), as 16 hex digits: identifies a batch's inputs.
std::string fingerprint_of(const std::vector<std::string>& parts);

/// A deterministic slice of the cases: shard K of N (1-based) gets the contiguous range
/// [floor((K-1)T/N), floor(KT/N)) of the T cases, so shards concatenated in order are the
/// whole batch in case order.
struct Shard {
  int number = 1;  ///< K, 1..count
  int count = 1;   ///< N
};
/// Parses "K/N". Throws InputError (field "--shard").
Shard parse_shard(const std::string& text);
std::pair<std::size_t, std::size_t> shard_range(const Shard& shard, std::size_t case_count);

/// One journalled case.
struct JournalEntry {
  std::size_t index = 0;
  bool ok = false;
  std::array<std::uint64_t, kTableCount> sizes{};  ///< table sizes after this case, bytes
  CaseIndicators indicators;
  std::vector<std::uint32_t> groups;                ///< per variable of the journal's layout
};

/// The journal of a batch directory.
struct Journal {
  std::string fingerprint;
  std::string csv_style = "tidy";                         ///< tidy | excel-be
  Shard shard;
  std::size_t first = 0, last = 0;                        ///< cases [first, last)
  std::array<std::uint64_t, kTableCount> header_sizes{};  ///< sizes with only the headers; 0 = table not written
  GroupLayout layout;                                     ///< the variables and keys the summary groups by
  std::vector<JournalEntry> entries;                      ///< complete entries, in case order
  bool done = false;
  std::uint64_t valid_bytes = 0;                          ///< length of the complete lines
};

/// Reads journal.txt (incomplete or malformed trailing lines are ignored: an interrupted
/// write). Throws InputError when the file is not a batch journal.
Journal read_journal(const std::filesystem::path& file);

/// The journal's text (as BatchOutput writes it): header lines, one line per entry, "done".
std::string journal_header_text(const Journal& journal);
std::string journal_entry_text(const JournalEntry& entry);

/// Writes a batch's tables in case order and resumes an interrupted one.
class BatchOutput {
 public:
  /// Opens `directory` (created if missing) for the cases [first, last) of the batch with
  /// this fingerprint and shard. An existing journal of the same batch is resumed; one of
  /// another batch is an InputError unless `restart` (then everything starts afresh).
  /// `headers.keys` empty: no keys.csv.
  /// `grouper` places each case in its groups for the grouped summary (its layout is
  /// journalled, so merge can group the shards' cases without the study).
  BatchOutput(const std::filesystem::path& directory, const std::string& fingerprint, const Shard& shard,
              std::size_t first, std::size_t last, const TableHeaders& headers, report::CsvStyle style, bool restart,
              CaseGrouper grouper = {});
  ~BatchOutput();
  BatchOutput(const BatchOutput&) = delete;
  BatchOutput& operator=(const BatchOutput&) = delete;

  std::size_t next_index() const;        ///< the first case not yet written
  std::size_t resumed_cases() const { return resumed_; }
  bool complete() const { return next_index() == journal_.last; }
  /// Appends a case's rows and journals it. The outcome must be next_index()'s.
  void append(const CaseOutcome& outcome);
  /// Writes summary.csv, summary_groups.csv and summary.xlsx and marks the journal done.
  /// Call when complete().
  void finish(Language language = Language::dutch);
  const Journal& journal() const { return journal_; }
  std::size_t failed_cases() const;

 private:
  void start_afresh(const TableHeaders& headers);
  void resume();
  void open_files();

  std::filesystem::path directory_;
  report::CsvStyle style_;
  Journal journal_;
  std::array<std::FILE*, kTableCount> tables_{};
  std::FILE* journal_file_ = nullptr;
  std::size_t resumed_ = 0;
  CaseGrouper grouper_;
};

/// Writes summary.csv, summary_groups.csv and summary.xlsx into `directory` from the
/// journalled entries (each atomically).
void write_summaries(const std::filesystem::path& directory, const Journal& journal, report::CsvStyle style,
                     Language language);

}  // namespace deelstroom::batch
