"""Python, C and C++ give the same numbers on the same inputs (to 1e-12).

C: the C ABI of libexcellence.so through ctypes (EXCELLENCE_LIBRARY). C++: the excellence
command, the C++ library's own front end, through its --json documents.
"""
import ctypes
import json
import os

import numpy as np
import pytest

import excellence as ex
from conftest import DATA, EXAMPLES, command


class ClvData(ctypes.Structure):
    _fields_ = [(name, ctypes.POINTER(ctypes.c_double)) for name in ("frequency", "recency", "age", "monetary", "weights")] + [
        ("count", ctypes.c_size_t)
    ]


class Buf(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_char_p), ("size", ctypes.c_size_t)]


@pytest.fixture(scope="module")
def c_library():
    path = os.environ.get("EXCELLENCE_LIBRARY")
    if not path:
        pytest.skip("EXCELLENCE_LIBRARY is not set (run through ctest)")
    return ctypes.CDLL(path)


def pointer(a):
    return a.ctypes.data_as(ctypes.POINTER(ctypes.c_double))


def close(a, b):
    return abs(a - b) <= 1e-12 * max(1.0, abs(b))


def test_bgnbd_on_cdnow(c_library, cdnow_rounded):
    c = {k: np.ascontiguousarray(v) for k, v in cdnow_rounded.items()}
    python = ex.clv.fit("bgnbd", c["frequency"], c["recency"], c["T"])

    lib = c_library
    data = ClvData(pointer(c["frequency"]), pointer(c["recency"]), pointer(c["T"]), None, None, len(c["frequency"]))
    fit = ctypes.c_void_p()
    assert lib.exc_clv_fit_new(ctypes.byref(fit), 0, ctypes.byref(data), None) == 0
    params = (ctypes.c_double * 4)()
    assert lib.exc_clv_fit_params(params, ctypes.c_size_t(4), fit) == 0
    lib.exc_clv_fit_free(fit)

    cpp = command("clv", "fit", DATA / "clv" / "cdnow_summary_rounded.csv", "--model", "bgnbd")
    for i, name in enumerate(["r", "alpha", "a", "b"]):
        assert close(python.params[name], params[i]), name
        assert close(python.params[name], cpp["params"][name]), name
    assert close(python.log_likelihood, cpp["log_likelihood"])


def test_pls_on_the_satisfaction_data(c_library):
    model_file, data_file = DATA / "pls" / "satisfaction_model.json", DATA / "pls" / "satisfaction.csv"
    import csv

    with open(data_file, newline="") as f:
        rows = list(csv.DictReader(f))
    names = [n for n in rows[0] if n != "gender"]
    values = np.array([[float(r[n]) for n in names] for r in rows])
    python = ex.pls.estimate(ex.pls.Model.read(str(model_file)), values, names)

    lib = c_library
    model, data, fit = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    assert lib.exc_pls_model_read(ctypes.byref(model), str(model_file).encode()) == 0
    assert lib.exc_pls_data_read(ctypes.byref(data), str(data_file).encode(), model) == 0
    assert lib.exc_pls_estimate(ctypes.byref(fit), model, data, None) == 0
    paths = (ctypes.c_double * 36)()
    assert lib.exc_pls_fit_table(paths, ctypes.c_size_t(36), fit, 4) == 0  # EXC_PLS_PATHS, column-major
    for handle, free in ((fit, lib.exc_pls_fit_free), (data, lib.exc_pls_data_free), (model, lib.exc_pls_model_free)):
        free(handle)

    cpp = command("pls", data_file, "--model", model_file)
    lvs = python.latent_variables
    for key, value in cpp["paths"].items():
        source, target = key.split(" -> ")
        i, j = lvs.index(target), lvs.index(source)
        assert close(python.paths[i, j], value), key
        assert close(python.paths[i, j], paths[i + 6 * j]), key


def test_scores_and_nps(c_library):
    wang = EXAMPLES / "examiner-wang.json"
    python = ex.score(ex.Assessment.read(str(wang)), ex.Framework.builtin("gbt19580-2012"))
    cpp = command("score", wang)
    assert python.to_dict() == cpp

    lib = c_library
    lib.exc_nps.argtypes = None
    answers = np.array([10, 9, 8, 7, 6, 0, 10, 10, 3, 9], dtype=np.float64)
    result = (ctypes.c_double * 64)()  # exc_nps_result is smaller; its first member is the NPS
    assert lib.exc_nps(result, pointer(answers), ctypes.c_size_t(10), None, None) == 0
    assert close(ex.nps(answers).nps, result[0])
