"""Repeat-purchase and lifetime-value models: BG/NBD, Pareto/NBD, MBG/NBD, BG/BB and
Gamma-Gamma (reproducing BTYD, CLVTools and lifetimes on CDNOW); the contractual retention
models sBG and BdW (reproducing Fader & Hardie 2007) with DEL and DERL.

Columns are numpy arrays or pandas Series of float64; contiguous float64 arrays are read in
place, without a copy. Fits run without the GIL and can be cancelled with Ctrl-C or by
raising in ``progress(evaluations, max_evaluations)``; batch predictions run on all cores
without the GIL.
"""
from collections import namedtuple

import numpy as np

from ._core.clv import CovariateFit, Fit, HoldoutValidation, RetentionAnalysis, RetentionFit, discounted_transactions
from ._core.clv import expected_spend, expected_transactions
from ._core.clv import residual_value
from ._core.clv import _analyse_retention, _compress, _fit, _fit_covariates, _fit_retention, _merge, _predict
from ._core.clv import _horizon, _predict_covariates, _predict_intervals
from ._core.clv import _summarize, _validate

__all__ = ["Compressed", "CovariateFit", "Fit", "HoldoutValidation", "Horizon", "Predictions", "RetentionAnalysis",
           "RetentionFit", "Summary", "analyse_retention", "compress", "discounted_transactions", "expected_spend",
           "expected_transactions", "fit", "fit_covariates", "fit_retention", "horizon", "merge", "predict",
           "predict_covariates", "predict_intervals", "residual_value", "summarize", "validate"]

MODELS = ("bgnbd", "pnbd", "mbgnbd", "ggomnbd", "bgbb", "gamma_gamma")

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

    model: "bgnbd", "pnbd", "mbgnbd", "ggomnbd" (Gamma-Gompertz/NBD: r, alpha, b, s, beta),
    "bgbb" (T is then the number of opportunities n) or
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


def _covariate_columns(covariates, data):
    """[(name, values)] from a mapping name -> values, or from column names of ``data``."""
    if covariates is None:
        return []
    if isinstance(covariates, str):
        covariates = [covariates]
    if hasattr(covariates, "items"):
        return [(str(name), _column(values)) for name, values in covariates.items()]
    if data is None:
        raise ValueError("covariates given by name need data (a DataFrame with those columns)")
    return [(str(name), _column(data[name])) for name in covariates]


def fit_covariates(model, frequency=None, recency=None, T=None, *, transaction=None, lifetime=None, data=None,
                   weights=None, start=None, max_evaluations=5000, tolerance=1e-12, threads=0, progress=None):
    """Fits "bgnbd", "pnbd" or "ggomnbd" with time-invariant covariates and returns a
    :class:`CovariateFit`: the fit (the model's parameters, then ``transaction.NAME`` and
    ``lifetime.NAME`` coefficients), the model without covariates and the likelihood-ratio test.
    ``transaction`` covariates scale the purchase rate (alpha_i = alpha exp(-gamma'z)), ``lifetime``
    covariates the attrition (beta_i = beta exp(-delta'w); BG/NBD a and b times exp(delta'w)), as
    CLVTools parameterises them. Each is a mapping name -> values, or column names of ``data``
    (which then also gives frequency, recency and T)."""
    if data is not None:
        frequency, recency, T = data["frequency"], data["recency"], data["T"]
    if frequency is None or recency is None or T is None:
        raise ValueError("frequency, recency and T are needed (or data)")
    return _fit_covariates(model, _column(frequency), _column(recency), _column(T), _column(weights),
                           _covariate_columns(transaction, data), _covariate_columns(lifetime, data),
                           None if start is None else [float(s) for s in start], max_evaluations, tolerance, threads,
                           progress)


def predict_covariates(fit, frequency=None, recency=None, T=None, horizon=1.0, *, transaction=None, lifetime=None,
                       data=None, threads=0):
    """P(alive) and the expected transactions in the next ``horizon`` for each customer of a
    :class:`CovariateFit`, at his own parameters: :class:`Predictions`. Covariates as
    :func:`fit_covariates` takes them, matched to the fit's by name."""
    if data is not None:
        frequency, recency, T = data["frequency"], data["recency"], data["T"]
    p, e = _predict_covariates(fit, _column(frequency), _column(recency), _column(T),
                               _covariate_columns(transaction, data), _covariate_columns(lifetime, data),
                               float(horizon), threads)
    return Predictions(p, e)


def predict(fit, frequency, recency, T, horizon, *, threads=0):
    """P(alive) and the expected transactions in the next ``horizon`` (BG/BB: opportunities)
    for each customer, as :class:`Predictions` of numpy arrays."""
    p, e = _predict(fit, _column(frequency), _column(recency), _column(T), float(horizon), threads)
    return Predictions(p, e)


Interval = namedtuple("Interval", ["estimate", "standard_error", "lower", "upper"])


class PredictionIntervals(namedtuple("PredictionIntervals", ["columns", "customers_alive", "expected_total"])):
    """Per customer (``columns``: p_alive, expected_transactions and for each ``_se``,
    ``_lower``, ``_upper``, numpy arrays) and for the totals (:class:`Interval`)."""

    __slots__ = ()

    def to_frame(self, index=None):
        """The per-customer columns as a DataFrame."""
        from ._frames import _pandas

        return _pandas().DataFrame(self.columns, index=index)


