// deelstroom batch [MANIFEST]: many cases (manifest rows x sweeps x draws) in parallel,
// written as they finish in case order, resumable, sliceable (--shard) and spread over MPI
// ranks in an MPI build. Thin: the core runs and writes the cases; this file parses the
// command line, shows progress and, with MPI, moves outcomes between ranks.
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <thread>

#ifdef DEELSTROOM_HAVE_MPI
#include <mpi.h>
#endif

#include "cli/cli_support.hpp"
#include "cli/mpi_session.hpp"
#include "cli/commands.hpp"
#include "core/batch/execute.hpp"
#include "core/batch/output.hpp"
#include "core/common/atomic_file.hpp"

namespace deelstroom::cli {

namespace {

// A signal handler can only reach state that outlives every call: this flag is the one global
// of the batch command (set by SIGINT/SIGTERM, read by the writer loop).
std::atomic<bool> g_stop_requested{false};

extern "C" void request_stop(int) { g_stop_requested.store(true); }

struct BatchSettings {
  batch::StudyDefinition definition;
  batch::CaseOptions case_options;
  std::vector<std::string> fingerprint_parts;
  std::filesystem::path out;
  batch::Shard shard;
  int threads = 1;
  bool fail_fast = false;
  bool restart = false;
  double progress_seconds = 10.0;
};

/// Progress on stderr: a bar redrawn in place on a terminal, a plain line every few seconds
/// otherwise (logs of cluster jobs).
class Progress {
 public:
  Progress(std::ostream& err, std::size_t total, std::size_t already, double plain_every_seconds, Language language)
      : err_(err), total_(total), already_(already), plain_every_(plain_every_seconds), language_(language),
        terminal_(isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()), last_(start_) {}

  void update(std::size_t written, std::size_t failed, bool final = false) {
    const auto now = std::chrono::steady_clock::now();
    const double since_last = std::chrono::duration<double>(now - last_).count();
    if (!final && since_last < (terminal_ ? 0.2 : plain_every_)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0.0 ? static_cast<double>(written) / elapsed : 0.0;
    const std::size_t done = already_ + written;
    const double left = rate > 0.0 ? static_cast<double>(total_ - done) / rate : 0.0;
    const double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    char line[200];
    if (terminal_) {
      constexpr int kWidth = 30;
      const int filled = static_cast<int>(fraction * kWidth);
      const bool nl = language_ == Language::dutch;
      std::snprintf(line, sizeof line, nl ? "\r[%-*s] %zu/%zu %5.1f%%  %.1f gevallen/s  nog %s  mislukt %zu "
                                          : "\r[%-*s] %zu/%zu %5.1f%%  %.1f cases/s  ETA %s  failed %zu ",
                    kWidth, std::string(static_cast<std::size_t>(filled), '#').c_str(), done, total_, 100.0 * fraction, rate,
                    duration_text(left).c_str(), failed);
      err_ << line << (final ? "\n" : "") << std::flush;
    } else {
      std::snprintf(line, sizeof line,
                    language_ == Language::dutch ? "batch: %zu/%zu gevallen (%.1f%%), %.1f gevallen/s, nog %s, %zu mislukt\n"
                                                 : "batch: %zu/%zu cases (%.1f%%), %.1f cases/s, %s left, %zu failed\n",
                    done, total_, 100.0 * fraction, rate, duration_text(left).c_str(), failed);
      err_ << line << std::flush;
    }
  }

 private:
  static std::string duration_text(double seconds) {
    const long long s = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) {
      std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    } else {
      std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
    }
    return text;
  }

