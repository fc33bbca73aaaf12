"""PLS path models of satisfaction indexes (ACSI, ECSI, CCSI): estimate, bootstrap, index.

Data is a pandas DataFrame (the model's indicator columns are taken from it; other columns,
such as a ``gender``, are ignored) or a two-dimensional numpy array with ``names``, one per
column. NaN is a missing value: by default an error naming the row and the indicator;
``missing="listwise"`` drops such rows and ``missing="mean"`` imputes the indicator's mean,
both counted on the fit. The data is copied once, into the column-major matrix the estimator
works on. Fits and bootstraps run without the GIL; Ctrl-C cancels a bootstrap.
"""
import numpy as np

from ._core.pls import Bootstrap, Fit, Index, Ipma, Model, acsi, ccsi, ecsi, index, ipma
from ._core.pls import _bootstrap, _estimate, _estimate_moments, _ipma_bootstrap, _merge_moments, _mga, _model_fit, _moments, _path_diagram, _predict, _report, _to_json

__all__ = ["Bootstrap", "Fit", "Index", "Ipma", "Model", "Moments", "acsi", "bootstrap", "ccsi", "ecsi", "estimate", "index",
           "ipma", "ipma_bootstrap", "merge", "mga", "model_fit", "moments", "predict"]


class Moments:
    """The count, means and co-moments of indicator columns: what an estimate with
    standardised or centred indicators needs of the data. Computed per block of rows
    (:func:`moments`) and merged pairwise (:func:`merge`, Chan's update), so that the blocks of
    a data set can be summarised where they live; :func:`estimate` accepts them in place of the
    data (without per-respondent scores, which need the rows)."""

    def __init__(self, state):
        self.names = list(state["names"])
        self.n = int(state["n"])
        self.mean = np.asarray(state["mean"])
        self.comoments = np.asarray(state["comoments"])
        self.rows_dropped = int(state["rows_dropped"])

    def _state(self):
        return {"names": self.names, "n": self.n, "mean": self.mean, "comoments": self.comoments,
                "rows_dropped": self.rows_dropped}

    def __repr__(self):
        return "<pls.Moments %d rows, %d columns>" % (self.n, len(self.names))


def moments(data, names=None, *, model=None, missing="error"):
    """The :class:`Moments` of a block of rows: the model's indicator columns of a DataFrame
    (with ``model``), or every column of an array with ``names``. missing: "error" (a NaN names
    its row and column) or "listwise" (rows with a NaN are dropped and counted)."""
    if model is not None:
        values, columns = _columns(model, data, names)
    else:
        columns = list(names) if names is not None else list(data.columns)
        values = np.asarray(data, dtype=np.float64) if names is not None else np.asarray(data[columns], dtype=np.float64)
    return Moments(_moments(values, columns, missing))


def merge(a, b):
    """The moments of the rows of two blocks together (same columns, same order)."""
    return Moments(_merge_moments(a._state(), b._state()))


def _columns(model, data, names):
    """The data as (a float64 array, its column names)."""
    if names is None:
        columns = getattr(data, "columns", None)
        if columns is None:
            raise ValueError("names: a numpy array needs one name per column (or pass a pandas DataFrame)")
        wanted = [c for c in model.indicators if c in columns]
        return np.asarray(data[wanted], dtype=np.float64), wanted
    values = np.asarray(data, dtype=np.float64)
    return values, list(names)


def estimate(model, data, names=None, *, scheme="path", standardized=True, stop="exact", tolerance=None,
             max_iterations=300, missing="error", consistent=False):
    """Estimates the model (Wold's PLS algorithm, Lohmoller's conventions; reproduces R plspm)
    on data, or on :class:`Moments` (then without scores; ``missing`` was the moments' rule).

    scheme: "path" (default), "centroid" or "factorial"; stop: "exact" (the fixed point,
    tolerance 1e-14) or "plspm" (R plspm's rule, tolerance 1e-6); missing: "error",
    "listwise" or "mean". Returns a :class:`Fit`; a run that did not converge within
    max_iterations has ``converged == False`` and a warning, never an exception.
    consistent=True is consistent PLS (PLSc, Dijkstra & Henseler 2015): mode A blocks are
    common factors, their correlations, loadings, the paths and R2 corrected for attenuation
    (reproduces ADANCO); estimates beyond +-1 come with an ``inadmissible_estimate`` warning.
    """
    if isinstance(data, Moments):
        return _estimate_moments(model, data._state(), scheme, standardized, stop, tolerance, max_iterations,
                                 consistent)
    values, columns = _columns(model, data, names)
    return _estimate(model, values, columns, scheme, standardized, stop, tolerance, max_iterations, missing,
                     consistent)