def predict_intervals(fit, frequency, recency, T, horizon, *, confidence=0.95, threads=0, bootstrap=0, seed=1,
                      progress=None):
    """The predictions of :func:`predict` with delta-method intervals from the fit's covariance
    (logit scale for P(alive), log scale for transactions and totals; docs/clv.md); with
    ``bootstrap=N``, from N refits on resampled customers (seeded: the same for a seed whatever
    the threads)."""
    columns, alive, total = _predict_intervals(fit, _column(frequency), _column(recency), _column(T), float(horizon),
                                               float(confidence), threads, int(bootstrap), int(seed), progress)
    return PredictionIntervals(columns, Interval(*alive), Interval(*total))


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


class Horizon(namedtuple("Horizon", ["length", "statement"])):
    """A calendar horizon in the model's time unit, and the conversion in words."""

    __slots__ = ()


def horizon(amount, unit, model_unit, start=None):
    """``amount`` of ``unit`` ("days", "weeks", "months") as a length in ``model_unit``: by the
    calendar from ``start`` (a date: the calibration end), else by the mean Gregorian month.
    ``horizon(6, "months", "weeks", start="1997-09-30")`` is 181 days, 25.857 weeks."""
    length, statement = _horizon(float(amount), unit, model_unit,
                                 None if start is None else int(_days([start])[0]))
    return Horizon(length, statement)


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


def validate(transactions=None, *, customers=None, dates=None, amounts=None, end, holdout_end, unit="weeks",
             models=("bgnbd", "pnbd"), largest_count=7, customer="customer_id", date="date", amount="amount",
             max_evaluations=5000, tolerance=1e-12, threads=0, progress=None):
    """Fits ``models`` (bgnbd, pnbd, mbgnbd, ggomnbd) to the calibration period (to ``end``) and compares
    them with the holdout (to ``holdout_end``): a :class:`HoldoutValidation` whose ``to_dict()``
    is excellence.clv_validation/1 (per-model errors, the tracking table, the calibration
    histogram, the holdout by calibration frequency), ``to_text()`` what the command prints and
    ``customers()`` the per-customer columns. Transactions as :func:`summarize` takes them."""
    if transactions is not None:
        customers, dates, amounts = transactions[customer], transactions[date], transactions[amount]
    if customers is None or dates is None or amounts is None:
        raise ValueError("pass a transactions DataFrame, or customers, dates and amounts")
    ids = [str(c) for c in customers]
    return _validate(ids, _days(dates), _column(amounts), int(_days([end])[0]), int(_days([holdout_end])[0]), unit,
                     list(models), int(largest_count), max_evaluations, tolerance, threads, progress)


def _survivor_columns(survivors, data):
    """Long columns (segments, cohorts, ages, counts) from a DataFrame with columns cohort, age,
    survivors (and optionally segment), a dict of cohort name to counts, a list of cohorts'
    counts, or one cohort's counts."""
    if data is not None:
        for column in ("cohort", "age", "survivors"):
            if column not in data:
                raise ValueError("data needs the columns cohort, age and survivors (and optionally segment); "
                                 "it has no %r" % column)
        segments = [str(s) for s in data["segment"]] if "segment" in data else []
        return (segments, [str(c) for c in data["cohort"]], _column(data["age"]), _column(data["survivors"]))
    if survivors is None:
        raise ValueError("survivors is needed (or data)")
    if isinstance(survivors, dict):
        named = list(survivors.items())
    else:
        items = list(survivors)
        if items and np.ndim(items[0]) == 0:
            items = [items]  # one cohort's counts
        named = [(str(i), counts) for i, counts in enumerate(items)]
    cohorts, ages, counts = [], [], []
    for name, values in named:
        values = np.asarray(values, dtype=np.float64).ravel()
        cohorts += [str(name)] * len(values)
        ages.append(np.arange(len(values), dtype=np.float64))
        counts.append(values)
    return ([], cohorts, np.concatenate(ages) if ages else np.empty(0),
            np.concatenate(counts) if counts else np.empty(0))


def fit_retention(survivors=None, model="sbg", *, data=None, start=None, max_evaluations=2000, tolerance=1e-12,
                  progress=None):
    """Fits the sBG (``model="sbg"``) or BdW (``"bdw"``) contractual retention model to survivor
    counts and returns a :class:`RetentionFit`.

    survivors: one cohort's counts (customers still under contract at ages 0, 1, 2 ...), a list
    of cohorts' counts, or a dict of cohort name to counts; or ``data``, a DataFrame with one
    row per cohort and age (columns cohort, age, survivors). All cohorts share one process
    (a segment column is ignored here: :func:`analyse_retention` fits each segment).
    """
    segments, cohorts, ages, counts = _survivor_columns(survivors, data)
    return _fit_retention(model, [], cohorts, ages, counts, None if start is None else [float(s) for s in start],
                          max_evaluations, tolerance, progress)


def analyse_retention(survivors=None, discount=None, model="sbg", *, data=None, horizon=0, fit_through=None,
                      unit="year", max_evaluations=2000, tolerance=1e-12):
    """Fits ``model`` to each segment's cohorts, projects survival and retention to ``horizon``
    beside the observed values (ages after ``fit_through`` held out), and with a ``discount``
    rate per period gives DEL, DERL and (sBG) the retention elasticity: a
    :class:`RetentionAnalysis` (``to_dict()`` is excellence.retention_fit/1, ``to_text()`` what
    the command prints). Survivors as :func:`fit_retention` takes them.
    """
    segments, cohorts, ages, counts = _survivor_columns(survivors, data)
    return _analyse_retention(model, segments, cohorts, ages, counts, None if discount is None else float(discount),
                              int(horizon), None if fit_through is None else int(fit_through), unit,
                              max_evaluations, tolerance)
