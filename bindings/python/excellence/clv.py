"""Repeat-purchase and lifetime-value models: BG/NBD, Pareto/NBD, MBG/NBD, BG/BB and
Gamma-Gamma (reproducing BTYD, CLVTools and lifetimes on CDNOW).

Columns are numpy arrays or pandas Series of float64; contiguous float64 arrays are read in
place, without a copy. Fits run without the GIL and can be cancelled with Ctrl-C or by
raising in ``progress(evaluations, max_evaluations)``; batch predictions run on all cores
without the GIL.
"""
from collections import namedtuple

import numpy as np

from ._core.clv import Fit, expected_spend, residual_value
from ._core.clv import _compress, _fit, _merge, _predict, _summarize

__all__ = ["Compressed", "Fit", "Predictions", "Summary", "compress", "expected_spend", "fit", "merge", "predict",
           "residual_value", "summarize"]

MODELS = ("bgnbd", "pnbd", "mbgnbd", "bgbb", "gamma_gamma")

class Predictions(namedtuple("Predictions", ["p_alive", "expected_transactions"])):
    """Per customer: the probability of being alive and the transactions expected in the horizon."""

    __slots__ = ()

    def to_frame(self, index=None):
        """The predictions as a DataFrame, indexed by ``index`` (customer ids) when given."""
        from ._frames import _pandas

        return _pandas().DataFrame({"p_alive": self.p_alive, "expected_transactions": self.expected_transactions},
                                   index=index)


def _column(values):
    return None if values is None else np.ascontiguousarray(values, dtype=np.float64)


def fit(model, frequency=None, recency=None, T=None, *, monetary=None, weights=None, data=None, start=None,
        max_evaluations=5000, tolerance=1e-12, threads=0, progress=None):
    """Fits a model by maximum likelihood and returns a :class:`Fit`.

    model: "bgnbd", "pnbd", "mbgnbd", "bgbb" (T is then the number of opportunities n) or
    "gamma_gamma" (frequency and monetary, the mean spend per repeat purchase; customers
    with frequency 0 are left out and counted). ``data``: a DataFrame with columns
    frequency, recency, T and monetary_value (lifetimes' summary layout) instead of the
    separate columns. weights: the number of customers each row stands for.
    """
    if model not in MODELS:
        raise ValueError("model must be one of %s, not %r" % (", ".join(MODELS), model))
    if data is not None:
        frequency = data["frequency"]
        if model == "gamma_gamma":
            monetary = data["monetary_value"]
        else:
            recency, T = data["recency"], data["T"]
    if frequency is None:
        raise ValueError("frequency is needed (or data)")
    if model == "gamma_gamma" and monetary is None:
        raise ValueError("gamma_gamma needs monetary")
    if model != "gamma_gamma" and (recency is None or T is None):
        raise ValueError("%s needs frequency, recency and T" % model)
    return _fit(model, _column(frequency), _column(recency), _column(T), _column(monetary), _column(weights),
                None if start is None else [float(s) for s in start], max_evaluations, tolerance, threads, progress)


def predict(fit, frequency, recency, T, horizon, *, threads=0):
    """P(alive) and the expected transactions in the next ``horizon`` (BG/BB: opportunities)
    for each customer, as :class:`Predictions` of numpy arrays."""
    p, e = _predict(fit, _column(frequency), _column(recency), _column(T), float(horizon), threads)
    return Predictions(p, e)


class Compressed(namedtuple("Compressed", ["frequency", "recency", "T", "weights"])):
    """The distinct (frequency, recency, T) rows of a customer summary, ascending, each with the
    number of customers it stands for. The BG/NBD, Pareto/NBD, MBG/NBD and BG/BB likelihoods
    depend on the customers only through these: ``fit(model, *c[:3], weights=c.weights)`` is the
    fit on the customers. Plain numpy arrays in a tuple, so it pickles and travels (Dask)."""

    __slots__ = ()

    @property
    def customers(self):
        """How many customers the compression stands for."""
        return float(self.weights.sum())


def compress(frequency, recency, T, weights=None):
    """The :class:`Compressed` form of a customer summary (checked as a fit checks it)."""
    return Compressed(*_compress(_column(frequency), _column(recency), _column(T), _column(weights)))


def merge(a, b):
    """The compression of the customers of two compressions together."""
    return Compressed(*_merge(tuple(a), tuple(b)))


def _days(dates):
    """Dates (datetime64, pandas timestamps or 'YYYY-MM-DD' strings) as days since 1970-01-01."""
    return np.asarray(np.asarray(dates, dtype="datetime64[D]").astype(np.int64))


class Summary:
    """Per customer (in order of first appearance): frequency, recency, T and monetary_value
    (lifetimes' summary_data_from_transaction_data), and what happened to the records."""

    def __init__(self, columns):
        self.customer_id = columns["customer_id"]
        self.frequency = columns["frequency"]
        self.recency = columns["recency"]
        self.T = columns["T"]
        self.monetary_value = columns["monetary_value"]
        self.records = columns["records"]
        self.merged = columns["merged"]
        self.after_end = columns["after_end"]
        self.customers_after_end = columns["customers_after_end"]

    def __len__(self):
        return len(self.customer_id)

    def to_frame(self):
        """The summary as a DataFrame indexed by customer_id."""
        from ._frames import _pandas

        pd = _pandas()
        return pd.DataFrame(
            {"frequency": self.frequency, "recency": self.recency, "T": self.T, "monetary_value": self.monetary_value},
            index=pd.Index(self.customer_id, name="customer_id"),
        )


def summarize(transactions=None, *, customers=None, dates=None, amounts=None, end, unit="weeks",
              customer="customer_id", date="date", amount="amount"):
    """Customer summaries from transactions: a DataFrame with columns ``customer``, ``date``
    and ``amount`` (names settable), or the three columns given separately. Purchases of one
    customer on one day are one transaction; records after ``end`` are counted, not used.
    unit: "days", "weeks" or "months"."""
    if transactions is not None:
        customers, dates, amounts = transactions[customer], transactions[date], transactions[amount]
    if customers is None or dates is None or amounts is None:
        raise ValueError("pass a transactions DataFrame, or customers, dates and amounts")
    ids = [str(c) for c in customers]
    return Summary(_summarize(ids, _days(dates), _column(amounts), int(_days([end])[0]), unit))
