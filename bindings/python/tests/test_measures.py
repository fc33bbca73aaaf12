"""CES, SERVQUAL, IPA, CSI, tiers, simple CLV and delivered value: by hand and against the command."""
import pytest

import excellence as ex
from conftest import EXAMPLES, command, numbers, read_csv


def test_ces_by_hand():
    r = ex.ces([7, 6, 5, 4, 2, 1])  # CES 2.0: 3 easy (5-7), 2 hard (1-3)
    assert r.easy == pytest.approx(50.0) and r.hard == pytest.approx(100 / 3) and r.n == 6
    assert r.mean == pytest.approx(25 / 6)


def test_servqual_matches_the_command():
    s = read_csv(EXAMPLES / "servqual.csv")
    answers = lambda col: [None if v == "" else float(v) for v in s[col]]
    r = ex.servqual(s["respondent"], s["item"], s["dimension"], answers("expectation"), answers("perception"),
                    importance=[10, 30, 20, 20, 20])
    assert r.to_dict() == command("servqual", EXAMPLES / "servqual.csv", "--importance", "10,30,20,20,20")
    assert r.dimensions["reliability"] == pytest.approx(-2.0)
    perf = ex.servqual(s["respondent"], s["item"], s["dimension"], None, answers("perception"))
    assert perf.model == "servperf"


def test_value_matches_the_command():
    v = read_csv(EXAMPLES / "offers-by-respondent.csv")
    components = ["product", "service", "personnel", "image", "monetary", "time", "energy", "physical"]
    r = ex.delivered_value(v["respondent"], v["offer"], {c: numbers(v[c]) for c in components})
    assert r.to_dict() == command("value", EXAMPLES / "offers-by-respondent.csv")
    with pytest.raises(ValueError, match="physical"):
        ex.delivered_value(v["respondent"], v["offer"], {c: numbers(v[c]) for c in components[:-1]})


def test_simple_clv_by_hand():
    r = ex.simple_clv(100, 0.8, 0.1)  # m r / (1 + d - r) = 80 / 0.3
    assert r.clv == pytest.approx(800 / 3) and r.average_life == pytest.approx(5.0)
    assert r.to_dict() == command("clv-simple", "--margin", "100", "--retention", "0.8", "--discount", "0.1")
    with pytest.raises(ex.DataError):
        ex.simple_clv(100, 1.0, -0.1)  # 1 + d - r <= 0: the sum diverges


def test_ipa_csi_tiers_by_hand():
    r = ex.ipa(["a", "b", "c", "d"], [4.5, 4.5, 2.0, 2.0], [2.0, 4.5, 2.0, 4.5])
    assert [p.quadrant for p in r.attributes] == ["concentrate_here", "keep_up_the_good_work", "low_priority",
                                                  "possible_overkill"]
    c = ex.csi(["speed", "price"], [5.0, 3.0], [3.0, 1.0])  # 0.75 x 100 + 0.25 x 50
    assert c.index == pytest.approx(87.5)
    t = ex.abc_tiers([100, 50, 30, 10, 10])  # 100/200 = 50 % < 80 %: A until 180/200 = 90 %
    assert t.tier == [0, 0, 0, 1, 1]
    assert [tier["name"] for tier in t.tiers] == ["A", "B", "C"]
    p = ex.customer_pyramid([5, 4, 3, 2, 1, -1, 7, 8, 9, 10])
    assert p.tier[5] == 3 and p.unprofitable == 1
