#!/usr/bin/python3
"""Checks that the adviser's report and workbook show the figures of `deelstroom run --json`.

Usage: check_report.py RUN.json [--keys KEYS.json] [--html REPORT.html] [--xlsx BOOK.xlsx] [--lang nl|en]

RUN.json is the output of `deelstroom run --json`, KEYS.json that of `deelstroom compare-keys
--json` for the same scenario (optional: then every key's row is checked too).

HTML (the exact values of the data-value attributes): per apartment shared kWh, occupant saving
per year, owner investment, owner NPV, simple payback and total NPV; the building's production,
common self-consumption, shared and injected kWh; the chosen key's row of the key comparison;
the association's investment, NPV and payback; the sensitivity table's "as in the scenario" row.

The HTML names the tool's version and carries a fingerprint; the workbook's summary holds the
same version and (with --html) the same fingerprint.

Workbook: the five sheets in the asked language; the summary; per apartment the bills, saving,
investment, NPVs, payback and IRR; per month the building's and each apartment's kWh; the
association's and each apartment's cash flow per year (and the association's cumulative one,
summed here); the quarter-hour sheet's row count and its column sums against the year totals.

Exit 0 when every figure agrees (relative 1e-9), 1 with the differences listed, 77 when the
workbook cannot be read here (no openpyxl).
"""
import argparse
import datetime
import html
import html.parser
import json
import math
import os
import re
import sys
import zipfile

SHEETS = {
    "nl": ["Conclusie", "Samenvatting", "Appartementen", "Maanden", "Kasstromen", "Kwartieren", "Sleutels"],
    "en": ["Conclusion", "Summary", "Apartments", "Monthly", "Cash flows", "Quarter-hours", "Keys"],
}


def close(a, b, rel=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=1e-9)


def compare(problems, what, shown, expected, rel=1e-9):
    """Adds a line to `problems` when `shown` differs from `expected`."""
    if not close(shown, expected, rel):
        problems.append(f"{what}: {shown} != {expected}")


def sheet_rows(sheet, ids, problems):
    """The sheet's rows after the header, as dicts keyed by the field ids of the columns in
    their order (the header itself holds titles in the report's language, with units: it must
    have as many columns and no raw identifier)."""
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0] if rows else ()
    if len(header) != len(ids):
        problems.append(f"sheet {sheet.title}: {len(header)} columns, expected {len(ids)}")
    for title in header:
        if title is None or "_" in str(title):
            problems.append(f"sheet {sheet.title}: column title {title!r} looks like an identifier")
    return [dict(zip(ids, r)) for r in rows[1:]]


class Tables(html.parser.HTMLParser):
    """Collects, per table id, the data-value cells of each row, keyed by the row's
    data-apartment attribute or else by the text of its first cell."""

    def __init__(self):
        super().__init__()
        self.tables = {}
        self.table = None
        self.row = None
        self.first_cell_text = None
        self.in_first_cell = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.table = a.get("id")
            if self.table:
                self.tables[self.table] = []
        elif tag == "tr" and self.table:
            self.row = {"key": a.get("data-apartment"), "text": "", "values": []}
            self.in_first_cell = False
        elif tag == "td" and self.row is not None:
            if "data-value" in a:
                v = a["data-value"]
                self.row["values"].append(None if v == "null" else float(v))
            elif not self.row["values"] and not self.row["text"]:
                self.in_first_cell = True

    def handle_data(self, data):
        if self.in_first_cell and self.row is not None:
            self.row["text"] += data

    def handle_endtag(self, tag):
        if tag == "td":
            self.in_first_cell = False
        elif tag == "tr" and self.row is not None:
            if self.row["values"]:
                self.tables[self.table].append(self.row)
            self.row = None
        elif tag == "table":
            self.table = None


def html_fingerprint(text):
    match = re.search(r"<code id='fingerprint'>([0-9a-f]{16})</code>", text)
    return match.group(1) if match else None


