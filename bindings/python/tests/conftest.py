"""Paths the tests read: everything is inside the repository (EXCELLENCE_SOURCE_DIR, set by
ctest), and the C library and the command for the cross-language checks."""
import csv
import json
import os
import pathlib
import subprocess

import numpy as np
import pytest

ROOT = pathlib.Path(os.environ.get("EXCELLENCE_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3]))
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples" / "data"


def read_csv(path):
    """The columns of a CSV file as lists of strings."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {name: [row[name] for row in rows] for name in rows[0]}


def numbers(column):
    return np.array([float(v) for v in column])


@pytest.fixture(scope="session")
def cdnow_rounded():
    c = read_csv(DATA / "clv" / "cdnow_summary_rounded.csv")
    return {k: numbers(c[k]) for k in ("frequency", "recency", "T", "monetary_value")}


@pytest.fixture(scope="session")
def clv_reference():
    return json.loads((DATA / "reference" / "clv" / "cdnow_reference.json").read_text())


@pytest.fixture(scope="session")
def pls_reference():
    return json.loads((DATA / "reference" / "pls" / "satisfaction_reference.json").read_text())


def command(*args):
    """Runs the excellence command (the C++ library's own front end) and parses its JSON."""
    exe = os.environ.get("EXCELLENCE_COMMAND")
    if not exe:
        pytest.skip("EXCELLENCE_COMMAND is not set (run through ctest)")
    out = subprocess.run([exe, *map(str, args), "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)
