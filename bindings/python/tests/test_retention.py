"""Contractual retention: the sBG against Fader & Hardie (2007), the BdW, the analysis."""
import json

import numpy as np
import pytest

import excellence as ex
from conftest import DATA

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173]
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394]


def test_published_estimates():
    # Fader & Hardie (2007), fitted to years 1-8 (ages 0-7): 0.704, 1.182 and 0.668, 3.806.
    regular = ex.clv.fit_retention(REGULAR[:8])
    assert regular.converged and regular.model == "sbg" and regular.names == ["alpha", "beta"]
    assert abs(regular.params["alpha"] - 0.704) < 5e-4 and abs(regular.params["beta"] - 1.182) < 5e-4
    high_end = ex.clv.fit_retention({"year 1": HIGH_END[:8]})
    assert abs(high_end.params["alpha"] - 0.668) < 5e-4 and abs(high_end.params["beta"] - 3.806) < 5e-4
    assert high_end.covariance.shape == (2, 2)
    assert np.sqrt(high_end.covariance[1, 1]) == pytest.approx(high_end.standard_errors["beta"])
    assert high_end.aic == pytest.approx(4 - 2 * high_end.log_likelihood)
    # The projection and DERL as shifted_beta_geometric_py prints them for these data.
    np.testing.assert_allclose(high_end.survival(np.arange(8, 13)), [0.460, 0.436, 0.414, 0.395, 0.378], atol=5e-4)
    assert high_end.residual_lifetime(0.1, 7) == pytest.approx(7.530, abs=5e-4)
    b, a = high_end.params["beta"], high_end.params["alpha"]
    np.testing.assert_allclose(high_end.retention_rate([1, 2, 3]), [(b + t - 1) / (a + b + t - 1) for t in (1, 2, 3)])
    assert high_end.expected_lifetime(0.1) == pytest.approx(1 + high_end.residual_lifetime(0.1, 0) / 1.1)
    assert high_end.elasticity(0.1, 0) > (1.1 / (1.1 - high_end.retention_rate([1])[0]))


def test_bdw_and_cohorts():
    bdw = ex.clv.fit_retention([HIGH_END[:8]], "bdw")
    sbg = ex.clv.fit_retention([HIGH_END[:8]])
    assert bdw.names == ["alpha", "beta", "c"] and bdw.log_likelihood >= sbg.log_likelihood - 1e-9
    with pytest.raises(ex.DataError) as caught:
        bdw.elasticity(0.1, 0)
    assert caught.value.path == "c"
    # Two cohorts observed for different lengths pool into one fit.
    two = ex.clv.fit_retention([REGULAR[:8], REGULAR[:5]])
    assert two.cohorts == 2 and two.observations == 7 + 4 and two.customers == 2000


def test_errors_name_the_entry():
    with pytest.raises(ex.DataError) as caught:
        ex.clv.fit_retention([100, 80, 81])
    assert caught.value.path == "survivors[2]" and "cannot rise" in caught.value.message
    with pytest.raises(ValueError):
        ex.clv.fit_retention([100, 80], "weibull")


def test_analysis_from_a_frame():
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(DATA / "retention" / "fh2007_survivors.csv")
    a = ex.clv.analyse_retention(data=frame, discount=0.1, fit_through=7)
    assert set(a.fits) == {"regular", "high end"}
    assert abs(a.fits["regular"].params["alpha"] - 0.704) < 5e-4
    d = a.to_dict()
    assert d["format"] == "excellence.retention_fit/1" and d["fit_through"] == 7
    assert d["segments"][0]["ages"][8]["held_out"] is True
    assert json.loads(a.to_json()) == d
    assert "DERL" in a.to_text()
    with pytest.raises(ex.DataError) as caught:
        ex.clv.analyse_retention(data=frame.iloc[[0, 2]], discount=0.1)  # age 1 missing
    assert caught.value.path == "age[1]"
