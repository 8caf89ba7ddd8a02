// Batch studies: field paths, overrides, manifests, sweeps, case numbering and the located
// errors of bad manifest rows.
#include <catch2/catch.hpp>

#include "tests/error_of.hpp"

#include <cmath>
#include <filesystem>

#include "core/batch/study.hpp"
#include "core/batch/summary.hpp"
#include "core/batch/output.hpp"

using namespace deelstroom;
using namespace deelstroom::batch;

namespace {

const std::filesystem::path kData = std::filesystem::path(DEELSTROOM_TEST_DATA_DIR) / "batch";

FieldOverride field(const std::string& path, const std::string& value) {
  return {path, parse_field_path(path, {"test.csv", 2, 3, ""}), value, InputLocation{"test.csv", 2, 3, path}};
}

using test::error_of;

}  // namespace

TEST_CASE("field paths split into names, indices and wildcards", "[batch]") {
  const auto steps = parse_field_path("pv.arrays[2].losses.soiling_pct", {});
  REQUIRE(steps.size() == 5);
  CHECK(steps[0].key == "pv");
  CHECK(steps[1].key == "arrays");
  CHECK(steps[2].is_index());
  CHECK(steps[2].index == 2);
  CHECK(steps[4].key == "soiling_pct");
  const auto all = parse_field_path("apartments[*].archetype", {});
  REQUIRE(all.size() == 3);
  CHECK(all[1].is_index());
  CHECK(all[1].index == -1);
  for (const char* bad : {"", "pv..kwp", "pv.arrays[x].kwp", "pv.arrays[1", "[0].kwp", "pv.", "pv arrays", "pv.arrays[-1]"}) {
    INFO(bad);
    const InputError error = error_of([&] { parse_field_path(bad, {"m.csv", 1, 4, ""}); });
    CHECK(error.where().line == 1);
    CHECK(error.where().column == 4);
  }
}

TEST_CASE("overrides keep the type of the field they replace and create missing tables", "[batch]") {
  toml::table document = toml::parse(R"(
seed = 3
[site]
name = "X"
latitude = 50.5
[[apartments]]
id = "A1"
archetype = "couple_retired"
[[apartments]]
id = "A2"
archetype = "student"
)");
  apply_override(document, field("site.latitude", "51"));
  REQUIRE(document.at_path("site.latitude").is_floating_point());
  CHECK(document.at_path("site.latitude").value<double>() == 51.0);
  apply_override(document, field("site.name", "123"));  // text stays text
  CHECK(document.at_path("site.name").value<std::string>() == "123");
  apply_override(document, field("seed", "42"));
  CHECK(document.at_path("seed").value<std::int64_t>() == 42);
  apply_override(document, field("apartments[*].archetype", "single_working"));
  CHECK(document.at_path("apartments[0].archetype").value<std::string>() == "single_working");
  CHECK(document.at_path("apartments[1].archetype").value<std::string>() == "single_working");
  apply_override(document, field("apartments[1].annual_kwh", "2500"));
  CHECK(document.at_path("apartments[1].annual_kwh").value<std::int64_t>() == 2500);
  CHECK(!document.at_path("apartments[0].annual_kwh"));
  apply_override(document, field("tariffs.sharing.internal_price_eur_per_kwh", "0.2"));
  CHECK(document.at_path("tariffs.sharing.internal_price_eur_per_kwh").value<double>() == 0.2);
  apply_override(document, field("key.type", "proportional"));  // a bare word is text
  CHECK(document.at_path("key.type").value<std::string>() == "proportional");
  apply_override(document, field("key.percentages", "[20, 80]"));
  CHECK(document.at_path("key.percentages").as_array()->size() == 2);
  apply_override(document, field("description", "\"42\""));  // quotes force text
  CHECK(document.at_path("description").value<std::string>() == "42");

  const InputError past_end = error_of([&] { apply_override(document, field("apartments[2].archetype", "student")); });
  CHECK(past_end.where().file == "test.csv");
  CHECK(past_end.where().line == 2);
  CHECK(past_end.where().column == 3);
  CHECK_THAT(past_end.message(), Catch::Contains("2 entries"));
  const InputError no_list = error_of([&] { apply_override(document, field("pv.arrays[0].kwp", "10")); });
  CHECK_THAT(no_list.message(), Catch::Contains("no list pv.arrays"));
}

TEST_CASE("an error at a field is blamed on the override that wrote it", "[batch]") {
  CHECK(path_covers(parse_field_path("apartments[*].archetype", {}), "apartments[3].archetype"));
  CHECK(path_covers(parse_field_path("pv.arrays[0]", {}), "pv.arrays[0].kwp"));
  CHECK(path_covers(parse_field_path("key", {}), "key.groups[0].type"));
  CHECK_FALSE(path_covers(parse_field_path("pv.arrays[0].kwp", {}), "pv.arrays[1].kwp"));
  CHECK_FALSE(path_covers(parse_field_path("key.type", {}), "key.types"));
  CHECK_FALSE(path_covers(parse_field_path("site", {}), "sites.name"));
}

