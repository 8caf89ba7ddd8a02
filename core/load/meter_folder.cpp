#include "core/load/meter_folder.hpp"

#include <algorithm>
#include <cctype>

#include "core/common/error.hpp"

namespace deelstroom::load {

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string digits_of(const std::string& text) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) digits += c;
  }
  return digits;
}

bool word_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

bool file_name_names(const std::filesystem::path& file, const std::string& id) {
  const std::string stem = lower(file.stem().string());
  const std::string wanted = lower(id);
  if (wanted.empty()) return false;
  for (std::size_t at = stem.find(wanted); at != std::string::npos; at = stem.find(wanted, at + 1)) {
    const bool starts = at == 0 || !word_character(stem[at - 1]);
    const std::size_t end = at + wanted.size();
    // "2.1" is not in "2.10", "A1" not in "A12"; a '.' after the id only counts when no digit follows.
    const bool ends = end == stem.size() || (!word_character(stem[end]) &&
                                             !(stem[end] == '.' && end + 1 < stem.size() && word_character(stem[end + 1])));
    if (starts && ends) return true;
  }
  return false;
}

std::vector<std::filesystem::path> meter_files(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
        const std::string extension = lower(entry.path().extension().string());
        if (entry.is_regular_file() && (extension == ".csv" || extension == ".txt")) found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      throw InputError({path.string(), 0, 0, ""}, Text{"bestaat niet (verwacht een map met meterexports of een CSV-bestand)",
                                                       "does not exist (expected a folder of meter exports or a CSV file)"});
    }
  }
  return files;
}

MeterFolderImport import_meter_files(const std::vector<std::filesystem::path>& files, const std::vector<MeterTarget>& targets,
                                     const ProfileContext& context) {
  MeterFolderImport result;
  std::vector<int> file_of(targets.size(), -1);
  std::vector<MeterMatch> candidates;
  for (std::size_t f = 0; f < files.size(); ++f) {
    const SeriesFile series = read_series_file(files[f], context);
    const std::string meter = digits_of(series.quality.ean);
    std::vector<std::size_t> by_ean, by_name;
    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (!meter.empty() && !targets[t].ean.empty() && digits_of(targets[t].ean) == meter) by_ean.push_back(t);
      if (file_name_names(files[f], targets[t].id)) by_name.push_back(t);
    }
    const std::vector<std::size_t>& fits = by_ean.empty() ? by_name : by_ean;
    if (fits.size() > 1) {
      throw InputError({files[f].string(), 0, 0, ""},
                       fill("past bij twee appartementen ({} en {}); geef de appartementen hun EAN (ean = \"...\") of hernoem het bestand",
                            "fits two apartments ({} and {}); give the apartments their EAN (ean = \"...\") or rename the file",
                            {targets[fits[0]].id, targets[fits[1]].id}));
    }
    if (fits.empty()) {
      result.unmatched_files.push_back(files[f]);
      continue;
    }
    const std::size_t t = fits.front();
    if (file_of[t] >= 0) {
      throw InputError({files[f].string(), 0, 0, ""},
                       fill("appartement {} heeft al een bestand: {}; houd er één", "apartment {} already has a file: {}; keep one",
                            {targets[t].id, files[static_cast<std::size_t>(file_of[t])].string()}));
    }
    file_of[t] = static_cast<int>(f);
    candidates.push_back({t, files[f], by_ean.empty() ? "file name" : "ean", series.quality});
  }
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const auto match = std::find_if(candidates.begin(), candidates.end(), [&](const MeterMatch& m) { return m.apartment == t; });
    if (match == candidates.end()) {
      result.apartments_without_file.push_back(targets[t].id);
    } else {
      result.matches.push_back(*match);
    }
  }
  return result;
}

}  // namespace deelstroom::load
