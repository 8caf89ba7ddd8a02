#include "core/batch/output.hpp"

#include <cctype>
#include <cinttypes>
#include <cstdlib>
#include <sstream>

#include "core/batch/summary.hpp"
#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"

namespace deelstroom::batch {

namespace {

constexpr const char* kJournalMagic = "deelstroom batch journal 2";
constexpr const char* kOlderJournalMagic = "deelstroom batch journal 1";

/// A journal token for a name or value that may hold spaces: "=" then the text with space,
/// tab, line breaks and '%' as %XX ("=" alone is the empty text).
std::string token_of(const std::string& text) {
  std::string token = "=";
  for (unsigned char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '%') {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      token += escaped;
    } else {
      token += static_cast<char>(c);
    }
  }
  return token;
}

bool text_of(const std::string& token, std::string& text) {
  if (token.empty() || token[0] != '=') return false;
  text.clear();
  for (std::size_t i = 1; i < token.size(); ++i) {
    if (token[i] != '%') {
      text += token[i];
      continue;
    }
    if (i + 2 >= token.size() || std::isxdigit(static_cast<unsigned char>(token[i + 1])) == 0 ||
        std::isxdigit(static_cast<unsigned char>(token[i + 2])) == 0) {
      return false;
    }
    text += static_cast<char>(std::stoi(token.substr(i + 1, 2), nullptr, 16));
    i += 2;
  }
  return true;
}

std::string style_name(const report::CsvStyle& style) { return style.separator == ';' ? "excel-be" : "tidy"; }

std::string hex_double(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%a", value);  // exact: the summary is the same after a resume
  return buffer;
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> result;
  std::istringstream in(line);
  std::string word;
  while (in >> word) result.push_back(word);
  return result;
}

bool parse_u64(const std::string& text, std::uint64_t& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtoull(text.c_str(), &end, 10);
  return end == text.c_str() + text.size();
}

bool parse_double(const std::string& text, double& value) {
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

std::uint64_t size_on_disk(const std::filesystem::path& file) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

[[noreturn]] void fail_directory(const std::filesystem::path& where, const Text& message) {
  throw InputError({where.string(), 0, 0, ""}, message);
}

}  // namespace

const std::array<const char*, kTableCount>& table_file_names() {
  static const std::array<const char*, kTableCount> names{"cases.csv", "apartments.csv", "keys.csv", "failures.csv"};
  return names;
}

std::string fingerprint_of(const std::vector<std::string>& parts) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::string& part : parts) {
    for (unsigned char c : part) {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xFF;  // separator: ("ab","c") and ("a","bc") differ
    hash *= 0x100000001b3ULL;
  }
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016" PRIx64, hash);
  return buffer;
}

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  std::uint64_t number = 0, count = 0;
  if (slash == std::string::npos || !parse_u64(text.substr(0, slash), number) || !parse_u64(text.substr(slash + 1), count) ||
      count < 1 || number < 1 || number > count || count > 1000000) {
    throw InputError({"", 0, 0, "--shard"}, fill("\"{}\": verwacht K/N met 1 <= K <= N, bv. 3/10", "\"{}\": expected K/N with 1 <= K <= N, e.g. 3/10", {text}));
  }
  return {static_cast<int>(number), static_cast<int>(count)};
}

std::pair<std::size_t, std::size_t> shard_range(const Shard& shard, std::size_t case_count) {
  const auto bound = [&](int k) {
    return static_cast<std::size_t>((static_cast<unsigned __int128>(case_count) * static_cast<unsigned>(k)) /
                                    static_cast<unsigned>(shard.count));
  };
  return {bound(shard.number - 1), bound(shard.number)};
}

std::string journal_header_text(const Journal& journal) {
  std::ostringstream out;
  out << kJournalMagic << "\n"
      << "fingerprint " << journal.fingerprint << "\n"
      << "style " << journal.csv_style << "\n"
      << "shard " << journal.shard.number << " " << journal.shard.count << "\n"
      << "cases " << journal.first << " " << journal.last << "\n";
  for (const GroupVariable& variable : journal.layout.variables) {
    out << "variable " << token_of(variable.name);
    for (const std::string& value : variable.values) out << " " << token_of(value);
    out << "\n";
  }
  out << "keys";
  for (const std::string& label : journal.layout.key_labels) out << " " << token_of(label);
  out << "\n"
      << "headers";
  for (std::uint64_t size : journal.header_sizes) out << " " << size;
  out << "\n";
  return out.str();
}

