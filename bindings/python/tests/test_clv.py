"""Lifetime-value models: the CDNOW reference fits (BTYD, CLVTools, lifetimes)."""
import numpy as np
import pytest

import excellence as ex
from conftest import DATA, EXAMPLES, read_csv


def check(fit, reference, tolerance):
    for name, value in reference["params"].items():
        assert fit.params[name] == pytest.approx(value, rel=tolerance), name
    assert fit.log_likelihood == pytest.approx(reference["LL"], abs=1e-4)


@pytest.mark.parametrize("model", ["bgnbd", "pnbd", "mbgnbd"])
def test_cdnow_fits(model, cdnow_rounded, clv_reference):
    c = cdnow_rounded
    fit = ex.clv.fit(model, c["frequency"], c["recency"], c["T"])
    assert fit.converged and fit.model == model and fit.customers == 2357
    check(fit, clv_reference["own_reference_fits"]["rounded"][model], 1e-3)
    assert set(fit.standard_errors) == set(fit.names)


def test_gamma_gamma_and_value(cdnow_rounded, clv_reference):
    c = cdnow_rounded
    gg = ex.clv.fit("gamma_gamma", c["frequency"], monetary=c["monetary_value"])
    assert gg.left_out == 2357 - 946
    check(gg, clv_reference["own_reference_fits"]["rounded"]["gg"], 1e-3)
    bg = ex.clv.fit("bgnbd", c["frequency"], c["recency"], c["T"])
    spend = ex.clv.expected_spend(gg, c["frequency"], c["monetary_value"])
    p = ex.clv.predict(bg, c["frequency"], c["recency"], c["T"], 39)
    assert p.p_alive.shape == (2357,) and np.all((p.p_alive > 0) & (p.p_alive <= 1))
    frame = p.to_frame()
    assert list(frame.columns) == ["p_alive", "expected_transactions"] and len(frame) == 2357
    value = ex.clv.residual_value(bg, c["frequency"], c["recency"], c["T"], spend, rate=0.0, period_length=13, periods=3)
    np.testing.assert_allclose(value, spend * p.expected_transactions, rtol=1e-9, atol=1e-12)
    with pytest.raises(ex.DataError) as caught:
        ex.clv.predict(gg, c["frequency"], c["recency"], c["T"], 39)
    assert caught.value.code == "model_mismatch"


def test_bgbb_donations(clv_reference):
    d = read_csv(DATA / "clv" / "donations_bgbb.csv")
    cols = {k: np.array([float(v) for v in d[k]]) for k in d}
    fit = ex.clv.fit("bgbb", cols["frequency"], cols["recency"], cols["periods"], weights=cols["weights"])
    assert fit.converged and fit.model == "bgbb" and fit.customers == 11104
    check(fit, clv_reference["own_reference_bgbb_donations"], 1e-3)
    # Fader, Hardie & Shang (2010), Table 6: P(alive) of a donor with x = 0 of n = 6.
    p = ex.clv.predict(fit, [0.0], [0.0], [6.0], 1)
    assert p.p_alive[0] == pytest.approx(clv_reference["own_reference_bgbb_donations"]["palive_x0_tx0_n6"], rel=1e-4)


def test_data_frame_and_document(cdnow_rounded):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(cdnow_rounded)
    fit = ex.clv.fit("bgnbd", data=frame)
    assert fit.params == ex.clv.fit("bgnbd", frame["frequency"], frame["recency"], frame["T"]).params
    again = ex.clv.Fit.parse(fit.to_json())
    assert again.params == fit.params and again.model == "bgnbd"


def test_bad_customers_are_named(cdnow_rounded):
    c = {k: v.copy() for k, v in cdnow_rounded.items()}
    c["frequency"][7] = 1.5
    with pytest.raises(ex.DataError) as caught:
        ex.clv.fit("bgnbd", c["frequency"], c["recency"], c["T"])
    assert caught.value.path == "frequency[7]"


def test_a_raising_progress_cancels(cdnow_rounded):
    c = cdnow_rounded
    seen = []

    def stop(done, total):
        seen.append(done)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ex.clv.fit("pnbd", c["frequency"], c["recency"], c["T"], progress=stop)
    assert len(seen) == 1


def test_summary_from_transactions():
    pd = pytest.importorskip("pandas")
    t = pd.read_csv(DATA / "clv" / "cdnow_sample_transactions.csv", dtype={"customer_id": str})
    s = ex.clv.summarize(t, amount="dollar_value", end="1997-09-30", unit="weeks")
    reference = pd.read_csv(DATA / "clv" / "cdnow_summary.csv", dtype={"customer_id": str}).set_index("customer_id")
    frame = s.to_frame()
    assert len(frame) == 2357
    np.testing.assert_array_equal(frame["frequency"].to_numpy(), reference.loc[frame.index, "frequency"].to_numpy())
    np.testing.assert_allclose(frame["T"].to_numpy(), reference.loc[frame.index, "T"].to_numpy(), rtol=1e-8)


