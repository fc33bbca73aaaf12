"""Scale-out: statistics per partition, merged, one fit; on a LocalCluster of two workers the
result equals the single-machine fit on the same data."""
import numpy as np
import pytest

import excellence as ex
from conftest import DATA, read_csv

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def relative(a, b):
    return abs(a - b) / abs(b)


def test_compression_is_the_same_however_split(cdnow_rounded):
    c = cdnow_rounded
    whole = ex.clv.compress(c["frequency"], c["recency"], c["T"])
    parts = [ex.clv.compress(c["frequency"][i:j], c["recency"][i:j], c["T"][i:j])
             for i, j in ((0, 1000), (1000, 1001), (1001, 2357))]
    merged = ex.clv.merge(ex.clv.merge(parts[0], parts[1]), parts[2])
    for a, b in zip(merged, whole):
        np.testing.assert_array_equal(a, b)
    assert whole.customers == 2357 and len(whole.weights) < 2357


def test_moments_merge_to_the_whole():
    frame = pd.read_csv(DATA / "pls" / "satisfaction.csv")
    model = ex.pls.Model.read(str(DATA / "pls" / "satisfaction_model.json"))
    whole = ex.pls.moments(frame, model=model)
    merged = ex.pls.merge(ex.pls.moments(frame.iloc[:100], model=model), ex.pls.moments(frame.iloc[100:], model=model))
    assert merged.n == whole.n == 250
    np.testing.assert_allclose(merged.comoments, whole.comoments, rtol=1e-12, atol=1e-9)
    fit = ex.pls.estimate(model, merged)
    np.testing.assert_allclose(fit.paths, ex.pls.estimate(model, frame).paths, rtol=0, atol=1e-12)


@pytest.mark.parametrize("model", ["bgnbd", "pnbd", "mbgnbd"])
def test_clv_fit_on_a_cluster(client, model, cdnow_rounded):
    frame = pd.DataFrame(cdnow_rounded)
    single = ex.clv.fit(model, frame["frequency"], frame["recency"], frame["T"])
    distributed_fit = ex.dask.clv_fit(model, dd.from_pandas(frame, npartitions=4))
    assert distributed_fit.customers == 2357
    for name, value in single.params.items():
        assert relative(distributed_fit.params[name], value) < 1e-10, name
    assert relative(distributed_fit.log_likelihood, single.log_likelihood) < 1e-12


def test_pls_on_a_cluster(client):
    frame = pd.read_csv(DATA / "pls" / "satisfaction.csv")
    model = ex.pls.Model.read(str(DATA / "pls" / "satisfaction_model.json"))
    single = ex.pls.estimate(model, frame)
    fit = ex.dask.pls_estimate(model, dd.from_pandas(frame, npartitions=3))
    assert fit.n == 250
    np.testing.assert_allclose(fit.weights, single.weights, rtol=0, atol=1e-10)
    np.testing.assert_allclose(fit.paths, single.paths, rtol=0, atol=1e-10)
    assert abs(fit.gof - single.gof) < 1e-10