std::string journal_entry_text(const JournalEntry& entry) {
  std::ostringstream out;
  out << "case " << entry.index << " " << (entry.ok ? 1 : 0);
  for (std::uint64_t size : entry.sizes) out << " " << size;
  out << " " << hex_double(entry.indicators.simple_payback_years) << " " << hex_double(entry.indicators.sharing_rate) << " "
      << hex_double(entry.indicators.npv_eur) << " " << hex_double(entry.indicators.losing_apartment_share);
  for (std::uint32_t group : entry.groups) out << " " << group;
  for (double rate : entry.indicators.key_sharing_rates) out << " " << hex_double(rate);
  out << "\n";
  return out.str();
}

Journal read_journal(const std::filesystem::path& file) {
  const std::string text = read_text_file(file);
  Journal journal;
  std::size_t position = 0;
  int line_number = 0;
  bool header_complete = false;
  while (position < text.size()) {
    const std::size_t end = text.find('\n', position);
    if (end == std::string::npos) break;  // an interrupted write: ignored
    const std::string line = text.substr(position, end - position);
    const std::vector<std::string> w = words(line);
    ++line_number;
    const auto bad = [&]() {
      throw InputError({file.string(), line_number, 0, ""}, fill("geen regel van een deelstroom-logboek: \"{}\"", "not a deelstroom batch journal line: \"{}\"", {line}));
    };
    if (line_number == 1) {
      if (line == kOlderJournalMagic) {
        throw InputError({file.string(), 1, 0, ""},
                         Text{"geschreven door een oudere deelstroom (logboek 1); voeg --restart toe om deze batch opnieuw te beginnen",
                              "written by an older deelstroom (journal 1); add --restart to run this batch afresh"});
      }
      if (line != kJournalMagic) bad();
    } else if (!header_complete) {
      std::uint64_t a = 0, b = 0;
      if (w.size() == 2 && w[0] == "fingerprint") {
        journal.fingerprint = w[1];
      } else if (w.size() == 2 && w[0] == "style") {
        journal.csv_style = w[1];
      } else if (w.size() == 3 && w[0] == "shard" && parse_u64(w[1], a) && parse_u64(w[2], b)) {
        journal.shard = {static_cast<int>(a), static_cast<int>(b)};
      } else if (w.size() == 3 && w[0] == "cases" && parse_u64(w[1], a) && parse_u64(w[2], b)) {
        journal.first = a;
        journal.last = b;
      } else if (w.size() >= 2 && w[0] == "variable") {
        GroupVariable variable;
        if (!text_of(w[1], variable.name)) bad();
        for (std::size_t k = 2; k < w.size(); ++k) {
          std::string value;
          if (!text_of(w[k], value)) bad();
          variable.values.push_back(value);
        }
        journal.layout.variables.push_back(std::move(variable));
      } else if (!w.empty() && w[0] == "keys") {
        for (std::size_t k = 1; k < w.size(); ++k) {
          std::string label;
          if (!text_of(w[k], label)) bad();
          journal.layout.key_labels.push_back(label);
        }
      } else if (w.size() == 1 + kTableCount && w[0] == "headers") {
        for (int t = 0; t < kTableCount; ++t) {
          if (!parse_u64(w[static_cast<std::size_t>(t) + 1], journal.header_sizes[static_cast<std::size_t>(t)])) bad();
        }
        header_complete = true;
      } else {
        bad();
      }
    } else if (w.size() == 1 && w[0] == "done") {
      journal.done = true;
    } else {
      JournalEntry entry;
      std::uint64_t index = 0, ok = 0;
      const std::size_t variables = journal.layout.variables.size(), keys = journal.layout.key_labels.size();
      bool valid = w.size() == 3 + kTableCount + 4 + variables + keys && w[0] == "case" && parse_u64(w[1], index) &&
                   parse_u64(w[2], ok);
      for (int t = 0; valid && t < kTableCount; ++t) {
        valid = parse_u64(w[static_cast<std::size_t>(t) + 3], entry.sizes[static_cast<std::size_t>(t)]);
      }
      const std::size_t v = 3 + kTableCount;
      valid = valid && parse_double(w[v], entry.indicators.simple_payback_years) &&
              parse_double(w[v + 1], entry.indicators.sharing_rate) && parse_double(w[v + 2], entry.indicators.npv_eur) &&
              parse_double(w[v + 3], entry.indicators.losing_apartment_share);
      for (std::size_t g = 0; valid && g < variables; ++g) {
        std::uint64_t group = 0;
        valid = parse_u64(w[v + 4 + g], group) && group < journal.layout.variables[g].values.size();
        entry.groups.push_back(static_cast<std::uint32_t>(group));
      }
      for (std::size_t k = 0; valid && k < keys; ++k) {
        double rate = 0.0;
        valid = parse_double(w[v + 4 + variables + k], rate);
        entry.indicators.key_sharing_rates.push_back(rate);
      }
      const std::size_t expected = journal.first + journal.entries.size();
      if (!valid || index != expected || journal.done) bad();
      entry.index = index;
      entry.ok = ok != 0;
      journal.entries.push_back(entry);
    }
    position = end + 1;
    journal.valid_bytes = position;
  }
  if (!header_complete) {
    // Interrupted before the header was complete: nothing was journalled yet.
    journal = Journal{};
  }
  return journal;
}