def test_holdout_validation():
    # CDNOW: the calibration to 1997-09-30 against the holdout to 1998-06-30 (BTYD's tracking).
    pd = pytest.importorskip("pandas")
    t = pd.read_csv(DATA / "clv" / "cdnow_sample_transactions.csv", dtype={"customer_id": str})
    v = ex.clv.validate(t, amount="dollar_value", end="1997-09-30", holdout_end="1998-06-30",
                        models=["bgnbd", "mbgnbd"])
    d = v.to_dict()
    assert d["format"] == "excellence.clv_validation/1" and d["actual_total"] == 1882
    assert [w["actual_cumulative"] for w in d["tracking"]][38] == 2457 and d["tracking"][77]["actual_cumulative"] == 4339
    assert set(v.fits) == {"bgnbd", "mbgnbd"}
    page = v.to_html()
    assert page.startswith("<!DOCTYPE html>") and page.count('<polyline class="series"') == 3 * 3
    assert "保留期检验" in v.to_html("zh")
    c = pd.DataFrame(v.customers())
    assert len(c) == 2357 and c["holdout_frequency"].sum() == 1882
    fit = v.fits["bgnbd"]
    p = ex.clv.predict(fit, c["frequency"], c["recency"], c["T"], 39)
    np.testing.assert_allclose(c["expected_bgnbd"], p.expected_transactions, rtol=1e-12)
    assert d["models"][0]["mae"] == pytest.approx(np.mean(np.abs(c["expected_bgnbd"] - c["holdout_frequency"])))
    assert "Holdout validation: 2357 customers" in v.to_text()
    with pytest.raises(ValueError):
        ex.clv.validate(t, amount="dollar_value", end="1997-09-30", holdout_end="1998-06-30", models=["bgbb_typo"])


def test_prediction_intervals(cdnow_rounded):
    c = cdnow_rounded
    fit = ex.clv.fit("bgnbd", c["frequency"], c["recency"], c["T"])
    v = ex.clv.predict_intervals(fit, c["frequency"], c["recency"], c["T"], 39, confidence=0.9)
    p = ex.clv.predict(fit, c["frequency"], c["recency"], c["T"], 39)
    np.testing.assert_array_equal(v.columns["expected_transactions"], p.expected_transactions)
    assert np.all(v.columns["expected_transactions_lower"] <= p.expected_transactions)
    assert np.all(v.columns["p_alive_upper"] <= 1)
    assert v.expected_total.lower < v.expected_total.estimate < v.expected_total.upper
    assert v.expected_total.estimate == pytest.approx(p.expected_transactions.sum())
    # The fit's document carries the covariance: a fit read back gives the same intervals.
    again = ex.clv.Fit.parse(fit.to_json())
    w = ex.clv.predict_intervals(again, c["frequency"], c["recency"], c["T"], 39, confidence=0.9)
    assert w.expected_total == v.expected_total
    b = ex.clv.predict_intervals(fit, c["frequency"], c["recency"], c["T"], 39, confidence=0.9, bootstrap=20, seed=4)
    again_b = ex.clv.predict_intervals(fit, c["frequency"], c["recency"], c["T"], 39, confidence=0.9, bootstrap=20,
                                       seed=4, threads=1)
    assert b.expected_total == again_b.expected_total
    assert b.expected_total.lower < b.expected_total.estimate < b.expected_total.upper


def test_ggompertz_nbd(cdnow_rounded, clv_reference):
    # On CDNOW the GGompertz/NBD's likelihood rises to the Pareto/NBD's as b -> 0 (Bemmaor &
    # Glady 2012 report LL -9594.98 with b = 0.0002): the same log-likelihood, beta/b the
    # Pareto/NBD's beta.
    c = cdnow_rounded
    fit = ex.clv.fit("ggomnbd", c["frequency"], c["recency"], c["T"])
    pnbd = clv_reference["own_reference_fits"]["rounded"]["pnbd"]
    assert fit.converged and fit.names == ["r", "alpha", "b", "s", "beta"]
    assert fit.log_likelihood == pytest.approx(pnbd["LL"], abs=1e-4)
    assert fit.params["r"] == pytest.approx(pnbd["params"]["r"], rel=1e-3)
    assert fit.params["beta"] / fit.params["b"] == pytest.approx(pnbd["params"]["beta"], rel=0.05)
    p = ex.clv.predict(fit, c["frequency"], c["recency"], c["T"], 39)
    q = ex.clv.predict(ex.clv.fit("pnbd", c["frequency"], c["recency"], c["T"]), c["frequency"], c["recency"],
                       c["T"], 39)
    np.testing.assert_allclose(p.expected_transactions, q.expected_transactions, rtol=1e-3)