TEST_CASE("manifests: comma or semicolon, quoted cells, decimal comma, located errors", "[batch]") {
  const Manifest quoted = parse_manifest("case_id,site.name,pv.arrays[0].kwp\r\n\"a,b\",\"De \"\"Zon\"\"\",10\r\n\r\nc,,12\r\n", "q.csv");
  REQUIRE(quoted.separator == ',');
  REQUIRE(quoted.rows.size() == 2);
  CHECK(quoted.rows[0].case_id == "a,b");
  CHECK(quoted.rows[0].overrides[0].value == "De \"Zon\"");
  CHECK(quoted.rows[1].line == 4);
  REQUIRE(quoted.rows[1].overrides.size() == 1);  // the empty cell overrides nothing
  CHECK(quoted.rows[1].overrides[0].path == "pv.arrays[0].kwp");
  CHECK(quoted.rows[1].overrides[0].where.column == 3);

  const Manifest excel = read_manifest(kData / "excel.csv");
  CHECK(excel.separator == ';');
  REQUIRE(excel.rows.size() == 1);
  CHECK(excel.rows[0].overrides[0].value == "12.5");

  const InputError ragged = error_of([] { parse_manifest("case_id,key.type\na,static,extra\n", "r.csv"); });
  CHECK(ragged.where().line == 2);
  CHECK(ragged.where().column == 3);
  const InputError bad_header = error_of([] { parse_manifest("case_id,key..type\na,static\n", "h.csv"); });
  CHECK(bad_header.where().line == 1);
  CHECK(bad_header.where().column == 2);
  const InputError no_rows = error_of([] { parse_manifest("case_id,key.type\n", "e.csv"); });
  CHECK_THAT(no_rows.message(), Catch::Contains("no rows"));
}

TEST_CASE("sweeps: inclusive ranges and lists", "[batch]") {
  const Sweep range = parse_sweep("pv.arrays[0].kwp=10:60:10");
  CHECK(range.path == "pv.arrays[0].kwp");
  CHECK(range.values == std::vector<std::string>{"10", "20", "30", "40", "50", "60"});
  const Sweep fractional = parse_sweep("tariffs.sharing.internal_price_eur_per_kwh=0.1:0.2:0.05");
  CHECK(fractional.values == std::vector<std::string>{"0.1", "0.15", "0.2"});
  const Sweep list = parse_sweep("key.type=static,proportional,hybrid");
  CHECK(list.values == std::vector<std::string>{"static", "proportional", "hybrid"});
  for (const char* bad : {"key.type", "key.type=", "x=1:2", "x=5:1:1", "x=1:5:0", "x=a:b:c", "x=1,,2", "x=0:nan:1",
                          "x=nan:1:1", "x=0:inf:1", "x=0:1:nan", "x=-inf:0:1", "x=0:1:inf"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_sweep(bad), InputError);
  }
}

TEST_CASE("cases are numbered row-major: manifest row, sweeps in order, draw fastest", "[batch]") {
  StudyDefinition definition;
  definition.base_scenario = kData / "small.toml";
  definition.manifest = read_manifest(kData / "study.csv");
  definition.sweeps.push_back(parse_sweep("key.rounds=1,2"));
  definition.draws = 2;
  const Study study(definition);
  REQUIRE(study.case_count() == 3 * 2 * 2);
  const CaseCoordinates seventh = study.coordinates(7);  // 7 = ((1 * 2) + 1) * 2 + 1
  CHECK(seventh.row == 1);
  CHECK(seventh.sweep_values == std::vector<std::size_t>{1});
  CHECK(seventh.draw == 1);
  CHECK(study.manifest_line(seventh) == 3);
  CHECK(study.case_id(seventh) == "large");

  const CaseScenario large = study.build(7);
  REQUIRE(large.scenario.pv.arrays.size() == 1);
  CHECK(large.scenario.pv.arrays[0].kwp == 20.0);
  CHECK(large.scenario.key.type == "proportional");
  CHECK(large.scenario.key.rounds == 2);
  for (const auto& apartment : large.scenario.apartments) CHECK(apartment.consumption.archetype == "single_working");
  CHECK(large.seed == draw_seed(7, 1));  // the file's seed is 7

  const CaseScenario small = study.build(0);
  CHECK(small.scenario.pv.arrays[0].kwp == 8.0);
  CHECK(small.scenario.apartments[2].consumption.archetype == "family_children");  // empty cell: as in the file
  CHECK(small.seed == draw_seed(7, 0));
}

