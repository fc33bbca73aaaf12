"""PLS path models: the satisfaction reference (R plspm) from numpy and from pandas."""
import numpy as np
import pytest

import excellence as ex
from conftest import DATA, read_csv


@pytest.fixture(scope="module")
def model():
    return ex.pls.Model.read(str(DATA / "pls" / "satisfaction_model.json"))


@pytest.fixture(scope="module")
def table():
    columns = read_csv(DATA / "pls" / "satisfaction.csv")
    del columns["gender"]
    names = list(columns)
    return np.array([[float(v) for v in columns[n]] for n in names]).T, names


def test_reference_paths(model, table, pls_reference):
    values, names = table
    fit = ex.pls.estimate(model, values, names)
    assert fit.converged and fit.n == 250 and fit.latent_variables == ["IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY"]
    for key, expected in pls_reference["schemes"]["path"]["converged"]["paths"].items():
        source, target = key.split(" -> ")
        assert fit.path(source, target) == pytest.approx(expected, abs=1e-10), key
    assert fit.paths.shape == (6, 6)
    # The same numbers from a C-ordered and a Fortran-ordered array.
    again = ex.pls.estimate(model, np.asfortranarray(values), names)
    assert np.array_equal(again.weights, fit.weights)


def test_dataframe_input(model, table):
    pd = pytest.importorskip("pandas")
    values, names = table
    frame = pd.DataFrame(values, columns=names)
    frame["gender"] = "x"  # a column the model does not name is not read
    from_frame = ex.pls.estimate(model, frame)
    assert np.array_equal(from_frame.paths, ex.pls.estimate(model, values, names).paths)
    paths = from_frame.to_frame("paths")
    assert paths.loc["EXPE", "IMAG"] == from_frame.path("IMAG", "EXPE")
    assert list(from_frame.to_frame("weights").index) == from_frame.indicators


def test_missing_values_are_named(model, table):
    values, names = table
    holed = values.copy()
    holed[3, names.index("expe3")] = np.nan
    with pytest.raises(ex.DataError) as caught:
        ex.pls.estimate(model, holed, names)
    assert "expe3" in caught.value.path and "3" in caught.value.path
    listwise = ex.pls.estimate(model, holed, names, missing="listwise")
    assert listwise.n == 249 and listwise.rows_dropped == 1
    assert [w.code for w in listwise.warnings] == ["rows_dropped"]


def test_bootstrap_index_and_document(model, table):
    values, names = table
    calls = []
    boot = ex.pls.bootstrap(model, values, names, resamples=200, seed=7, threads=2,
                            progress=lambda done, total: calls.append((done, total)))
    assert boot.resamples == 200 and boot.succeeded + boot.failed == 200
    assert calls and calls[-1] == (200, 200)
    again = ex.pls.bootstrap(model, values, names, resamples=200, seed=7, threads=1)
    assert boot.paths == again.paths  # the seed decides, not the thread count
    fit = ex.pls.estimate(model, values, names)
    idx = ex.pls.index(fit, [0.0], [10.0])
    assert all(0 < v < 100 for v in idx.index)
    doc = fit.to_dict(bootstrap=boot, index=idx)
    assert doc["format"] == "excellence.pls_fit/1" and doc["bootstrap"]["resamples"] == 200
    assert doc["index"] is not None


def test_a_raising_progress_cancels(model, table):
    values, names = table

    class Stop(Exception):
        pass

    def stop(done, total):
        raise Stop()

    with pytest.raises(Stop):
        ex.pls.bootstrap(model, values, names, resamples=5000, threads=1, progress=stop)


def test_model_from_arrays():
    m = ex.pls.Model(["IMAG", "SAT"], [[0, 0], [1, 0]], [["imag1", "imag2"], ["sat1", "sat2"]])
    assert m.indicators == ["imag1", "imag2", "sat1", "sat2"]
    with pytest.raises(ex.DataError) as caught:
        ex.pls.Model(["A", "B"], [[0, 1], [1, 0]], [["a1"], ["b1"]])
    assert caught.value.path.startswith("path_matrix")
    acsi = ex.pls.acsi(["e1"], ["q1"], ["v1"], ["s1"], ["c1"], ["l1"])
    assert acsi.latent_variables == ["EXPE", "QUAL", "VAL", "SAT", "COMP", "LOY"]
    ccsi = ex.pls.ccsi(["i1"], ["e1"], ["q1"], ["v1"], ["s1"], ["l1"])
    assert ccsi.latent_variables == ["IMAG", "EXPQ", "PERQ", "VAL", "SAT", "LOY"]
    assert sum(map(sum, ccsi.paths)) == 11