def check_html(run, keys, path, problems):
    text = open(path, encoding="utf-8").read()
    if f"deelstroom {run['version']}" not in text:
        problems.append(f"HTML does not name deelstroom {run['version']}")
    if html_fingerprint(text) is None:
        problems.append("HTML has no scenario fingerprint")
    parser = Tables()
    parser.feed(text)
    tables = parser.tables

    rows = {r["key"]: r["values"] for r in tables.get("apartments", [])}
    if len(rows) != len(run["apartments"]):
        problems.append(f"HTML has {len(rows)} apartment rows, JSON {len(run['apartments'])}")
    fields = ["shared_kwh", "occupant_saving_eur_per_year", "owner_investment_eur", "owner_npv_eur",
              "simple_payback_years", "npv_eur"]
    for apartment in run["apartments"]:
        cells = rows.get(apartment["id"], [])
        if len(cells) != len(fields):
            problems.append(f"HTML row {apartment['id']}: {len(cells)} values")
            continue
        for field, shown in zip(fields, cells):
            compare(problems, f"HTML {apartment['id']} {field}", shown, apartment[field])

    def expect(table, row_index, column, value, what):
        try:
            shown = tables[table][row_index]["values"][column]
        except (KeyError, IndexError):
            problems.append(f"HTML table {table} lacks {what}")
            return
        if not close(shown, value):
            problems.append(f"HTML {table} {what}: {shown} != {value}")

    building, association = run["building"], run["association"]
    for index, field in enumerate(["production_kwh", "common_self_consumption_kwh", "shared_kwh", "injected_kwh"]):
        expect("production", index, 0, building[field], field)
    # The first row of the key comparison is the scenario's own key.
    expect("keys", 0, 0, building["shared_kwh"], "chosen key shared_kwh")
    expect("keys", 0, 1, association["npv_eur"], "chosen key npv_eur")
    expect("keys", 0, 2, association["simple_payback_years"], "chosen key payback")
    expect("keys", 0, 3, min(a["npv_eur"] for a in run["apartments"]), "chosen key lowest apartment NPV")
    expect("keys", 0, 4, sum(1 for a in run["apartments"] if a["npv_eur"] < 0), "chosen key apartments below 0")
    if keys is not None:
        if len(tables.get("keys", [])) != len(keys["keys"]):
            problems.append(f"HTML compares {len(tables.get('keys', []))} keys, compare-keys {len(keys['keys'])}")
        for k, key in enumerate(keys["keys"]):
            npvs = [a["npv_eur"] for a in key["apartments"]]
            expect("keys", k, 0, key["shared_kwh"], f"key {k} shared_kwh")
            expect("keys", k, 1, key["association"]["npv_eur"], f"key {k} npv_eur")
            expect("keys", k, 2, key["association"]["simple_payback_years"], f"key {k} payback")
            expect("keys", k, 3, min(npvs), f"key {k} lowest apartment NPV")
            expect("keys", k, 4, sum(1 for v in npvs if v < 0), f"key {k} apartments below 0")
    expect("association", 0, 0, association["investment_eur"], "investment_eur")
    expect("association", 1, 0, association["npv_eur"], "npv_eur")
    expect("association", 2, 0, association["simple_payback_years"], "simple_payback_years")
    # Sensitivity: 5 cases, the first is the scenario as it is.
    if len(tables.get("sensitivity", [])) != 5:
        problems.append(f"HTML sensitivity has {len(tables.get('sensitivity', []))} rows, expected 5")
    expect("sensitivity", 0, 0, association["npv_eur"], "as-is npv_eur")
    expect("sensitivity", 0, 1, association["simple_payback_years"], "as-is payback")
    expect("sensitivity", 0, 2, sum(a["npv_eur"] for a in run["apartments"]), "as-is apartments' NPV")


