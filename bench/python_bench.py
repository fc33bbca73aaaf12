"""Python speed (issue 10): a BG/NBD fit on 1,000,000 customers from numpy, against the same
fit through the C ABI on the same arrays (the C++ library with no Python in between), and
scoring 10,000 assessments from Python.

usage: PYTHONPATH=build/python python3 bench/python_bench.py build/libexcellence.so
(build with -DCMAKE_BUILD_TYPE=Release -DEXCELLENCE_BUILD_PYTHON=ON). Prints the figures.
"""
import ctypes
import json
import pathlib
import sys
import time

import numpy as np

import excellence as ex

ROOT = pathlib.Path(__file__).resolve().parents[1]


def synthetic(n, seed=43):
    """The BG/NBD process at the CDNOW estimates, T ~ U(27, 39) weeks (as bench/clv_bench.cpp)."""
    rng = np.random.default_rng(seed)
    lam = rng.gamma(0.243, 1 / 4.414, n)
    p = np.clip(rng.beta(0.793, 2.426, n), 1e-12, 1.0)
    T = rng.uniform(27, 39, n)
    J = rng.geometric(p)  # purchases until drop-out
    N = rng.poisson(lam * T)
    x = np.minimum(N, J)
    t = np.where(x > 0, T * rng.beta(np.maximum(x, 1), N - x + 1), 0.0)
    return x.astype(np.float64), t, T


def best(f, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times), times


class ClvData(ctypes.Structure):
    _fields_ = [(n, ctypes.POINTER(ctypes.c_double)) for n in ("frequency", "recency", "age", "monetary", "weights")] + [
        ("count", ctypes.c_size_t)
    ]


def main(library):
    x, t, T = synthetic(1_000_000)
    python_time, python_runs = best(lambda: ex.clv.fit("bgnbd", x, t, T), 5)
    fit = ex.clv.fit("bgnbd", x, t, T)

    lib = ctypes.CDLL(library)
    ptr = lambda a: a.ctypes.data_as(ctypes.POINTER(ctypes.c_double))
    data = ClvData(ptr(x), ptr(t), ptr(T), None, None, len(x))

    def c_fit():
        handle = ctypes.c_void_p()
        assert lib.exc_clv_fit_new(ctypes.byref(handle), 0, ctypes.byref(data), None) == 0
        lib.exc_clv_fit_free(handle)

    c_time, c_runs = best(c_fit, 5)
    print("BG/NBD fit, 1,000,000 customers: Python %.3f s, C ABI %.3f s (best of 5; Python/C %.3f)"
          % (python_time, c_time, python_time / c_time))
    print("  runs Python", ["%.3f" % r for r in python_runs], "C", ["%.3f" % r for r in c_runs])
    print("  estimates", {k: round(v, 4) for k, v in fit.params.items()})

    tree = ex.Framework.builtin("gbt19580-2012")
    sample = json.loads((ROOT / "examples" / "data" / "examiner-wang.json").read_text())
    texts = []
    for i in range(10_000):
        doc = dict(sample)
        doc["items"] = [dict(item, percent=5 * ((item.get("percent", 50) // 5 + i) % 21)) if "percent" in item else item
                        for item in sample["items"]]
        texts.append(json.dumps(doc))
    parse_time, _ = best(lambda: [ex.Assessment.parse(s) for s in texts], 3)
    assessments = [ex.Assessment.parse(s) for s in texts]
    score_time, _ = best(lambda: [ex.score(a, tree) for a in assessments], 3)
    print("10,000 assessments from Python: parse %.3f s, score %.3f s (%.1f us per score)"
          % (parse_time, score_time, 1e6 * score_time / 10_000))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/libexcellence.so")