  std::ostream& err_;
  std::size_t total_, already_;
  double plain_every_;
  Language language_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_, last_;
};

#ifdef DEELSTROOM_HAVE_MPI
constexpr int kOutcomeTag = 51;

batch::ProcessGroup mpi_group() {
  batch::ProcessGroup group;
  MPI_Comm_rank(MPI_COMM_WORLD, &group.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &group.size);
  group.send_to_root = [](const std::string& bytes) {
    MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kOutcomeTag, MPI_COMM_WORLD);
  };
  group.receive_from = [](int from) {
    MPI_Status status;
    MPI_Probe(from, kOutcomeTag, MPI_COMM_WORLD, &status);
    int size = 0;
    MPI_Get_count(&status, MPI_BYTE, &size);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    MPI_Recv(bytes.data(), size, MPI_BYTE, from, kOutcomeTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return bytes;
  };
  return group;
}

#endif

/// Broadcasts the first case to compute from the root (which read the journal) to every rank.
std::size_t agree_first(std::size_t first, const batch::ProcessGroup& group) {
#ifdef DEELSTROOM_HAVE_MPI
  if (group.size > 1) {
    unsigned long long value = first;
    MPI_Bcast(&value, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
    return static_cast<std::size_t>(value);
  }
#endif
  (void)group;
  return first;
}

/// Ends every rank when the root stops early (the other ranks would wait to send forever).
void abort_group(const batch::ProcessGroup& group, int code) {
#ifdef DEELSTROOM_HAVE_MPI
  if (group.size > 1) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  (void)group;
  (void)code;
}

int run_batch(const BatchSettings& settings, const batch::Study& study, const batch::ProcessGroup& group,
              Language language, std::ostream& out, std::ostream& err, bool quiet) {
  const auto [first, last] = batch::shard_range(settings.shard, study.case_count());
  const std::string fingerprint = batch::fingerprint_of(settings.fingerprint_parts);
  std::unique_ptr<batch::BatchOutput> output;
  std::size_t start = first;
  if (group.rank == 0) {
    try {
      output = std::make_unique<batch::BatchOutput>(settings.out, fingerprint, settings.shard, first, last,
                                                    batch::table_headers(study, settings.case_options),
                                                    settings.case_options.csv_style, settings.restart,
                                                    batch::CaseGrouper(study, settings.case_options));
    } catch (const std::exception& error) {
      if (group.size > 1) {
        err << "deelstroom batch: " << describe_error(error, language) << "\n";
        abort_group(group, kExitFailure);  // the other ranks wait for the first case
      }
      throw;
    }
    start = output->next_index();
    if (!quiet && output->resumed_cases() > 0) {
      err << tr(language, "hervat: ", "resuming: ") << output->resumed_cases() << tr(language, " gevallen al klaar in ", " cases already done in ")
          << settings.out.string() << "\n";
    }
  }
  start = agree_first(start, group);

  simulation::SimulationCaches caches;
  batch::ExecuteOptions options;
  options.threads = settings.threads;
  options.fail_fast = settings.fail_fast;
  options.stop = &g_stop_requested;
  Progress progress(err, last - first, start - first, settings.progress_seconds, language);
  if (!quiet && group.rank == 0) options.progress = [&](std::size_t written, std::size_t failed) { progress.update(written, failed); };
  const batch::ExecuteResult result =
      batch::execute_cases(study, settings.case_options, start, last, output.get(), group, options, caches);
  if (group.rank != 0) return kExitOk;
  if (!quiet) progress.update(result.written, result.failed, true);

  const std::size_t failed_total = output->failed_cases();
  if (result.stopped) {
    err << tr(language, "gestopt na ", "stopped after ") << output->next_index() - first << "/" << last - first
        << tr(language, " gevallen; dezelfde opdracht opnieuw geven gaat verder.\n",
              " cases; run the same command again to continue.\n");
    if (settings.fail_fast && !result.first_failure.empty()) err << result.first_failure << "\n";
    output.reset();
    abort_group(group, kExitFailure);
    return settings.fail_fast && result.failed > 0 ? kExitFailure : 130;
  }
  output->finish(language);
  if (settings.fail_fast && result.failed > 0) {
    // The failing case was the last one: the batch is complete, but --fail-fast still reports it.
    err << result.first_failure << "\n";
    return kExitFailure;
  }
  if (!quiet) {
    out << tr(language, "klaar: ", "done: ") << last - first << tr(language, " gevallen, ", " cases, ") << failed_total
        << tr(language, " mislukt; resultaten in ", " failed; results in ") << settings.out.string() << "\n";
    out << read_text_file(settings.out / batch::kSummaryFileName);
    out << tr(language, "per variabele en sleutel: ", "by variable and key: ")
        << (settings.out / batch::kGroupSummaryFileName).string() << ", " << (settings.out / batch::kSummaryWorkbookName).string()
        << "\n";
  }
  if (failed_total > 0) {
    // Also with --quiet: a script must not mistake a batch with failures for a clean one.
    err << "deelstroom batch: " << failed_total << tr(language, " van ", " of ") << last - first
        << tr(language, " gevallen mislukt; zie ", " cases failed; see ") << (settings.out / "failures.csv").string();
    if (!result.first_failure.empty()) err << tr(language, "; eerste: ", "; first: ") << result.first_failure;
    err << "\n";
    return kExitCasesFailed;
  }
  return kExitOk;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

/// --bench: the same batch for each thread count into a scratch directory, timed.
int run_bench(BatchSettings settings, const batch::Study& study, const std::string& thread_list, std::ostream& out,
              std::ostream& err) {
  out << "deelstroom batch --bench: " << study.case_count() << " cases, " << std::thread::hardware_concurrency()
      << " hardware threads\n";
  std::vector<int> counts;
  for (std::size_t start = 0; start <= thread_list.size();) {
    const std::size_t comma = thread_list.find(',', start);
    counts.push_back(std::stoi(thread_list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  const std::filesystem::path scratch =
      std::filesystem::temp_directory_path() / ("deelstroom-batch-bench-" + std::to_string(getpid()));
  for (int threads : counts) {
    settings.threads = std::max(1, threads);
    settings.out = scratch / std::to_string(threads);
    settings.restart = true;
    const auto begin = std::chrono::steady_clock::now();
    const int code = run_batch(settings, study, batch::ProcessGroup{}, Language::english, out, err, true);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    if (code != kExitOk && code != kExitCasesFailed) return code;
    char line[200];
    std::snprintf(line, sizeof line, "  %d thread(s): %8.2f s  %8.1f cases/s  %7.2f ms/case  peak RSS so far %.1f MB\n",
                  threads, seconds, static_cast<double>(study.case_count()) / seconds,
                  1000.0 * seconds / static_cast<double>(study.case_count()), static_cast<double>(peak_rss_kib()) / 1024.0);
    out << line << std::flush;
  }
  std::filesystem::remove_all(scratch);
  return kExitOk;
}

}  // namespace

int batch_command(const Arguments& args, std::ostream& out, std::ostream& err) {
  return guarded(err, "batch", args, [&]() {
    po::options_description options("Options / opties");
    add_common_options(options);
    options.add_options()("manifest", po::value<std::string>(), "CSV, one row per case: columns are field paths (pv.arrays[0].kwp, key.type, apartments[*].archetype), case_id, scenario")(
        "scenario", po::value<std::string>(), "base scenario for rows without their own (default: the example building)")(
        "sweep", po::value<std::vector<std::string>>()->composing(), "path=from:to:step or path=v1,v2 (repeatable; Cartesian product)")(
        "draws", po::value<int>()->default_value(0), "Monte Carlo: N profile draws per case (seed = hash of scenario seed and draw)")(
        "keys", po::value<std::string>(), "also compare these keys per case into keys.csv, e.g. static:equal,static:shares:3,proportional")(
        "out", po::value<std::string>(), "output directory (cases.csv, apartments.csv, keys.csv, failures.csv, summary.csv, journal.txt)")(
        "threads", po::value<int>()->default_value(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))), "worker threads")(
        "csv-style", po::value<std::string>()->default_value("tidy"), "tidy (',' and '.') or excel-be (';' and ',')")(
        "shard", po::value<std::string>()->default_value("1/1"), "K/N: run only slice K of N (then: deelstroom merge)")(
        "fail-fast", "stop at the first failing case")("restart", "discard earlier results in --out and start afresh")(
        "progress-seconds", po::value<double>()->default_value(10.0), "interval of the plain progress lines when stderr is not a terminal")(
        "quiet", "no progress and no summary on the terminal")(
        "bench", "time the batch for --bench-threads thread counts (scratch output) and print cases/s and peak memory")(
        "bench-threads", po::value<std::string>()->default_value("1,2"), "thread counts for --bench");
    po::positional_options_description positional;
    positional.add("manifest", 1);
    const po::variables_map values = parse_arguments(args, options, positional);
    if (values.count("help") != 0) {
      print_usage(out, "batch [MANIFEST] [--scenario BASE] [--sweep PATH=VALUES]... [--draws N] --out DIR",
                  "Runs many cases in parallel and writes tidy tables as they finish; rerun the same command to resume.\n"
                  "Rekent veel gevallen parallel door; dezelfde opdracht opnieuw geven hervat een onderbroken batch.",
                  options);
      return kExitOk;
    }
    const Language language = language_from(values);
    BatchSettings settings;
    settings.definition.base_scenario = scenario_argument(values);
    settings.fingerprint_parts.push_back(DEELSTROOM_VERSION);
    settings.fingerprint_parts.push_back(read_text_file(settings.definition.base_scenario));
    if (values.count("manifest") != 0) {
      const std::filesystem::path manifest = values["manifest"].as<std::string>();
      settings.definition.manifest = batch::read_manifest(manifest);
      settings.fingerprint_parts.push_back(read_text_file(manifest));
    }
    if (values.count("sweep") != 0) {
      for (const std::string& spec : values["sweep"].as<std::vector<std::string>>()) {
        settings.definition.sweeps.push_back(batch::parse_sweep(spec));
        settings.fingerprint_parts.push_back("sweep " + spec);
      }
    }
    settings.definition.draws = values["draws"].as<int>();
    if (settings.definition.draws < 0) throw UsageError(Text{"--draws verwacht 0 of meer", "--draws expects 0 or more"});
    settings.fingerprint_parts.push_back("draws " + std::to_string(settings.definition.draws));
    if (values.count("keys") != 0) {
      settings.case_options.compared_keys = batch::parse_key_specs(values["keys"].as<std::string>());
      settings.fingerprint_parts.push_back("keys " + values["keys"].as<std::string>());
    }
    settings.case_options.csv_style = report::csv_style_by_name(values["csv-style"].as<std::string>());
    settings.fingerprint_parts.push_back("style " + values["csv-style"].as<std::string>());
    // The reasons in failures.csv are in the chosen language: a resumed batch keeps it.
    settings.case_options.language = language;
    settings.fingerprint_parts.push_back(std::string("lang ") + (language == Language::dutch ? "nl" : "en"));
    settings.shard = batch::parse_shard(values["shard"].as<std::string>());
    settings.threads = std::max(1, values["threads"].as<int>());
    settings.fail_fast = values.count("fail-fast") != 0;
    settings.restart = values.count("restart") != 0;
    settings.progress_seconds = values["progress-seconds"].as<double>();
    const bool quiet = values.count("quiet") != 0;

    const batch::Study study(settings.definition);
    if (values.count("bench") != 0) return run_bench(settings, study, values["bench-threads"].as<std::string>(), out, err);
    if (values.count("out") == 0) throw UsageError(Text{"--out MAP is nodig (de resultaten worden er geschreven terwijl de batch loopt)",
                                                  "--out DIR is required (the results are written there as the batch goes)"});
    settings.out = values["out"].as<std::string>();

    g_stop_requested.store(false);
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
#ifdef DEELSTROOM_HAVE_MPI
    MpiSession mpi;
    const batch::ProcessGroup group = mpi.active ? mpi_group() : batch::ProcessGroup{};
#else
    const batch::ProcessGroup group;
#endif
    const int code = run_batch(settings, study, group, language, out, err, quiet || group.rank != 0);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return code;
  });
}

}  // namespace deelstroom::cli