TEST_CASE("draw seeds are 63-bit, differ per draw and per base seed", "[batch]") {
  CHECK(draw_seed(7, 0) != draw_seed(7, 1));
  CHECK(draw_seed(7, 0) != draw_seed(8, 0));
  CHECK(draw_seed(7, 3) == draw_seed(7, 3));
  for (int d = 0; d < 100; ++d) CHECK(draw_seed(1, d) < (std::uint64_t{1} << 63));
}

TEST_CASE("bad manifest rows give errors at their row and column", "[batch]") {
  StudyDefinition definition;
  definition.base_scenario = kData / "small.toml";
  definition.manifest = read_manifest(kData / "bad_rows.csv");
  const Study study(definition);
  CHECK_NOTHROW(study.build(0));
  const InputError typo = error_of([&] { study.build(1); });
  CHECK(typo.where().file == (kData / "bad_rows.csv").string());
  CHECK(typo.where().line == 3);
  CHECK(typo.where().column == 3);
  CHECK(typo.where().field == "key.type");
  const InputError wrong_type = error_of([&] { study.build(2); });
  CHECK(wrong_type.where().line == 4);
  CHECK(wrong_type.where().column == 2);
  CHECK(wrong_type.where().field == "pv.arrays[0].kwp");

  definition.manifest = read_manifest(kData / "unknown_field.csv");
  const Study unknown(definition);
  const InputError misspelt = error_of([&] { unknown.build(0); });
  CHECK(misspelt.where().line == 2);
  CHECK(misspelt.where().column == 2);
  CHECK(misspelt.where().field == "pv.arrays[0].kwpp");
  CHECK_THAT(misspelt.message(), Catch::Contains("kwp"));  // the did-you-mean hint
}

TEST_CASE("summary quantiles follow Hyndman-Fan definition 7", "[batch]") {
  const std::vector<double> sorted{1.0, 2.0, 3.0, 4.0};
  CHECK(quantile_sorted(sorted, 0.0) == 1.0);
  CHECK(quantile_sorted(sorted, 0.25) == Approx(1.75));  // h = 3 * 0.25 = 0.75
  CHECK(quantile_sorted(sorted, 0.5) == Approx(2.5));
  CHECK(quantile_sorted(sorted, 0.9) == Approx(3.7));    // h = 2.7
  CHECK(quantile_sorted(sorted, 1.0) == 4.0);
  CHECK(std::isnan(quantile_sorted({}, 0.5)));
  const Distribution d = describe({4.0, std::nan(""), 1.0, 3.0, 2.0});
  CHECK(d.defined == 4);
  CHECK(d.undefined == 1);
  CHECK(d.mean == Approx(2.5));
  CHECK(d.min == 1.0);
  CHECK(d.max == 4.0);
  CHECK(d.median == Approx(2.5));
}

TEST_CASE("shards are contiguous slices covering every case once", "[batch]") {
  CHECK(shard_range({1, 3}, 10) == std::pair<std::size_t, std::size_t>{0, 3});
  CHECK(shard_range({2, 3}, 10) == std::pair<std::size_t, std::size_t>{3, 6});
  CHECK(shard_range({3, 3}, 10) == std::pair<std::size_t, std::size_t>{6, 10});
  CHECK(shard_range({1, 1}, 10) == std::pair<std::size_t, std::size_t>{0, 10});
  CHECK(shard_range({4, 4}, 2) == std::pair<std::size_t, std::size_t>{1, 2});
  CHECK(parse_shard("2/5").number == 2);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0"}) CHECK_THROWS_AS(parse_shard(bad), InputError);
}

TEST_CASE("a very long manifest cell is scanned without exhausting the stack", "[batch]") {
  // One million digits with a decimal comma: the old std::regex check recursed once per character.
  const std::string digits(1000000, '7');
  const Manifest long_number = parse_manifest("case_id;pv.arrays[0].kwp\na;" + digits + ",5\n", "long.csv");
  REQUIRE(long_number.rows.size() == 1);
  CHECK(long_number.rows[0].overrides[0].value == digits + ".5");
  const Manifest long_text = parse_manifest("case_id;site.name\na;" + std::string(1000000, 'x') + "\n", "text.csv");
  CHECK(long_text.rows[0].overrides[0].value.size() == 1000000);
  // Only [+-]digits,digits is a decimal comma.
  const Manifest forms = parse_manifest("case_id;a;b;c;d;e\nx;-12,5;+3,25;,5;12,;1,2,3\n", "forms.csv");
  const auto& o = forms.rows[0].overrides;
  REQUIRE(o.size() == 5);
  CHECK(o[0].value == "-12.5");
  CHECK(o[1].value == "+3.25");
  CHECK(o[2].value == ",5");
  CHECK(o[3].value == "12,");
  CHECK(o[4].value == "1,2,3");
}