def bootstrap(model, data, names=None, *, resamples=5000, seed=1, confidence=0.95, threads=0, progress=None,
              interval="percentile", keep_draws=False, scheme="path", standardized=True, stop="exact", tolerance=None,
              max_iterations=300, missing="error", consistent=False):
    """Bootstrap standard errors, t values and intervals of weights, loadings, paths, total,
    total indirect and specific indirect effects, R2 and HTMT, on all cores; the same seed gives
    the same result on every platform and thread count. interval: "percentile", "bc"
    (bias-corrected) or "bca" (bias-corrected and accelerated, with a jackknife); where one is
    undefined the entry's ``interval`` says "percentile" and a warning names it. keep_draws=True
    keeps each entry's resample values (``draws``, a numpy array). ``progress(done, total)`` is
    called now and then; raising in it, or Ctrl-C, cancels the run.
    """
    values, columns = _columns(model, data, names)
    return _bootstrap(model, values, columns, scheme, standardized, stop, tolerance, max_iterations, missing,
                      consistent, resamples, seed, confidence, threads, interval, keep_draws, progress)


def predict(model, data, names=None, *, folds=10, repetitions=10, seed=1, scheme="path", standardized=True,
            stop="exact", tolerance=None, max_iterations=300):
    """PLSpredict (Shmueli et al. 2016, 2019): repeated k-fold cross-validated predictions of the
    endogenous constructs' indicators. Returns the excellence.pls_predict/1 document as a dict:
    per indicator ``rmse``, ``mae``, ``q2_predict`` (above 0 beats the training mean) and the
    linear-model benchmark's ``lm_rmse``, ``lm_mae``, means over the repetitions. The folds
    depend on ``seed`` only; the data must be complete.
    """
    values, columns = _columns(model, data, names)
    return _predict(model, values, columns, scheme, standardized, stop, tolerance, max_iterations, folds, repetitions,
                    seed)


def model_fit(model, data, names=None, *, resamples=0, seed=1, threads=0, progress=None, scheme="path",
              standardized=True, stop="exact", tolerance=None, max_iterations=300, missing="error", consistent=False):
    """Overall fit (Dijkstra & Henseler 2015): SRMR, d_ULS and d_G between the indicators'
    observed correlations and those the saturated and the estimated model imply (composite
    blocks; with consistent=True mode A blocks are common factors). With resamples > 0 the
    exact-fit test on Bollen-Stine transformed data: each measure's 95 % and 99 % quantiles
    (``q95``, ``q99``) and ``p_value``, the same for a seed on every thread count. Returns the
    excellence.pls_model_fit/1 document as a dict.
    """
    values, columns = _columns(model, data, names)
    return _model_fit(model, values, columns, scheme, standardized, stop, tolerance, max_iterations, missing,
                      consistent, resamples, seed, threads, progress)


def ipma_bootstrap(model, data, names=None, *, target, scale_min, scale_max, resamples=5000, seed=1, confidence=0.95,
                   threads=0, progress=None, crosshair="data_means", importance_line=None, performance_line=None,
                   scheme="path", standardized=True, stop="exact", tolerance=None, max_iterations=300,
                   missing="error"):
    """The importance-performance map of ``target`` (as :func:`ipma`) with bootstrap percentile
    intervals for every importance and performance (``to_dict()``'s ``importance_interval`` and
    ``performance_interval``: se, lo, hi); the same for a seed on every thread count.
    """
    values, columns = _columns(model, data, names)
    return _ipma_bootstrap(model, values, columns, scheme, standardized, stop, tolerance, max_iterations, missing,
                           target, np.atleast_1d(np.asarray(scale_min, dtype=np.float64)),
                           np.atleast_1d(np.asarray(scale_max, dtype=np.float64)), crosshair, importance_line,
                           performance_line, resamples, seed, confidence, threads, progress)


