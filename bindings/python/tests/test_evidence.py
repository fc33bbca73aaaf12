"""Results evidence from Python: the same numbers as the C++ tests and the command."""
import math

import pytest

import excellence

from conftest import EXAMPLES

MEASURES = str(EXAMPLES / "evidence" / "measures.json")
SERIES = str(EXAMPLES / "evidence" / "series.csv")


def test_the_shipped_example_supports_30_to_85_percent_for_4_7_3():
    e = excellence.evidence(MEASURES, SERIES)
    assert len(e.series) == 12
    item = e.items[0]
    assert item["item"] == "4.7.3"
    assert (item["min_percent"], item["max_percent"]) == (30, 85)
    assert [s["band"] for s in item["support"]] == [3, 5, 5, 5]
    assert item["shares"]["good_levels"] == {"count": 7, "of": 12, "share": 7 / 12}
    assert item["integration"]["requirements"]["missing"] == ["price"]
    assert e.to_dict()["format"] == "excellence.evidence/1"
    frame = e.to_frame()
    assert frame.loc[("complaints", "consumer"), "trend"] == "no_significant_trend"
    assert frame.loc[("nps", "automotive"), "slope"] == 3


def test_thresholds_are_keyword_arguments_and_bad_ones_raise():
    assert excellence.evidence(MEASURES, SERIES, most=0.5).items[0]["support"][0]["band"] == 5
    with pytest.raises(excellence.DataError) as raised:
        excellence.evidence(MEASURES, SERIES, some=0.9)
    assert raised.value.code == "out_of_range"


def test_the_examiner_check_and_the_report():
    e = excellence.evidence(MEASURES, SERIES)
    wang = excellence.Assessment.read(str(EXAMPLES / "examiner-wang.json"))
    warnings = e.check(wang)
    assert [w.path for w in warnings] == ["items[18].integration", "items[18].levels", "items[18].trends",
                                          "items[18].comparisons"]
    assert all(w.code == "percent_outside_evidence" for w in warnings)
    report = excellence.report([wang], excellence.Framework.builtin("gbt19580-2012"), evidence=e)
    assert len(report.evidence_warnings[0]) == 4
    assert 'data-item="4.7.3" data-min-percent="30"' in report.to_html()
    assert e.trend_chart(2).startswith('<figure class="chart" id="trend">')
    with pytest.raises(IndexError):
        e.trend_chart(12)


def test_trend_statistics_on_their_own():
    # J. Little's worked example (Holy Cross): S = 54 with one tie, Z = 2.9058.
    mk = excellence.mann_kendall([12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7])
    assert mk["s"] == 54
    assert not mk["exact"]
    assert mk["z"] == pytest.approx(2.9058, abs=1e-4)
    assert excellence.mann_kendall([1, 2, 3, 4, 5, 6])["p_value"] == pytest.approx(2 / 720)
    ts = excellence.theil_sen([1, 2, 3, 4, 5], [1, 2, 4, 3, 6])
    assert (ts["slope"], ts["lower"], ts["upper"]) == (1.125, -1, 3)
    assert excellence.theil_sen([1, 2, 3, 4], [1, 2, 3, 5])["lower"] is None
    with pytest.raises(excellence.DataError):
        excellence.mann_kendall([1, math.nan, 2])
