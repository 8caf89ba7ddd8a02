#!/usr/bin/python3
"""Checks that the adviser's report shows the figures of `deelstroom run --json`.

Usage: check_report.py RUN.json REPORT.html [BOOK.xlsx]
Compares per apartment: shared kWh, occupant saving per year, owner investment, total NPV and
simple payback (HTML data-value attributes and the workbook's Apartments sheet), plus the
association's investment and NPV. Exit 0 when every figure agrees to 1e-9 (relative), 1 with
the differences listed, 77 when the workbook cannot be read here (no openpyxl).
"""
import html.parser
import json
import math
import sys


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


class Cells(html.parser.HTMLParser):
    """Collects the data-value cells of each apartment row of table#apartments."""

    def __init__(self):
        super().__init__()
        self.rows, self.current, self.in_table = {}, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.in_table = a.get("id") == "apartments"
        elif tag == "tr" and self.in_table and "data-apartment" in a:
            self.current = a["data-apartment"]
            self.rows[self.current] = []
        elif tag == "td" and self.current is not None and "data-value" in a:
            v = a["data-value"]
            self.rows[self.current].append(None if v == "null" else float(v))

    def handle_endtag(self, tag):
        if tag == "tr":
            self.current = None
        elif tag == "table":
            self.in_table = False


def main():
    run = json.load(open(sys.argv[1], encoding="utf-8"))
    problems = []
    parser = Cells()
    parser.feed(open(sys.argv[2], encoding="utf-8").read())
    if len(parser.rows) != len(run["apartments"]):
        problems.append(f"HTML has {len(parser.rows)} apartment rows, JSON {len(run['apartments'])}")
    fields = ["shared_kwh", "occupant_saving_eur_per_year", "owner_investment_eur", "owner_npv_eur",
              "simple_payback_years", "npv_eur"]
    for apartment in run["apartments"]:
        cells = parser.rows.get(apartment["id"], [])
        if len(cells) != len(fields):
            problems.append(f"HTML row {apartment['id']}: {len(cells)} values")
            continue
        for field, shown in zip(fields, cells):
            if not close(shown, apartment[field]):
                problems.append(f"HTML {apartment['id']} {field}: {shown} != {apartment[field]}")
    if len(sys.argv) > 3:
        try:
            import openpyxl
        except ImportError:
            print("openpyxl missing: workbook not checked")
            return 77 if not problems else 1
        book = openpyxl.load_workbook(sys.argv[3], read_only=True)
        names = book.sheetnames
        if len(names) != 5:
            problems.append(f"workbook sheets {names}")
        sheet = book[names[1]]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        by_id = {str(r[0]): dict(zip(header, r)) for r in rows[1:]}
        for apartment in run["apartments"]:
            row = by_id.get(apartment["id"])
            if row is None:
                problems.append(f"workbook lacks {apartment['id']}")
                continue
            for field in ["shared_kwh", "bill_no_pv_eur", "bill_with_sharing_eur", "occupant_saving_eur_per_year",
                          "owner_investment_eur", "owner_npv_eur", "simple_payback_years", "npv_eur", "irr"]:
                if not close(row[field], apartment[field]):
                    problems.append(f"workbook {apartment['id']} {field}: {row[field]} != {apartment[field]}")
        summary = {r[0]: r[1] for r in list(book[names[0]].iter_rows(values_only=True))[1:]}
        investment = [v for k, v in summary.items() if k in ("Investering VME", "Association investment")]
        if not investment or not close(investment[0], run["association"]["investment_eur"]):
            problems.append(f"workbook investment {investment} != {run['association']['investment_eur']}")
        quarter_rows = book[names[4]].max_row
        if quarter_rows not in (35041, 35137):
            problems.append(f"quarter-hour sheet has {quarter_rows} rows")
    for p in problems:
        print(p)
    print(f"checked {len(run['apartments'])} apartments: {'OK' if not problems else 'DIFFERENT'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