def test_ctrl_c_cancels_a_bootstrap(model, table):
    # A real SIGINT, as Ctrl-C sends it, while a long bootstrap runs without the GIL: the
    # run's progress notices it, the workers stop, and KeyboardInterrupt reaches the caller.
    import signal
    import threading
    import time

    values, names = table
    timer = threading.Timer(0.3, signal.raise_signal, args=(signal.SIGINT,))
    start = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            ex.pls.bootstrap(model, values, names, resamples=200_000, threads=2)
    finally:
        timer.cancel()
    assert time.perf_counter() - start < 20


def test_consistent_pls_reproduces_adanco(model, table):
    import json

    reference = json.loads((DATA / "reference" / "pls" / "plsc_adanco_satisfaction.json").read_text())
    values, names = table
    fit = ex.pls.estimate(model, values, names, scheme="factorial", consistent=True)
    assert fit.consistent
    for key, expected in reference["paths"].items():
        source, target = key.split(" -> ")
        assert fit.path(source, target) == pytest.approx(expected, abs=1e-6), key
    for j, name in enumerate(fit.latent_variables):
        assert fit.rho_a[j] == pytest.approx(reference["rho_A"][name], abs=1e-6), name
    # Three paths (into VAL, and VAL -> SAT) leave +-1: warnings, not errors.
    assert [w.code for w in fit.warnings] == ["inadmissible_estimate"] * 3
    boot = ex.pls.bootstrap(model, values, names, scheme="factorial", consistent=True, resamples=50, seed=3)
    assert boot.paths[0]["estimate"] == pytest.approx(fit.path("IMAG", "EXPE"), abs=1e-15)


def test_model_syntax(model):
    text = (DATA / "pls" / "satisfaction_model.txt").read_text()
    parsed = ex.pls.Model.from_syntax(text, "satisfaction_model.txt")
    assert parsed.latent_variables == model.latent_variables and parsed.paths == model.paths
    assert parsed.blocks == model.blocks
    assert ex.pls.Model.from_syntax(model.to_syntax()).paths == model.paths
    assert ex.pls.Model.parse(parsed.to_json()).blocks == model.blocks
    assert ex.pls.Model.read(str(DATA / "pls" / "satisfaction_model.txt")).blocks == model.blocks
    with pytest.raises(ex.DataError) as error:
        ex.pls.Model.from_syntax("A =~ a1\nB =~ b1\nB =< A\n", "m.txt")
    assert error.value.code == "invalid_syntax" and (error.value.line, error.value.column) == (3, 3)
    assert str(error.value) == "m.txt:3:3: unknown operator '=<' (expected =~, <~ or ~)"


def test_bootstrap_intervals_and_mediation(model, table):
    values, names = table
    bca = ex.pls.bootstrap(model, values, names, resamples=200, seed=4, interval="bca", keep_draws=True)
    assert bca.interval == "bca"
    path = bca.paths[0]
    assert path["name"] == "IMAG -> EXPE" and path["interval"] == "bca"
    assert path["lo"] < path["estimate"] < path["hi"]
    assert len(path["draws"]) == bca.succeeded
    chains = {e["name"]: e for e in bca.specific_indirect_effects}
    fit = ex.pls.estimate(model, values, names)
    via = chains["IMAG -> EXPE -> SAT"]
    assert via["estimate"] == pytest.approx(fit.path("IMAG", "EXPE") * fit.path("EXPE", "SAT"), abs=1e-15)
    assert [e["name"] for e in bca.r2] == ["EXPE", "QUAL", "VAL", "SAT", "LOY"]
    assert len(bca.htmt) == 15
    with pytest.raises(ValueError, match="interval"):
        ex.pls.bootstrap(model, values, names, resamples=10, interval="studentized")


def test_ipma(model, table):
    values, names = table
    fit = ex.pls.estimate(model, values, names)
    ipma = ex.pls.ipma(fit, "SAT", [0], [10])
    doc = ipma.to_dict()
    assert doc["format"] == "excellence.pls_ipma/1"
    assert [c["name"] for c in doc["constructs"]] == ["IMAG", "EXPE", "QUAL", "VAL"]
    # performance is the 0-100 index; VAL matters most and performs below the mean
    idx = ex.pls.index(fit, [0], [10])
    assert ipma.target_performance == pytest.approx(idx.index[4], abs=1e-12)
    val = doc["constructs"][3]
    assert val["quadrant"] == "concentrate_here"
    with pytest.raises(ex.DataError, match="outside its stated scale"):
        ex.pls.ipma(fit, "SAT", [8], [10])


