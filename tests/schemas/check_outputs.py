#!/usr/bin/env python3
"""Runs every subcommand that prints JSON and validates its output against the JSON Schema
of the format the document names (docs/schemas/<name>.schema.json). Exit status 1 names
each command whose output is not valid, is not JSON, or names no known format.

Usage: check_outputs.py EXCELLENCE_COMMAND SOURCE_DIR
"""
import json
import pathlib
import subprocess
import sys

import jsonschema

# (arguments, format) for each JSON output; paths are relative to the source directory.
PLS = ["tests/data/pls/satisfaction.csv", "--model", "tests/data/pls/satisfaction_model.json"]
CDNOW = "tests/data/clv/cdnow_summary.csv"
CATALOGUE = [
    (["tree", "--json"], "framework"),
    (["tree", "--framework", "baldrige-2023", "--json"], "framework"),
    (["tree", "--root", "4.3", "--json"], "framework"),
    (["score", "examples/data/examiner-wang.json", "--json"], "score"),
    (["score", "examples/data/examiner-wang.json", "--scope", "4.3", "--json"], "score"),
    (["score", "examples/data/examiner-wang.json", "examples/data/examiner-li.json",
      "examples/data/examiner-zhao.json", "--json"], "consensus"),
    (["clv-simple", "--margin", "100", "--retention", "0.8", "--discount", "0.1", "--json"], "clv_simple"),
    (["clv-simple", "--margin", "100", "--retention", "1", "--discount", "0.1", "--horizon", "5",
      "--timing", "start", "--period", "year", "--json"], "clv_simple"),
    (["value", "examples/data/offers.csv", "--json"], "value"),
    (["value", "examples/data/offers.csv", "--sensitivity", "0.1", "--json"], "value"),
    (["value", "examples/data/offers-by-respondent.csv", "--weight", "product=2", "--json"], "value"),
    (["nps", "examples/data/survey.csv", "--column", "recommend", "--json"], "nps"),
    (["nps", "examples/data/survey.csv", "--column", "recommend", "--weights", "weight",
      "--interval", "adjusted-wald", "--json"], "nps"),
    (["csat", "examples/data/survey.csv", "--column", "satisfaction", "--json"], "csat"),
    (["rfm", "examples/data/customers.csv", "--json"], "rfm"),
    (["rfm", "examples/data/customers.csv", "--bins", "3", "--json"], "rfm"),
    (["kano", "examples/data/kano.csv", "--json"], "kano"),
    (["servqual", "examples/data/servqual.csv", "--json"], "servqual"),
    (["servqual", "examples/data/servqual.csv", "--servperf", "--importance", "10,30,20,20,20", "--json"], "servqual"),
    (["servqual", "tests/data/csv/servqual-missing-row.csv", "--missing", "drop", "--json"], "servqual"),
    (["retention", "examples/data/activity.csv", "--json"], "retention"),
    (["retention", "tests/data/csv/activity.csv", "--measure", "active", "--json"], "retention"),
    (["retention", "fit", "examples/data/subscriptions.csv", "--discount", "0.1", "--json"], "retention_fit"),
    (["retention", "fit", "tests/data/retention/fh2007_survivors.csv", "--model", "bdw", "--discount", "0.1",
      "--fit-through", "7", "--json"], "retention_fit"),
    (["retention", "fit", "examples/data/activity.csv", "--records", "--unit", "month", "--discount", "0.01",
      "--json"], "retention_fit"),
    (["complaints", "examples/data/complaints.csv", "--json"], "complaints"),
    (["complaints", "examples/data/complaints.csv", "--limit", "2", "--unit", "hours", "--json"], "complaints"),
    (["pls"] + PLS + ["--json"], "pls_fit"),
    (["pls"] + PLS + ["--scheme", "centroid", "--stop", "plspm", "--bootstrap", "20", "--index",
                      "--scale-min", "0", "--scale-max", "10", "--json"], "pls_fit"),
    (["pls"] + PLS + ["--plsc", "--bootstrap", "20", "--ci", "bca", "--json"], "pls_fit"),
    (["pls"] + PLS + ["--ipma", "SAT", "--scale-min", "0", "--scale-max", "10", "--json"], "pls_ipma"),
    (["pls"] + PLS + ["--ipma", "SAT", "--scale-min", "0", "--scale-max", "10", "--bootstrap", "20", "--json"],
     "pls_ipma"),
    (["pls"] + PLS + ["--predict", "5,2", "--json"], "pls_predict"),
    (["pls"] + PLS + ["--fit", "--json"], "pls_model_fit"),
    (["pls"] + PLS + ["--groups", "gender", "--permutations", "20", "--bootstrap", "10", "--json"], "pls_mga"),
    (["pls"] + PLS + ["--groups", "gender", "--permutations", "20", "--json"], "pls_mga"),
    (["pls"] + PLS + ["--fit", "--plsc", "--bootstrap", "20", "--json"], "pls_model_fit"),
    (["clv", "validate", "tests/data/clv/cdnow_sample_transactions.csv", "--end", "1997-09-30", "--holdout-end",
      "1998-06-30", "--amount", "dollar_value", "--model", "bgnbd,pnbd,mbgnbd", "--json"], "clv_validation"),
    (["clv", "fit", CDNOW, "--model", "bgnbd", "--json"], "clv_fit"),
    (["clv", "fit", CDNOW, "--model", "ggomnbd", "--json"], "clv_fit"),
    (["clv", "fit", "examples/data/clv_members.csv", "--model", "pnbd", "--transaction-covariates", "member",
      "--lifetime-covariates", "engagement", "--json"], "clv_covariate_fit"),
    (["clv", "fit", CDNOW, "--model", "pnbd", "--json"], "clv_fit"),
    (["clv", "fit", CDNOW, "--model", "mbgnbd", "--json"], "clv_fit"),
    (["clv", "fit", CDNOW, "--model", "gg", "--json"], "clv_fit"),
    (["clv", "fit", "tests/data/clv/donations_bgbb.csv", "--model", "bgbb", "--json"], "clv_fit"),
    (["evidence", "examples/data/evidence/measures.json", "examples/data/evidence/series.csv", "--json"], "evidence"),
    (["evidence", "examples/data/evidence/measures.json", "examples/data/evidence/series.csv",
      "--assessment", "examples/data/examiner-wang.json", "--most", "0.6", "--json"], "evidence"),
]