def test_pareto_nbd_dert(cdnow_rounded):
    c = cdnow_rounded
    fit = ex.clv.fit("pnbd", c["frequency"], c["recency"], c["T"])
    args = (fit, c["frequency"], c["recency"], c["T"])
    # Undiscounted over a finite horizon: the conditional expectation itself.
    np.testing.assert_allclose(ex.clv.discounted_transactions(*args, 0.0, 39),
                               ex.clv.predict(*args, 39).expected_transactions, rtol=1e-12)
    rate = np.log(1.15) / 52
    dert = ex.clv.discounted_transactions(*args, rate)
    dect = ex.clv.discounted_transactions(*args, rate, 39)
    assert np.all(dert > dect) and np.all(dect > 0)
    with pytest.raises(ex.DataError) as caught:
        ex.clv.discounted_transactions(*args, 0.0)
    assert caught.value.path == "rate"
    with pytest.raises(ex.DataError) as caught:
        ex.clv.discounted_transactions(ex.clv.fit("bgnbd", c["frequency"], c["recency"], c["T"]), c["frequency"],
                                       c["recency"], c["T"], rate)
    assert caught.value.code == "model_mismatch"


def test_covariates():
    # The synthetic members' summary: drawn with gamma = 0.7 on member, delta = 0.5 on
    # engagement (examples/data/make_clv_members.py).
    text = read_csv(EXAMPLES / "clv_members.csv")
    rows = {name: np.array(values, dtype=float) for name, values in text.items() if name != "customer_id"}
    f = ex.clv.fit_covariates("pnbd", rows["frequency"], rows["recency"], rows["T"],
                              transaction={"member": rows["member"]}, lifetime={"engagement": rows["engagement"]})
    assert f.fit.names[-2:] == ["transaction.member", "lifetime.engagement"]
    for name, truth in (("transaction.member", 0.7), ("lifetime.engagement", 0.5)):
        assert abs(f.fit.params[name] - truth) < 3 * f.fit.standard_errors[name]
    assert f.lr_statistic == pytest.approx(2 * (f.fit.log_likelihood - f.without.log_likelihood))
    assert f.p_value < 1e-10 and f.degrees_of_freedom == 2
    assert f.to_dict()["format"] == "excellence.clv_covariate_fit/1"
    p = ex.clv.predict_covariates(f, rows["frequency"], rows["recency"], rows["T"], 26,
                                  transaction={"member": rows["member"]}, lifetime={"engagement": rows["engagement"]})
    assert p.p_alive.shape == (1200,)
    # Read back from its document, the fit predicts exactly as itself.
    again = ex.clv.CovariateFit.parse(f.to_json())
    assert again.fit.params == f.fit.params and again.p_value == f.p_value
    q = ex.clv.predict_covariates(again, rows["frequency"], rows["recency"], rows["T"], 26,
                                  transaction={"member": rows["member"]}, lifetime={"engagement": rows["engagement"]})
    assert np.array_equal(q.expected_transactions, p.expected_transactions)
    with pytest.raises(ex.DataError) as caught:
        ex.clv.CovariateFit.parse(f.fit.to_json(), "fit.json")
    assert caught.value.code == "unknown_format"
    with pytest.raises(ex.DataError) as caught:
        ex.clv.predict(f.fit, rows["frequency"], rows["recency"], rows["T"], 26)
    assert caught.value.code == "model_mismatch"


def test_horizon_and_new_customer(cdnow_rounded):
    h = ex.clv.horizon(6, "months", "weeks", start="1997-09-30")
    assert h.length == pytest.approx(181 / 7, rel=1e-15)
    assert h.statement == "6 months from 1997-09-30 (to 1998-03-30) = 25.857143 weeks"
    assert ex.clv.horizon(6, "months", "weeks").length == pytest.approx(6 * 30.436875 / 7, rel=1e-15)
    c = cdnow_rounded
    fit = ex.clv.fit("bgnbd", c["frequency"], c["recency"], c["T"])
    e = ex.clv.expected_transactions(fit, [39, 78])
    # The mean of the model's own count distribution over the first 78 weeks is E[X(78)]:
    # more than over 39, less than twice as much (purchasing slows as customers leave).
    assert e[0] < e[1] < 2 * e[0]
    with pytest.raises(ex.DataError) as caught:
        ex.clv.expected_transactions(fit, [0])
    assert caught.value.path == "times[0]"