def test_model_fit(model, table):
    values, names = table
    doc = ex.pls.model_fit(model, values, names, resamples=40, seed=3, threads=2)
    assert doc["format"] == "excellence.pls_model_fit/1" and doc["resamples"] == 40
    srmr = doc["saturated"]["measures"][0]
    assert srmr["name"] == "SRMR" and 0 < srmr["value"] < 1 and srmr["q95"] <= srmr["q99"]
    assert 0 <= srmr["p_value"] <= 1 and doc["saturated"]["succeeded"] == 40
    # SRMR from its definition on the returned matrices
    s, sigma = np.array(doc["observed"]), np.array(doc["saturated"]["implied"])
    lower = np.tril_indices(len(s))
    assert abs(np.sqrt(np.mean((s - sigma)[lower] ** 2)) - srmr["value"]) < 1e-12
    # the same draws on one thread
    assert doc == ex.pls.model_fit(model, values, names, resamples=40, seed=3, threads=1)
    assert ex.pls.model_fit(model, values, names, consistent=True)["common_factor"] is True


def test_svg(model, table):
    values, names = table
    fit = ex.pls.estimate(model, values, names)
    boot = ex.pls.bootstrap(model, values, names, resamples=30, seed=1)
    svg = fit.to_svg(boot)
    assert svg.startswith("<svg xmlns=") and svg.count('<ellipse class="construct"') == 6
    assert "SAT -&gt; LOY %.3f" % fit.path("SAT", "LOY") in svg
    m = ex.pls.ipma(fit, "SAT", [0], [10]).to_svg()
    assert m.count('<circle class="point"') == 4
    assert "重要性" in ex.pls.ipma(fit, "SAT", [0], [10]).to_svg(lang="zh")


def test_report(model, table):
    values, names = table
    fit = ex.pls.estimate(model, values, names)
    boot = ex.pls.bootstrap(model, values, names, resamples=30, seed=1)
    page = fit.to_html(boot, ipma=ex.pls.ipma(fit, "SAT", [0], [10]), subtitle="satisfaction & co", lang="zh")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert '<p class="subtitle">satisfaction &amp; co</p>' in page
    assert page.count("<svg ") == 3 and '<section class="ipma">' in page
    path = boot.to_frame("paths").loc["SAT -> LOY"]
    assert "[%.4f, %.4f]" % (path["lo"], path["hi"]) in page
    assert '<section class="ipma">' not in fit.to_html()
    with pytest.raises(ValueError, match="lang"):
        fit.to_html(lang="fr")


def test_ipma_bootstrap(model, table):
    values, names = table
    m = ex.pls.ipma_bootstrap(model, values, names, target="SAT", scale_min=[0], scale_max=[10], resamples=30,
                              seed=2, threads=2)
    assert m.resamples == 30
    val = next(c for c in m.to_dict()["constructs"] if c["name"] == "VAL")
    assert val["importance_interval"]["lo"] < val["importance"] < val["importance_interval"]["hi"]
    same = ex.pls.ipma_bootstrap(model, values, names, target="SAT", scale_min=[0], scale_max=[10], resamples=30,
                                 seed=2, threads=1)
    assert same.to_dict() == m.to_dict()


def test_mga(model):
    pd = pytest.importorskip("pandas")

    df = pd.read_csv(DATA / "pls" / "satisfaction.csv")
    doc = ex.pls.mga(model, df, df["gender"], permutations=40, resamples=20, seed=2, threads=2)
    assert doc["format"] == "excellence.pls_mga/1" and doc["groups"] == ["male", "female"]
    assert doc["n"] == [102, 148] and doc["succeeded"] == 40
    loy = next(p for p in doc["paths"] if p["name"] == "SAT -> LOY")
    assert loy["difference"] == loy["first"] - loy["second"] and loy["p_permutation"] < 0.05
    male = ex.pls.estimate(model, df[df["gender"] == "male"])
    assert abs(loy["first"] - male.path("SAT", "LOY")) < 1e-10  # the group's own fit
    assert doc == ex.pls.mga(model, df, df["gender"], permutations=40, resamples=20, seed=2, threads=1)
    with pytest.raises(ex.DataError, match="expected two groups"):
        ex.pls.mga(model, df, ["a"] * 100 + ["b"] * 100 + ["c"] * 50, permutations=10)


def test_predict(model, table):
    values, names = table
    doc = ex.pls.predict(model, values, names, folds=5, repetitions=2, seed=9)
    assert doc["format"] == "excellence.pls_predict/1" and doc["folds"] == 5 and doc["repetitions"] == 2
    sat1 = next(x for x in doc["indicators"] if x["name"] == "sat1")
    assert sat1["construct"] == "SAT" and sat1["q2_predict"] > 0 and sat1["rmse"] > 0
    assert doc == ex.pls.predict(model, values, names, folds=5, repetitions=2, seed=9)  # the seed fixes the folds
    ia = next(t for t in doc["cvpat"] if t["benchmark"] == "IA" and t["construct"] is None)
    assert ia["t"] > 0 and ia["p_better"] < 0.001 and ia["df"] == 249
    with pytest.raises(ex.DataError, match="folds"):
        ex.pls.predict(model, values, names, folds=1)
