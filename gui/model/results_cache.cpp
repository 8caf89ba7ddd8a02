#include "gui/model/results_cache.hpp"

#include "core/simulation/economics_run.hpp"

namespace deelstroom::gui {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point start, Clock::time_point end) {
  return std::chrono::duration<double, std::milli>(end - start).count();
}

namespace {
// Runs `body`; a thrown problem becomes a ComputeError (bad input keeps its field and file).
template <typename Body>
std::optional<ComputeError> capture(Body&& body) {
  try {
    body();
    return std::nullopt;
  } catch (const InputError& error) {
    return ComputeError{error.where().field, Text{error.describe(Language::dutch), error.describe(Language::english)},
                        error.where().file};
  } catch (const std::exception& error) {
    return ComputeError{"", verbatim(error.what()), ""};
  }
}
}  // namespace

ResultsCache::ResultsCache() = default;

ResultsCache::~ResultsCache() {
  // Futures from std::async block in their destructor; waiting here makes the order explicit.
  if (building_job_.valid()) building_job_.wait();
  if (comparison_job_.valid()) comparison_job_.wait();
}

void ResultsCache::request_building(const scenario::Scenario& scenario) {
  if (building_job_.valid()) {
    waiting_request_ = scenario;
    return;
  }
  start_building_job(scenario);
}

void ResultsCache::start_building_job(scenario::Scenario scenario) {
  building_job_start_ = Clock::now();
  building_job_ = std::async(std::launch::async, [this, scenario = std::move(scenario)]() {
    BuildingJobResult result;
    result.error = capture([&]() {
      result.building = std::make_shared<simulation::PreparedBuilding>(simulation::prepare_building(scenario, caches_));
    });
    return result;
  });
}

double ResultsCache::building_busy_seconds() const {
  if (!building_job_.valid()) return 0.0;
  return elapsed_ms(building_job_start_, Clock::now()) / 1000.0;
}

bool ResultsCache::poll() {
  bool arrived = false;
  if (building_job_.valid() && building_job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    BuildingJobResult done = building_job_.get();
    // A newer request waiting makes this result stale: start the newer one, drop this one.
    if (waiting_request_) {
      start_building_job(std::move(*waiting_request_));
      waiting_request_.reset();
    } else if (done.building) {
      if (comparison_job_.valid()) comparison_job_.wait();  // it reads the old building
      building_ = std::move(done.building);
      applied_tariff_.reset();
      base_energy_.reset();
      building_error_.reset();
      arrived = true;
    } else {
      building_error_ = done.error;
    }
  }
  if (comparison_job_.valid() && comparison_job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    // A failed comparison counts as done for its generation (with the error), so it is not
    // started again every frame.
    comparison_.clear();
    comparison_error_ = capture([&]() { comparison_ = comparison_job_.get(); });
    comparison_generation_ = comparison_job_generation_;
  }
  return arrived;
}

namespace {
// The fields of the energy contract that decide the tariff period of each quarter-hour and
// the base energy (the prices do not).
bool same_periods(const economics::EnergyTariff& a, const economics::EnergyTariff& b) {
  return a.contract == b.contract && a.night_start_hour == b.night_start_hour && a.night_end_hour == b.night_end_hour &&
         a.weekend_is_night == b.weekend_is_night && a.holidays_are_night == b.holidays_are_night &&
         a.day_ahead_eur_per_mwh == b.day_ahead_eur_per_mwh;
}
}  // namespace

void ResultsCache::ensure_tariff_periods(const scenario::Scenario& scenario) {
  const economics::EnergyTariff& tariff = scenario.economics.tariffs.energy;
  if (applied_tariff_ && same_periods(*applied_tariff_, tariff) && base_energy_) return;
  if (comparison_job_.valid()) comparison_job_.wait();  // it reads the building we change
  simulation::apply_tariff_periods(*building_, tariff);
  base_energy_ = simulation::building_base_energy(scenario, *building_);
  applied_tariff_ = tariff;
}

bool ResultsCache::recompute_light(const scenario::Scenario& scenario) {
  if (!building_) return false;
  // A building prepared for another apartment list cannot take this scenario's key: wait for
  // the background job that is preparing the right one.
  if (building_->series.apartment_count() != static_cast<int>(scenario.apartments.size())) return false;
  const auto start = Clock::now();
  auto next = std::make_unique<Results>();
  light_error_ = capture([&]() {
    ensure_tariff_periods(scenario);
    next->run = simulation::run_key(scenario, *building_, scenario.key, true);
  });
  if (light_error_) return false;
  next->key_ms = elapsed_ms(start, Clock::now());
  basis_.reset();
  next->money_error = capture([&]() {
    // run_economics in two steps (economics_basis + evaluate_economics, as run_economics does)
    // so the basis can be kept for money-only changes.
    const economics::BasisShortcuts shortcuts{&*base_energy_, &next->run.settlement};
    basis_ = simulation::economics_basis(scenario, *building_, next->run.key, shortcuts);
    next->money = economics::evaluate_economics(*basis_, simulation::economic_apartments(scenario), scenario.economics,
                                                simulation::installed_kwp(*building_));
  });
  next->building = building_;
  next->scenario = scenario;
  next->light_ms = elapsed_ms(start, Clock::now());
  results_ = std::move(next);
  ++generation_;
  return true;
}

bool ResultsCache::recompute_money(const scenario::Scenario& scenario) {
  if (!results_ || !basis_ || !applied_tariff_) return recompute_light(scenario);
  const economics::Analysis& analysis = scenario.economics.analysis;
  const bool basis_fits = same_periods(*applied_tariff_, scenario.economics.tariffs.energy) &&
                          basis_->horizon_years == analysis.horizon_years &&
                          basis_->evaluation == analysis.year_evaluation &&
                          basis_->degradation_per_year == analysis.degradation_per_year &&
                          results_->scenario.apartments.size() == scenario.apartments.size();
  if (!basis_fits) return recompute_light(scenario);
  const auto start = Clock::now();
  results_->money.reset();
  results_->money_error = capture([&]() {
    results_->money = economics::evaluate_economics(*basis_, simulation::economic_apartments(scenario),
                                                    scenario.economics, simulation::installed_kwp(*building_));
  });
  results_->scenario = scenario;
  results_->key_ms = 0.0;
  results_->money_only = true;
  results_->light_ms = elapsed_ms(start, Clock::now());
  ++generation_;
  return true;
}

void ResultsCache::request_comparison(bool dutch) {
  if (!results_ || comparison_job_.valid() || comparison_generation_ == generation_) return;
  comparison_job_generation_ = generation_;
  // The job gets its own copy of the scenario and shares the (read-only) building.
  comparison_job_ = std::async(std::launch::async, [scenario = results_->scenario, building = building_, dutch]() {
    return simulation::compare_keys(scenario, *building, dutch, true);
  });
}

const std::vector<simulation::ComparedKey>* ResultsCache::comparison() const {
  return comparison_generation_ == generation_ ? &comparison_ : nullptr;
}

bool ResultsCache::wait_idle(double timeout_seconds) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_seconds);
  if (building_job_.valid() && building_job_.wait_until(deadline) != std::future_status::ready) return false;
  if (comparison_job_.valid() && comparison_job_.wait_until(deadline) != std::future_status::ready) return false;
  return true;
}

}  // namespace deelstroom::gui
