#!/usr/bin/env python3
"""The examiner's report as a workbook, opened with openpyxl (Debian's python3-openpyxl).

Writes the shipped samples' feedback, consensus and history with `excellence report --xlsx
--csv`, then checks every cell against the JSON documents of `excellence score --json` (the
same numbers, not rounded), the formatting a team works with (frozen and filtered header
row, column widths, percent and points formats), and that the CSV files hold the same
tables as the worksheets.

usage: check_workbook.py EXCELLENCE SOURCE_DIR WORK_DIR
"""

import csv
import json
import os
import subprocess
import sys

import openpyxl

EXCELLENCE, SOURCE, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
FAILURES = []


def same_number(a, b):
    """Equal, up to the 16 significant digits libxlsxwriter writes (1.1.4 prints numbers with
    %.16G): exact for every percent, point and count (decimals of at most two places), within
    one part in 10^15 for statistics such as a mean of 46.666666666666664."""
    return a == b or (isinstance(a, float) or isinstance(b, float)) and abs(a - b) <= 1e-15 * max(abs(a), abs(b))


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def rows(sheet):
    """The sheet's rows as dicts keyed by the CSV column names (the CSV header row)."""
    values = list(sheet.iter_rows(values_only=True))
    return values[0], values[1:]


def by_header(header, ids, row):
    return {ids[i]: row[i] for i in range(len(ids))}


def check_format(book, name):
    for sheet in book.worksheets:
        where = "%s/%s" % (name, sheet.title)
        check(sheet.freeze_panes == "A2", "%s: header row not frozen (%s)" % (where, sheet.freeze_panes))
        check(sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:"),
              "%s: no filter on the header row" % where)
        check(all(c.font.bold for c in sheet[1]), "%s: header not bold" % where)
        check(sheet.column_dimensions["A"].width > 8, "%s: no column widths" % where)


def csv_tables(folder):
    out = {}
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            out[name[:-4]] = list(csv.reader(f))
    return out


def same_table(sheet, table, where):
    """The CSV file holds the worksheet's cells (headers aside: the CSV names columns in
    snake_case, the worksheet in the report's language)."""
    sheet_rows = list(sheet.iter_rows(values_only=True))[1:]
    check(len(sheet_rows) == len(table) - 1, "%s: %d rows in the sheet, %d in the CSV" % (where, len(sheet_rows),
                                                                                        len(table) - 1))
    for r, (cells, fields) in enumerate(zip(sheet_rows, table[1:])):
        for c, (value, field) in enumerate(zip(cells, fields)):
            if value is None:
                ok = field == ""
            elif isinstance(value, (int, float)):
                ok = field != "" and same_number(float(field), float(value))
            else:
                ok = field == value
            if not ok:
                check(False, "%s row %d column %s: sheet %r, CSV %r" % (where, r + 1, table[0][c], value, field))
                return


def write(name, files, lang="en"):
    book_path = os.path.join(WORK, name + ".xlsx")
    folder = os.path.join(WORK, name + "-csv")
    run([EXCELLENCE, "report", *files, "--lang", lang, "--xlsx", book_path, "--csv", folder])
    book = openpyxl.load_workbook(book_path)
    tables = csv_tables(folder)
    check(sorted(tables) == sorted(s for s in ("scores", "categories", "consensus", "history", "comments",
                                                "priorities") if s in tables), "%s: CSV files %s" % (name, tables))
    check(len(book.worksheets) == len(tables), "%s: %d sheets, %d CSV files" % (name, len(book.worksheets),
                                                                               len(tables)))
    check_format(book, name)
    return book, tables


def check_scores(book, tables, documents, name):
    """Sheets 'scores' and 'categories' (first two) against the score documents."""
    scores, categories = book.worksheets[0], book.worksheets[1]
    ids = tables["scores"][0]
    expected = [(d["examiner"], d["date"], i) for d in documents for i in d["items"]]
    _, body = rows(scores)
    check(len(body) == len(expected), "%s: %d score rows for %d items" % (name, len(body), len(expected)))
    for row, (examiner, date, item) in zip(body, expected):
        got = by_header(None, ids, row)
        want = {"examiner": examiner, "date": date, "item": item["id"], "category": item["category"],
                "percent": item["percent"] if item["assessed"] else None,
                "band": item.get("band") if item["assessed"] else None, "score": item["score"], "max": item["max"]}
        for d, p in item.get("dimensions", {}).items():
            want[d] = p
        for key, value in want.items():
            check(got[key] == value, "%s: scores %s %s %s: %r, JSON %r" % (name, examiner, item["id"], key,
                                                                        got[key], value))
    check(scores["H2"].number_format == '0"%"', "%s: percent format %r" % (name, scores["H2"].number_format))
    ids = tables["categories"][0]
    _, body = rows(categories)
    expected = [(d, c) for d in documents for c in d["categories"]]
    check(len(body) == len(expected), "%s: category rows" % name)
    for row, (d, c) in zip(body, expected):
        got = by_header(None, ids, row)
        check((got["category"], got["score"], got["max"]) == (c["id"], c["score"], c["max"]),
              "%s: category %s of %s: %r" % (name, c["id"], d["examiner"], got))
        check(abs(got["percent"] - 100.0 * c["score"] / c["max"]) < 1e-12, "%s: category percent %r" % (name, got))