def mga(model, data, groups, names=None, *, permutations=5000, resamples=0, seed=1, threads=0, compare=None,
        progress=None, scheme="path", standardized=True, stop="exact", tolerance=None, max_iterations=300,
        missing="error", consistent=False):
    """Multigroup analysis between two groups of rows: ``groups`` holds one label per row (a
    list, a numpy array or a pandas Series, e.g. ``df["gender"]``). Per path, weight and loading
    both groups' estimates, the difference and its permutation p-value (Chin & Dibbern 2010);
    with resamples > 0 Henseler's bootstrap MGA probability P(first <= second); per construct
    MICOM steps 2 and 3 (compositional invariance, equal means and variances). With more than
    two labels, ``compare=("a", "b")`` names the two. Returns the excellence.pls_mga/1
    document as a dict; the same for a seed on every thread count.
    """
    values, columns = _columns(model, data, names)
    labels = [str(g) for g in groups]
    return _mga(model, values, columns, labels, scheme, standardized, stop, tolerance, max_iterations, missing,
                consistent, permutations, resamples, seed, threads, list(compare or []), progress)


def _fit_to_dict(self, bootstrap=None, index=None):
    """The excellence.pls_fit/1 document, with the bootstrap and the index when given."""
    import json

    return json.loads(_to_json(self, bootstrap, index))


def _fit_to_json(self, indent=2, bootstrap=None, index=None):
    """The excellence.pls_fit/1 text, with the bootstrap and the index when given."""
    return _to_json(self, bootstrap, index, indent)


def _fit_to_frame(self, table="paths"):
    """A table of the fit as a DataFrame: "weights", "loadings" (indicator rows, with the
    block's latent variable), "paths" or "total_effects" (latent x latent, row = to,
    column = from), "scores" (respondents x latent variables), "cross_loadings"."""
    from ._frames import _pandas

    pd = _pandas()
    lvs = self.latent_variables
    if table in ("weights", "loadings"):
        return pd.DataFrame(
            {"weight": self.weights, "loading": self.loadings, "communality": self.communality},
            index=pd.Index(self.indicators, name="indicator"),
        )
    if table in ("paths", "total_effects"):
        return pd.DataFrame(getattr(self, table), index=pd.Index(lvs, name="to"), columns=pd.Index(lvs, name="from"))
    if table == "scores":
        return pd.DataFrame(self.scores, columns=lvs)
    if table == "cross_loadings":
        return pd.DataFrame(self.cross_loadings, index=pd.Index(self.indicators, name="indicator"), columns=lvs)
    raise ValueError("table must be weights, loadings, paths, total_effects, scores or cross_loadings, not %r" % (table,))


_BOOTSTRAP_TABLES = ("weights", "loadings", "paths", "total_effects", "indirect_effects", "specific_indirect_effects",
                     "r2", "htmt")


def _bootstrap_to_frame(self, table="paths"):
    """One row per parameter of "weights", "loadings", "paths", "total_effects",
    "indirect_effects", "specific_indirect_effects", "r2" or "htmt": estimate, mean, se, t,
    lo, hi, interval."""
    from ._frames import _pandas

    if table not in _BOOTSTRAP_TABLES:
        raise ValueError("table must be one of %s, not %r" % (", ".join(_BOOTSTRAP_TABLES), table))
    rows = [{k: v for k, v in e.items() if k != "draws"} for e in getattr(self, table)]
    return _pandas().DataFrame(rows).set_index("name")


def _fit_to_svg(self, bootstrap=None, lang="en"):
    """The path diagram as an SVG document: loadings or weights, R2, path coefficients; with a
    bootstrap, each path's verdict (* where the interval excludes 0, dashed where it includes 0).
    lang: "en" or "zh"."""
    return _path_diagram(self, bootstrap, lang)


def _fit_to_html(self, bootstrap=None, index=None, ipma=None, *, subtitle="", lang="en"):
    """The model report as one self-contained HTML page (docs/pls.md, "The model report"): the
    fit, its path diagram, structural and measurement model, with a bootstrap's intervals, the
    0-100 index and an IPMA (both maps) when given. lang: "en" or "zh"."""
    return _report(self, bootstrap, index, ipma, subtitle, lang)


Fit.to_svg = _fit_to_svg
Fit.to_html = _fit_to_html
Fit.to_dict = _fit_to_dict
Fit.to_json = _fit_to_json
Fit.to_frame = _fit_to_frame
Bootstrap.to_frame = _bootstrap_to_frame