# Input files with a schema of their own (docs/<name>.schema.json), checked as shipped.
INPUTS = [("examples/data/evidence/measures.json", "measures")]


def main() -> int:
    command, source = sys.argv[1], pathlib.Path(sys.argv[2])
    schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8"))
               for p in (source / "docs" / "schemas").glob("*.schema.json")}
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    failures = []
    covered = set()
    for args, expected in CATALOGUE:
        shown = "excellence " + " ".join(args)
        run = subprocess.run([command] + args, cwd=source, capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            failures.append(f"{shown}: exit status {run.returncode}: {run.stderr.strip()}")
            continue
        try:
            document = json.loads(run.stdout)
        except json.JSONDecodeError as e:
            failures.append(f"{shown}: not JSON: {e}")
            continue
        name = str(document.get("format", "")).removeprefix("excellence.").removesuffix("/1")
        if name != expected:
            failures.append(f"{shown}: format {document.get('format')!r}, expected excellence.{expected}/1")
            continue
        errors = sorted(jsonschema.Draft202012Validator(schemas[name]).iter_errors(document), key=str)
        for error in errors[:5]:
            where = "/".join(str(p) for p in error.absolute_path)
            failures.append(f"{shown}: {where}: {error.message}")
        covered.add(name)
    for path, name in INPUTS:
        schema = json.loads((source / "docs" / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        document = json.loads((source / path).read_text(encoding="utf-8"))
        for error in sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=str)[:5]:
            where = "/".join(str(p) for p in error.absolute_path)
            failures.append(f"{path}: {where}: {error.message}")
    # Every output schema is exercised (clv_fit is also read back by --fit).
    for name in sorted(set(schemas) - covered - {"assessment"}):
        failures.append(f"docs/schemas/{name}.schema.json: no command output checked against it")
    for f in failures:
        print(f)
    print(f"{len(CATALOGUE)} outputs checked against {len(covered)} schemas, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