void write_summaries(const std::filesystem::path& directory, const Journal& journal, report::CsvStyle style,
                     Language language) {
  std::vector<SummaryCase> cases;
  cases.reserve(journal.entries.size());
  for (const JournalEntry& entry : journal.entries) cases.push_back({entry.ok, entry.groups, entry.indicators});
  write_file_atomically(directory / kSummaryFileName, summary_csv(cases, style));
  write_file_atomically(directory / kGroupSummaryFileName, summary_groups_csv(journal.layout, cases, style));
  write_summary_workbook(directory / kSummaryWorkbookName, journal.layout, cases, language);
}

BatchOutput::BatchOutput(const std::filesystem::path& directory, const std::string& fingerprint, const Shard& shard,
                         std::size_t first, std::size_t last, const TableHeaders& headers, report::CsvStyle style,
                         bool restart, CaseGrouper grouper)
    : directory_(directory), style_(style), grouper_(std::move(grouper)) {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) fail_directory(directory_, fill("kan de uitvoermap niet maken: {}", "cannot create the output directory: {}", {error.message()}));
  journal_.fingerprint = fingerprint;
  journal_.csv_style = style_name(style);
  journal_.shard = shard;
  journal_.first = first;
  journal_.last = last;
  journal_.layout = grouper_.layout();
  const std::filesystem::path journal_path = directory_ / kJournalFileName;
  if (!restart && std::filesystem::exists(journal_path)) {
    const Journal existing = read_journal(journal_path);
    if (existing.fingerprint.empty()) {
      start_afresh(headers);  // the previous run stopped before its first line was complete
      return;
    }
    if (existing.fingerprint != fingerprint || existing.shard.number != shard.number ||
        existing.shard.count != shard.count || existing.first != first || existing.last != last ||
        existing.csv_style != journal_.csv_style) {
      fail_directory(journal_path,
                     Text{"deze map bevat de resultaten van een andere reeks (ander manifest, scenario, andere opties of ander deel); "
                          "kies een andere --out of voeg --restart toe om deze reeks daar opnieuw te beginnen",
                          "this directory holds the results of another batch (other manifest, scenario, options or shard); "
                          "choose another --out or add --restart to start this batch afresh there"});
    }
    journal_ = existing;
    resume();
    return;
  }
  start_afresh(headers);
}

BatchOutput::~BatchOutput() {
  for (std::FILE* file : tables_) {
    if (file != nullptr) std::fclose(file);
  }
  if (journal_file_ != nullptr) std::fclose(journal_file_);
}

void BatchOutput::start_afresh(const TableHeaders& headers) {
  const std::array<const std::string*, kTableCount> texts{&headers.cases, &headers.apartments, &headers.keys,
                                                          &headers.failures};
  for (const char* name : {kSummaryFileName, kGroupSummaryFileName, kSummaryWorkbookName}) std::filesystem::remove(directory_ / name);
  for (int t = 0; t < kTableCount; ++t) {
    const std::filesystem::path path = directory_ / table_file_names()[static_cast<std::size_t>(t)];
    std::filesystem::remove(path);
    if (texts[static_cast<std::size_t>(t)]->empty()) continue;  // keys.csv without compared keys
    std::string content = (style_.byte_order_mark ? std::string("\xEF\xBB\xBF") : std::string()) + *texts[static_cast<std::size_t>(t)];
    write_file_atomically(path, content);
    journal_.header_sizes[static_cast<std::size_t>(t)] = content.size();
  }
  journal_.entries.clear();
  journal_.done = false;
  write_file_atomically(directory_ / kJournalFileName, journal_header_text(journal_));
  open_files();
}

