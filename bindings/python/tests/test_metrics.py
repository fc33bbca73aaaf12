"""Satisfaction and loyalty metrics: hand calculations and the command's own numbers."""
import math

import numpy as np
import pytest

import excellence as ex
from conftest import EXAMPLES, command, numbers, read_csv


def test_nps_by_hand():
    # promoters 10, 9, 10, 10, 9; passives 8, 7; detractors 6, 0, 3: NPS = 100 (5 - 3) / 10.
    r = ex.nps([10, 9, 8, 7, 6, 0, 10, 10, 3, 9])
    assert r.nps == pytest.approx(20.0, abs=1e-12)
    assert (r.promoters, r.passives, r.detractors, r.n) == (5, 2, 3, 10)
    assert r.se == pytest.approx(100 * math.sqrt((0.5 + 0.3 - 0.04) / 10), rel=1e-14)
    assert r.lower < 20 < r.upper
    assert r.to_dict()["format"] == "excellence.nps/1"
    with pytest.raises(ex.DataError) as caught:
        ex.nps([10, 11, 9])
    assert caught.value.path == "answers[1]"
    with pytest.raises(ValueError, match="wald or adjusted-wald"):
        ex.nps([10], interval="exact")


def test_nps_matches_the_command():
    survey = read_csv(EXAMPLES / "survey.csv")
    column = next(name for name in survey if "recommend" in name or name == "nps")
    r = ex.nps(numbers(survey[column]))
    doc = command("nps", EXAMPLES / "survey.csv", "--column", column)
    assert r.to_dict() == doc


def test_csat_by_hand():
    r = ex.csat([5, 4, 3, 5, 2, 4])
    assert r.satisfied == 4 and r.csat == pytest.approx(400 / 6, rel=1e-14)
    assert r.mean_rating == pytest.approx(23 / 6, rel=1e-14)


def test_rfm_kano_complaints_retention_match_the_command():
    customers = read_csv(EXAMPLES / "customers.csv")
    r = ex.rfm(customers["customer"], numbers(customers["recency"]), numbers(customers["frequency"]),
               numbers(customers["monetary"]))
    assert r.to_dict() == command("rfm", EXAMPLES / "customers.csv")

    k = read_csv(EXAMPLES / "kano.csv")
    kano = ex.kano(k["attribute"], numbers(k["functional"]), numbers(k["dysfunctional"]))
    assert kano.to_dict() == command("kano", EXAMPLES / "kano.csv")

    c = read_csv(EXAMPLES / "complaints.csv")
    flags = lambda col: [None if v == "" else float(v) for v in c[col]]
    summary = ex.complaints(numbers(c["duration"]), c["status"], flags("first_contact"), flags("reopened"))
    assert summary.to_dict() == command("complaints", EXAMPLES / "complaints.csv")

    a = read_csv(EXAMPLES / "activity.csv")
    table = ex.retention(a["customer"], a["period"], unit="month")
    assert table.to_dict() == command("retention", EXAMPLES / "activity.csv")
    assert table.retention_by_age[0] == 1.0


def test_frames():
    pd = pytest.importorskip("pandas")
    customers = read_csv(EXAMPLES / "customers.csv")
    frame = ex.rfm(customers["customer"], numbers(customers["recency"]), numbers(customers["frequency"]),
                   numbers(customers["monetary"])).to_frame()
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == ["recency", "frequency", "monetary", "segment"]
    assert len(frame) == len(customers["customer"])
