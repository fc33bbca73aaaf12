"""Fits on Dask DataFrames: the data never has to fit on one machine (docs/scale-out.md).

Both model families depend on the data only through statistics that add up across
partitions: the lifetime-value likelihoods through the distinct (frequency, recency, T) rows
and their counts (:func:`excellence.clv.compress`), a PLS estimate through the count, means
and co-moments of the indicators (:func:`excellence.pls.moments`). Each partition is
summarised where it lives, the summaries are merged pairwise in a tree, and the fit runs
once, on the client. With a ``dask.distributed`` Client active the work goes to its workers.
"""
import dask

from . import clv as _clv
from . import pls as _pls

__all__ = ["clv_fit", "clv_statistics", "pls_estimate", "pls_statistics"]

_TRANSACTION_MODELS = ("bgnbd", "pnbd", "mbgnbd", "ggomnbd", "bgbb")


def _tree(parts, merge):
    """The parts merged pairwise, level by level (a balanced tree of delayed merges)."""
    if not parts:
        raise ValueError("the DataFrame has no partitions")
    while len(parts) > 1:
        parts = [dask.delayed(merge)(parts[i], parts[i + 1]) if i + 1 < len(parts) else parts[i]
                 for i in range(0, len(parts), 2)]
    return parts[0]


def _compress_partition(frame, frequency, recency, T, weights):
    return _clv.compress(frame[frequency], frame[recency], frame[T], None if weights is None else frame[weights])


def clv_statistics(frame, *, frequency="frequency", recency="recency", T="T", weights=None):
    """A delayed :class:`excellence.clv.Compressed` of a dask DataFrame's customer summary."""
    parts = [dask.delayed(_compress_partition)(p, frequency, recency, T, weights) for p in frame.to_delayed()]
    return _tree(parts, _clv.merge)


def clv_fit(model, frame, *, frequency="frequency", recency="recency", T="T", weights=None, **options):
    """Fits "bgnbd", "pnbd", "mbgnbd", "ggomnbd" or "bgbb" to the customer summary in a dask DataFrame
    (columns named as lifetimes names them, or as given): each partition is compressed to its
    distinct rows with counts, the compressions are merged, and the model is fitted once on
    the client. ``options`` are those of :func:`excellence.clv.fit`. The result is the fit of
    the whole data, as a fit on one machine gives it."""
    if model not in _TRANSACTION_MODELS:
        raise ValueError("model must be one of %s, not %r" % (", ".join(_TRANSACTION_MODELS), model))
    c = clv_statistics(frame, frequency=frequency, recency=recency, T=T, weights=weights).compute()
    return _clv.fit(model, c.frequency, c.recency, c.T, weights=c.weights, **options)


def pls_statistics(model, frame, *, missing="error"):
    """Delayed :class:`excellence.pls.Moments` of the model's indicators in a dask DataFrame."""
    parts = [dask.delayed(_pls.moments)(p, model=model, missing=missing) for p in frame.to_delayed()]
    return _tree(parts, _pls.merge)


def pls_estimate(model, frame, *, missing="error", **options):
    """Estimates a PLS path model on a dask DataFrame from the moments of its partitions:
    the estimate of the whole data, without per-respondent scores. missing: "error" or
    "listwise". ``options`` are those of :func:`excellence.pls.estimate`."""
    return _pls.estimate(model, pls_statistics(model, frame, missing=missing).compute(), **options)