def check_workbook(run, keys, path, language, fingerprint, problems):
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    names = book.sheetnames
    if names != SHEETS[language]:
        problems.append(f"workbook sheets {names}, expected {SHEETS[language]}")
        return
    # Same inputs, same bytes: the creation stamp is 1 January of the simulated year, not "now".
    created = book.properties.created
    if created is None or (created.year, created.month, created.day, created.hour) != (run["scenario"]["year"], 1, 1, 0):
        problems.append(f"workbook created {created}, expected {run['scenario']['year']}-01-01 00:00")
    if fingerprint is not None and fingerprint not in (book.properties.description or ""):
        problems.append(f"workbook properties {book.properties.description!r} lack the fingerprint {fingerprint}")
    conclusion_sheet, summary_rows, apartments_sheet, monthly_sheet, flows_sheet, quarters_sheet, keys_sheet = (
        book[n] for n in names)
    recommended = "Aanbevolen sleutel" if language == "nl" else "Recommended key"
    if recommended not in [r[0] for r in conclusion_sheet.iter_rows(values_only=True)]:
        problems.append(f"conclusion sheet lacks the line {recommended!r}")
    ids = [a["id"] for a in run["apartments"]]
    building, association = run["building"], run["association"]

    summary = [r for r in summary_rows.iter_rows(values_only=True)][1:]
    expected_summary = [building["production_kwh"], building["common_self_consumption_kwh"], building["shared_kwh"],
                        building["injected_kwh"], building["sharing_rate"], building["self_consumption_rate"],
                        association["investment_eur"], association["npv_eur"], association["simple_payback_years"]]
    by_label = {r[0]: r[1] for r in summary}
    version_label, fingerprint_label = (("Versie deelstroom", "Scenario-vingerafdruk") if language == "nl"
                                        else ("deelstroom version", "Scenario fingerprint"))
    if by_label.get(version_label) != run["version"]:
        problems.append(f"workbook version {by_label.get(version_label)} != {run['version']}")
    if fingerprint is not None and by_label.get(fingerprint_label) != fingerprint:
        problems.append(f"workbook fingerprint {by_label.get(fingerprint_label)} != HTML {fingerprint}")
    for index, value in enumerate(expected_summary):
        shown = summary[index][1] if index < len(summary) else "missing"
        if not close(shown, value):
            problems.append(f"workbook summary row {index + 2} ({summary[index][0] if index < len(summary) else '?'}): "
                            f"{shown} != {value}")

    apartment_fields = ["apartment", "household", "shares", "offtake_kwh", "shared_kwh", "bill_no_pv_eur", "bill_with_sharing_eur",
                        "occupant_saving_eur_per_year", "owner_investment_eur", "owner_npv_eur", "simple_payback_years",
                        "npv_eur", "irr"]
    by_id = {str(r["apartment"]): r for r in sheet_rows(apartments_sheet, apartment_fields, problems)}
    if len(by_id) != len(run["apartments"]):
        problems.append(f"workbook has {len(by_id)} apartments, JSON {len(run['apartments'])}")
    for apartment in run["apartments"]:
        row = by_id.get(apartment["id"])
        if row is None:
            problems.append(f"workbook lacks {apartment['id']}")
            continue
        for field in ["shares", "offtake_kwh", "shared_kwh", "bill_no_pv_eur", "bill_with_sharing_eur",
                      "occupant_saving_eur_per_year", "owner_investment_eur", "owner_npv_eur", "simple_payback_years",
                      "npv_eur", "irr"]:
            compare(problems, f"workbook {apartment['id']} {field}", row[field], apartment[field])

    months = sheet_rows(monthly_sheet, ["month", "production_kwh", "shared_kwh", "injected_kwh"] +
                        [i + "_shared_kwh" for i in ids], problems)
    if len(months) != 12:
        problems.append(f"workbook has {len(months)} months")
    month_names = (["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] if language == "nl"
                   else ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    for m, (shown, expected) in enumerate(zip(months, run["months"])):
        if shown["month"] != month_names[expected["month"] - 1]:
            problems.append(f"workbook month {m + 1}: {shown['month']}")
        for field in ["production_kwh", "shared_kwh", "injected_kwh"]:
            compare(problems, f"workbook month {m + 1} {field}", shown[field], expected[field])
        for apartment in run["apartments"]:
            column = apartment["id"] + "_shared_kwh"
            compare(problems, f"workbook month {m + 1} {column}", shown.get(column), apartment["monthly_shared_kwh"][m])

    years = sheet_rows(flows_sheet, ["year", "association_net_eur", "association_cumulative_eur"] +
                       [i + "_total_eur" for i in ids], problems)
    if len(years) != association["horizon_years"] + 1:
        problems.append(f"workbook has {len(years)} cash-flow years, expected {association['horizon_years'] + 1}")
    cumulative = 0.0
    for y, shown in enumerate(years):
        flow = association["cash_flows_eur"][y]
        cumulative += flow
        if shown["year"] != y:
            problems.append(f"workbook cash-flow row {y + 2} holds year {shown['year']}")
        compare(problems, f"workbook year {y} association_net_eur", shown["association_net_eur"], flow)
        compare(problems, f"workbook year {y} association_cumulative_eur", shown["association_cumulative_eur"], cumulative,
                rel=1e-12 if abs(cumulative) > 1 else 1e-6)
        for apartment in run["apartments"]:
            column = apartment["id"] + "_total_eur"
            compare(problems, f"workbook year {y} {column}", shown.get(column), apartment["cash_flows_eur"][y])

    by_key = sheet_rows(keys_sheet, ["key", "shared_kwh", "sharing_rate", "association_npv_eur",
                                     "association_simple_payback_years"] + [i + "_npv_eur" for i in ids] +
                        [i + "_occupant_saving_eur_per_year" for i in ids], problems)
    # The first key is the scenario's own: its apartments are those of the run.
    if not by_key:
        problems.append("workbook keys sheet is empty")
    else:
        for apartment in run["apartments"]:
            for field in ["npv_eur", "occupant_saving_eur_per_year"]:
                column = f"{apartment['id']}_{field}"
                compare(problems, f"workbook chosen key {column}", by_key[0].get(column), apartment[field])
    if keys is not None:
        if len(by_key) != len(keys["keys"]):
            problems.append(f"workbook keys sheet has {len(by_key)} keys, compare-keys {len(keys['keys'])}")
        for k, (shown, key) in enumerate(zip(by_key, keys["keys"])):
            if shown["key"] != key["label"]:
                problems.append(f"workbook key {k}: {shown['key']!r} != {key['label']!r}")
            pairs = [("shared_kwh", key["shared_kwh"]), ("sharing_rate", key["sharing_rate"]),
                     ("association_npv_eur", key["association"]["npv_eur"]),
                     ("association_simple_payback_years", key["association"]["simple_payback_years"])]
            for apartment in key["apartments"]:
                pairs.append((f"{apartment['id']}_npv_eur", apartment["npv_eur"]))
                pairs.append((f"{apartment['id']}_occupant_saving_eur_per_year", apartment["occupant_saving_eur_per_year"]))
            for column, value in pairs:
                compare(problems, f"workbook key {k} {column}", shown.get(column), value)

    # The quarter-hour sheet: a year of rows, whose columns add up to the year's totals.
    # Column 0 holds real date-times (local wall time), the last the ISO label with its offset.
    header = ["timestamp_local", "production_kwh", "common_consumption_kwh", "injected_kwh"]
    for i in ids:
        header += [i + "_offtake_kwh", i + "_shared_kwh"]
    header.append("timestamp_iso")
    sums, count, first = [0.0] * len(header), 0, True
    for r in quarters_sheet.iter_rows(values_only=True):
        if first:
            first = False
            if len(r) != len(header):
                problems.append(f"quarter-hour sheet has {len(r)} columns, expected {len(header)}")
            continue
        count += 1
        if count == 1:
            if not isinstance(r[0], datetime.datetime) or (r[0].month, r[0].day, r[0].hour, r[0].minute) != (1, 1, 0, 0):
                problems.append(f"quarter-hour sheet starts at {r[0]!r}, expected a date-time 1 January 00:00")
            if not str(r[-1]).endswith("T00:00+01:00"):
                problems.append(f"quarter-hour sheet ISO label {r[-1]!r}")
        for c in range(1, len(r) - 1):
            sums[c] += r[c]
    if count not in (35040, 35136):
        problems.append(f"quarter-hour sheet has {count} rows")
    totals = dict(zip(header, sums))
    expected = {"production_kwh": building["production_kwh"], "common_consumption_kwh": building["common_consumption_kwh"],
                "injected_kwh": building["injected_kwh"]}
    for apartment in run["apartments"]:
        expected[apartment["id"] + "_offtake_kwh"] = apartment["offtake_kwh"]
        expected[apartment["id"] + "_shared_kwh"] = apartment["shared_kwh"]
    for column, value in expected.items():
        # Sums of 35,040 doubles in another order: agree to far better than a Wh.
        if not close(totals.get(column), value, rel=1e-9):
            problems.append(f"quarter-hour sheet sum of {column}: {totals.get(column)} != {value}")


PROFILES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "profiles")
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
# The scenario file's words for key types, presets, occupancy and contracts: in a Dutch text
# each has a Dutch name (core/sharing/key_catalogue.cpp and the report's own labels).
SCENARIO_WORDS = re.compile(r"\b(fixed|relative|optimal|proportional|hybrid|priority|optimised|equal|shares|consumption|"
                            r"investment|custom|owner|tenant|assumption|dynamic|single_rate|day_night)\b")


def archetype_ids():
    """The household and common-parts archetype ids the program ships ([household.ID] and
    [common_parts.ID] in profiles/)."""
    ids = set()
    for name, table in (("households.toml", "household"), ("common_parts.toml", "common_parts")):
        with open(os.path.join(PROFILES, name), encoding="utf-8") as f:
            ids.update(re.findall(r"^\[" + table + r"\.([a-z0-9_]+)\]", f.read(), re.M))
    return ids


class VisibleText(html.parser.HTMLParser):
    """The text a reader sees: no style sheet, script or <code> (the fingerprint)."""

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "code"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "code"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def workbook_texts(path):
    """Every text cell of the workbook, read from its XML (no openpyxl needed)."""
    texts = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name == "xl/sharedStrings.xml" or (name.startswith("xl/worksheets/sheet") and name.endswith(".xml")):
                xml = book.read(name).decode("utf-8")
                texts += [html.unescape(t) for t in re.findall(r"<t[^>]*>([^<]*)</t>", xml)]
    return texts


def untranslated(texts, allowed):
    """Identifiers in `texts` a Dutch reader should not meet: archetype ids, snake_case words
    (except `allowed`: the tariff sources' citation keys; file names and paths are skipped) and the scenario's
    English words for keys, presets and contracts."""
    archetypes = archetype_ids()
    found = set()
    for text in texts:
        # File names, paths and addresses (in the tariff sources' titles) are not labels.
        without_files = re.sub(r"\S*/\S*|[\w.-]+\.(toml|csv|json|xlsx|html)\b", " ", text)
        for word in SNAKE_CASE.findall(without_files):
            if word not in allowed or word in archetypes:
                found.add(word)
        found.update(SCENARIO_WORDS.findall(without_files))
    return sorted(found)


def check_dutch_names(html_path, xlsx_path, problems):
    """No untranslated identifier in the Dutch report or workbook."""
    allowed = set()
    if html_path:
        text = open(html_path, encoding="utf-8").read()
        allowed = set(re.findall(r"<li>\[([a-z0-9_]+)\]", text))  # the tariff sources, cited by their file's ids
        visible = VisibleText()
        visible.feed(text)
        for word in untranslated(visible.parts, allowed):
            problems.append(f"Dutch HTML shows the identifier {word!r}")
    if xlsx_path:
        for word in untranslated(workbook_texts(xlsx_path), allowed):
            problems.append(f"Dutch workbook shows the identifier {word!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("json")
    parser.add_argument("--keys")
    parser.add_argument("--html")
    parser.add_argument("--xlsx")
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    args = parser.parse_args()
    run = json.load(open(args.json, encoding="utf-8"))
    keys = json.load(open(args.keys, encoding="utf-8")) if args.keys else None
    problems = []
    if args.html:
        check_html(run, keys, args.html, problems)
    if args.lang == "nl":
        check_dutch_names(args.html, args.xlsx, problems)
    skipped = False
    if args.xlsx:
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            print("openpyxl missing: workbook not checked")
            skipped = True
        else:
            fingerprint = html_fingerprint(open(args.html, encoding="utf-8").read()) if args.html else None
            check_workbook(run, keys, args.xlsx, args.lang, fingerprint, problems)
    for p in problems:
        print(p)
    print(f"checked {len(run['apartments'])} apartments: {'OK' if not problems else 'DIFFERENT'}")
    if problems:
        return 1
    return 77 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