def check_priorities(book, tables, documents, name):
    """Points at stake = (next band's floor − percent) × points / 100, ranked, most first."""
    sheet = book.worksheets[-1]
    ids = tables["priorities"][0]
    _, body = rows(sheet)
    floors = {"0-5%": 10, "10-25%": 30, "30-45%": 50, "50-65%": 70, "70-85%": 90, "90-100%": None}
    per_examiner = {}
    for row in body:
        got = by_header(None, ids, row)
        per_examiner.setdefault((got["examiner"], got["date"]), []).append(got)
        floor = floors[got["band"]]
        want = 0 if floor is None else (floor - got["percent"]) * got["max"] / 100
        check(abs(got["at_stake"] - want) < 1e-9, "%s: %s at stake %r, by hand %r" % (name, got["item"],
                                                                                     got["at_stake"], want))
    for d in documents:
        ranked = per_examiner.get((d["examiner"], d["date"]), [])
        check(len(ranked) == sum(1 for i in d["items"] if i["assessed"]), "%s: priorities of %s" % (name,
                                                                                                  d["examiner"]))
        stakes = [r["at_stake"] for r in ranked]
        check(stakes == sorted(stakes, reverse=True), "%s: %s not ranked by points at stake" % (name, d["examiner"]))


def check_comments(tables, files, name):
    ids = tables["comments"][0]
    got = [dict(zip(ids, r)) for r in tables["comments"][1:]]
    want = []
    for f in files:
        with open(f, encoding="utf-8") as stream:
            doc = json.load(stream)
        for item in doc["items"]:
            for key, kind in (("strengths", "strength"), ("opportunities", "opportunity")):
                for c in item.get(key, []):
                    c = {"text": c} if isinstance(c, str) else c
                    want.append((doc["examiner"], item["id"], kind, c["text"], c.get("area", item["id"]),
                                 c.get("evidence", ""), c.get("dimension", ""), "; ".join(c.get("key_factors", []))))
    have = [(g["examiner"], g["item"], g["type"], g["text"], g["area"], g["evidence"], g["dimension"],
             g["key_factors"]) for g in got]
    check(have == want, "%s: comments differ from the files: %s" % (name, set(have) ^ set(want)))


def main():
    os.makedirs(WORK, exist_ok=True)
    data = os.path.join(SOURCE, "examples", "data")
    examiners = [os.path.join(data, "examiner-%s.json" % n) for n in ("li", "wang", "zhao")]
    history = [os.path.join(data, "history", "xinghe-2025.json"), os.path.join(data, "history", "xinghe-2026.json")]

    for name, files, lang in (("feedback", examiners[1:2], "en"), ("consensus", examiners, "zh"),
                              ("history", history, "en")):
        book, tables = write(name, files, lang)
        documents = [json.loads(run([EXCELLENCE, "score", "--json", f])) for f in files]
        check_scores(book, tables, documents, name)
        check_priorities(book, tables, documents, name)
        check_comments(tables, files, name)
        for sheet, table in zip(book.worksheets, ("scores", "categories", *[t for t in ("consensus", "history")
                                                                               if t in tables],
                                                  "comments", "priorities")):
            same_table(sheet, tables[table], "%s/%s" % (name, table))
        if name == "consensus":
            panel = json.loads(run([EXCELLENCE, "score", "--json", *files]))
            ids = tables["consensus"][0]
            _, body = rows(book.worksheets[2])
            for row, item in zip(body, panel["consensus"]):
                got = by_header(None, ids, row)
                check([got[s["examiner"]] for s in panel["scores"]] == item["percents"],
                      "consensus %s: percents %r" % (item["id"], got))
                for key in ("n", "mean", "median", "min", "max", "range", "standard_deviation", "proposed"):
                    check(same_number(got[key], item[key]), "consensus %s %s: %r, JSON %r" % (item["id"], key, got[key],
                                                                                   item[key]))
                check(got["flagged"] == ("yes" if item["flagged"] else "no"), "consensus %s flag" % item["id"])
            check(book.worksheets[2].title == "共识", "the Chinese workbook's sheet names: %s" % book.sheetnames)
        if name == "history":
            ids = tables["history"][0]
            _, body = rows(book.worksheets[2])
            dates = [d["date"] for d in documents]
            for row, items in zip(body, zip(*[d["items"] for d in documents])):
                got = by_header(None, ids, row)
                percents = [i["percent"] if i["assessed"] else None for i in items]
                check([got[d] for d in dates] == percents, "history %s: %r" % (items[0]["id"], got))
                check(got["change_" + dates[1]] == percents[1] - percents[0], "history %s change" % items[0]["id"])
        print("%s: %s" % (name, ", ".join("%s %d rows" % (s.title, s.max_row - 1) for s in book.worksheets)))

    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("all workbook checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