void BatchOutput::resume() {
  const std::filesystem::path journal_path = directory_ / kJournalFileName;
  const std::array<std::uint64_t, kTableCount> sizes =
      journal_.entries.empty() ? journal_.header_sizes : journal_.entries.back().sizes;
  for (int t = 0; t < kTableCount; ++t) {
    const std::size_t k = static_cast<std::size_t>(t);
    if (journal_.header_sizes[k] == 0) continue;
    const std::filesystem::path path = directory_ / table_file_names()[k];
    if (size_on_disk(path) < sizes[k]) {
      fail_directory(path, fill("korter dan zijn logboek zegt ({} bytes); de map werd met de hand veranderd. Voeg --restart toe om opnieuw te beginnen",
                                "shorter than its journal says ({} bytes); the directory was changed by hand. Add --restart to start afresh",
                                {std::to_string(sizes[k])}));
    }
    std::filesystem::resize_file(path, sizes[k]);  // drop rows of cases the journal did not record
  }
  std::filesystem::resize_file(journal_path, journal_.valid_bytes);
  if (journal_.done) {
    // Written completely before: drop the mark, finish() writes it again with the summary.
    journal_.done = false;
    const std::string text = read_text_file(journal_path);
    const std::string mark = "done\n";
    if (text.size() >= mark.size() && text.compare(text.size() - mark.size(), mark.size(), mark) == 0) {
      std::filesystem::resize_file(journal_path, text.size() - mark.size());
    }
  }
  resumed_ = journal_.entries.size();
  open_files();
}

void BatchOutput::open_files() {
  for (int t = 0; t < kTableCount; ++t) {
    const std::size_t k = static_cast<std::size_t>(t);
    if (journal_.header_sizes[k] == 0) continue;
    const std::filesystem::path path = directory_ / table_file_names()[k];
    tables_[k] = std::fopen(path.c_str(), "ab");
    if (tables_[k] == nullptr) fail_directory(path, Text{"kan niet geopend worden om te schrijven", "cannot open for writing"});
  }
  journal_file_ = std::fopen((directory_ / kJournalFileName).c_str(), "ab");
  if (journal_file_ == nullptr) fail_directory(directory_ / kJournalFileName, Text{"kan niet geopend worden om te schrijven", "cannot open for writing"});
}

std::size_t BatchOutput::next_index() const { return journal_.first + journal_.entries.size(); }

std::size_t BatchOutput::failed_cases() const {
  std::size_t failed = 0;
  for (const JournalEntry& entry : journal_.entries) failed += entry.ok ? 0 : 1;
  return failed;
}

void BatchOutput::append(const CaseOutcome& outcome) {
  if (outcome.index != next_index()) {
    throw std::logic_error("batch output: case " + std::to_string(outcome.index) + " out of order (expected " +
                           std::to_string(next_index()) + ")");
  }
  JournalEntry entry;
  entry.index = outcome.index;
  entry.ok = outcome.ok;
  entry.indicators = outcome.indicators;
  entry.groups = grouper_.groups(outcome.index);
  entry.sizes = journal_.entries.empty() ? journal_.header_sizes : journal_.entries.back().sizes;
  const std::array<const std::string*, kTableCount> rows{&outcome.cases_rows, &outcome.apartment_rows, &outcome.key_rows,
                                                         &outcome.failure_rows};
  // Tables first, the journal line last: a line in the journal promises complete rows.
  for (int t = 0; t < kTableCount; ++t) {
    const std::size_t k = static_cast<std::size_t>(t);
    if (tables_[k] == nullptr || rows[k]->empty()) continue;
    if (std::fwrite(rows[k]->data(), 1, rows[k]->size(), tables_[k]) != rows[k]->size() || std::fflush(tables_[k]) != 0) {
      fail_directory(directory_ / table_file_names()[k], Text{"schrijven mislukt (schijf vol?)", "write failed (disk full?)"});
    }
    entry.sizes[k] += rows[k]->size();
  }
  const std::string line = journal_entry_text(entry);
  if (std::fwrite(line.data(), 1, line.size(), journal_file_) != line.size() || std::fflush(journal_file_) != 0) {
    fail_directory(directory_ / kJournalFileName, Text{"schrijven mislukt (schijf vol?)", "write failed (disk full?)"});
  }
  journal_.entries.push_back(entry);
}

void BatchOutput::finish(Language language) {
  write_summaries(directory_, journal_, style_, language);
  const std::string mark = "done\n";
  if (std::fwrite(mark.data(), 1, mark.size(), journal_file_) != mark.size() || std::fflush(journal_file_) != 0) {
    fail_directory(directory_ / kJournalFileName, Text{"schrijven mislukt (schijf vol?)", "write failed (disk full?)"});
  }
  journal_.done = true;
}

}  // namespace deelstroom::batch
