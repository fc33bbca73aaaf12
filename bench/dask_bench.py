"""Scale-out speed (issue 10): BG/NBD fitted through Dask to a synthetic customer summary of
100,000,000 rows that is generated partition by partition inside the workers and never
materialised: each worker compresses its partitions to distinct rows with counts, the
compressions are merged in a tree, the fit runs on the client.

usage: PYTHONPATH=build/python python3 bench/dask_bench.py [ROWS] [PARTITION_ROWS]
(build with -DCMAKE_BUILD_TYPE=Release -DEXCELLENCE_BUILD_PYTHON=ON). Prints time and the
peak memory of the client and of each worker.
"""
import resource
import sys
import time

import dask.dataframe as dd
import distributed
import numpy as np
import pandas as pd

import excellence as ex
import excellence.dask


def partition(index, rows):
    """The BG/NBD process at the CDNOW estimates, in whole days (as summaries from transactions
    are), in weeks: T ~ U{189 ... 273} days, the last purchase on a whole day."""
    rng = np.random.default_rng(1000 + index)
    lam = rng.gamma(0.243, 1 / 4.414, rows) / 7  # per day
    p = np.clip(rng.beta(0.793, 2.426, rows), 1e-12, 1.0)
    T = rng.integers(189, 274, rows).astype(np.float64)
    J = rng.geometric(p)
    N = rng.poisson(lam * T)
    x = np.minimum(N, J)
    t = np.where(x > 0, np.maximum(1.0, np.floor(T * rng.beta(np.maximum(x, 1), N - x + 1))), 0.0)
    return pd.DataFrame({"frequency": x.astype(np.float64), "recency": t / 7, "T": T / 7})


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(rows=100_000_000, partition_rows=2_000_000):
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    parts = rows // partition_rows
    meta = pd.DataFrame({"frequency": pd.Series(dtype="f8"), "recency": pd.Series(dtype="f8"), "T": pd.Series(dtype="f8")})
    frame = dd.from_map(partition, range(parts), rows=partition_rows, meta=meta)
    start = time.perf_counter()
    statistics = ex.dask.clv_statistics(frame).compute()
    reduced = time.perf_counter()
    fit = ex.clv.fit("bgnbd", statistics.frequency, statistics.recency, statistics.T, weights=statistics.weights)
    end = time.perf_counter()
    workers = client.run(peak_mb)
    print("BG/NBD through Dask: %d rows in %d partitions, 2 workers" % (rows, parts))
    print("  compress + merge %.1f s, fit %.2f s on %d distinct rows, total %.1f s"
          % (reduced - start, end - reduced, len(statistics.weights), end - start))
    print("  customers %.0f, estimates %s, converged %s" % (statistics.customers,
                                                           {k: round(v, 4) for k, v in fit.params.items()}, fit.converged))
    print("  peak memory: client %.0f MB, workers %s MB" % (peak_mb(), sorted(round(v) for v in workers.values())))
    client.close()
    cluster.close()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
