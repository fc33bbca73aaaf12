# Type stubs for excellence.clv (docs/python.md).
from typing import Any, Callable, NamedTuple, Optional, Sequence

import numpy as np
import numpy.typing as npt

from . import Diagnostic

MODELS: tuple[str, ...]

class Fit:
    """A maximum-likelihood fit of a lifetime-value model (excellence.clv_fit/1)."""
    model: str
    names: list[str]
    params: dict[str, float]
    standard_errors: Optional[dict[str, float]]
    log_likelihood: float
    converged: bool
    evaluations: int
    status: str
    customers: float
    left_out: int
    warnings: list[Diagnostic]
    @staticmethod
    def parse(text: str, source: str = "<memory>") -> Fit: ...
    @staticmethod
    def read(path: str) -> Fit: ...
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

class Compressed(NamedTuple):
    """Distinct (frequency, recency, T) rows with the number of customers each stands for."""
    frequency: npt.NDArray[np.float64]
    recency: npt.NDArray[np.float64]
    T: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    @property
    def customers(self) -> float: ...

def compress(frequency: npt.ArrayLike, recency: npt.ArrayLike, T: npt.ArrayLike,
             weights: Optional[npt.ArrayLike] = None) -> Compressed: ...
def merge(a: Compressed, b: Compressed) -> Compressed: ...

class Predictions(NamedTuple):
    """Per customer: P(alive) and the expected transactions."""
    p_alive: npt.NDArray[np.float64]
    expected_transactions: npt.NDArray[np.float64]
    def to_frame(self, index: Any = None) -> Any: ...

class Summary:
    """Per customer: frequency, recency, T, monetary_value."""
    customer_id: list[str]
    frequency: npt.NDArray[np.float64]
    recency: npt.NDArray[np.float64]
    T: npt.NDArray[np.float64]
    monetary_value: npt.NDArray[np.float64]
    records: int
    merged: int
    after_end: int
    customers_after_end: int
    def __len__(self) -> int: ...
    def to_frame(self) -> Any: ...

def fit(model: str, frequency: Optional[npt.ArrayLike] = None, recency: Optional[npt.ArrayLike] = None,
        T: Optional[npt.ArrayLike] = None, *, monetary: Optional[npt.ArrayLike] = None,
        weights: Optional[npt.ArrayLike] = None, data: Any = None, start: Optional[Sequence[float]] = None,
        max_evaluations: int = 5000, tolerance: float = 1e-12, threads: int = 0,
        progress: Optional[Callable[[int, int], Any]] = None) -> Fit: ...
def predict(fit: Fit, frequency: npt.ArrayLike, recency: npt.ArrayLike, T: npt.ArrayLike, horizon: float, *,
            threads: int = 0) -> Predictions: ...
def expected_spend(fit: Fit, frequency: npt.ArrayLike, monetary: npt.ArrayLike, threads: int = 0) -> npt.NDArray[np.float64]: ...
def residual_value(fit: Fit, frequency: npt.ArrayLike, recency: npt.ArrayLike, T: npt.ArrayLike,
                   spend: npt.ArrayLike, rate: float = 0.0, period_length: float = 1.0,
                   periods: int = 1) -> npt.NDArray[np.float64]: ...
def expected_transactions(fit: Fit, times: npt.ArrayLike) -> npt.NDArray[np.float64]: ...

class Horizon(NamedTuple):
    length: float
    statement: str

def horizon(amount: float, unit: str, model_unit: str, start: Any = None) -> Horizon: ...

class CovariateFit:
    """A lifetime-value model fitted with time-invariant covariates (excellence.clv_covariate_fit/1)."""
    fit: Fit
    without: Fit
    lr_statistic: float
    degrees_of_freedom: int
    p_value: float
    @staticmethod
    def parse(text: str, source: str = "<memory>") -> CovariateFit: ...
    @staticmethod
    def read(path: str) -> CovariateFit: ...
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_text(self) -> str: ...

def fit_covariates(model: str, frequency: Optional[npt.ArrayLike] = None, recency: Optional[npt.ArrayLike] = None,
                   T: Optional[npt.ArrayLike] = None, *, transaction: Any = None, lifetime: Any = None,
                   data: Any = None, weights: Optional[npt.ArrayLike] = None, start: Optional[Sequence[float]] = None,
                   max_evaluations: int = 5000, tolerance: float = 1e-12, threads: int = 0,
                   progress: Optional[Callable[[int, int], Any]] = None) -> CovariateFit: ...
def predict_covariates(fit: CovariateFit, frequency: Optional[npt.ArrayLike] = None,
                       recency: Optional[npt.ArrayLike] = None, T: Optional[npt.ArrayLike] = None,
                       horizon: float = 1.0, *, transaction: Any = None, lifetime: Any = None, data: Any = None,
                       threads: int = 0) -> Predictions: ...
def discounted_transactions(fit: Fit, frequency: npt.ArrayLike, recency: npt.ArrayLike, T: npt.ArrayLike, rate: float,
                            horizon: float = ..., threads: int = 0) -> npt.NDArray[np.float64]: ...
def summarize(transactions: Any = None, *, customers: Optional[Sequence[Any]] = None, dates: Any = None,
              amounts: Optional[npt.ArrayLike] = None, end: Any, unit: str = "weeks", customer: str = "customer_id",
              date: str = "date", amount: str = "amount") -> Summary: ...

class RetentionFit:
    """A maximum-likelihood fit of the sBG or BdW contractual retention model."""
    model: str
    names: list[str]
    params: dict[str, float]
    standard_errors: Optional[dict[str, float]]
    covariance: Optional[npt.NDArray[np.float64]]
    log_likelihood: float
    aic: float
    converged: bool
    evaluations: int
    status: str
    customers: float
    cohorts: int
    observations: int
    warnings: list[Diagnostic]
    def survival(self, t: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
    def retention_rate(self, t: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
    def expected_lifetime(self, discount: float) -> float: ...
    def residual_lifetime(self, discount: float, renewals: int) -> float: ...
    def elasticity(self, discount: float, renewals: int) -> float: ...

class RetentionAnalysis:
    """Per segment a retention model's fit, projection and lifetimes (excellence.retention_fit/1)."""
    model: str
    discount: Optional[float]
    horizon: int
    fits: dict[str, RetentionFit]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_text(self) -> str: ...

def fit_retention(survivors: Any = None, model: str = "sbg", *, data: Any = None,
                  start: Optional[Sequence[float]] = None, max_evaluations: int = 2000, tolerance: float = 1e-12,
                  progress: Optional[Callable[[int, int], None]] = None) -> RetentionFit: ...
def analyse_retention(survivors: Any = None, discount: Optional[float] = None, model: str = "sbg", *,
                      data: Any = None, horizon: int = 0, fit_through: Optional[int] = None, unit: str = "year",
                      max_evaluations: int = 2000, tolerance: float = 1e-12) -> RetentionAnalysis: ...

class HoldoutValidation:
    """Models fitted to a calibration period against the holdout (excellence.clv_validation/1)."""
    fits: dict[str, Fit]
    def customers(self) -> dict[str, Any]: ...
    def to_html(self, lang: str = "en") -> str: ...
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_text(self) -> str: ...

def validate(transactions: Any = None, *, customers: Any = None, dates: Any = None, amounts: Any = None, end: Any,
             holdout_end: Any, unit: str = "weeks", models: Sequence[str] = ("bgnbd", "pnbd"), largest_count: int = 7,
             customer: str = "customer_id", date: str = "date", amount: str = "amount", max_evaluations: int = 5000,
             tolerance: float = 1e-12, threads: int = 0,
             progress: Optional[Callable[[int, int], None]] = None) -> HoldoutValidation: ...

class Interval(NamedTuple):
    estimate: float
    standard_error: float
    lower: float
    upper: float

class PredictionIntervals(NamedTuple):
    """Per-customer columns with intervals, and the totals."""
    columns: dict[str, npt.NDArray[np.float64]]
    customers_alive: Interval
    expected_total: Interval
    def to_frame(self, index: Any = None) -> Any: ...

def predict_intervals(fit: Fit, frequency: npt.ArrayLike, recency: npt.ArrayLike, T: npt.ArrayLike, horizon: float,
                      *, confidence: float = 0.95, threads: int = 0, bootstrap: int = 0, seed: int = 1,
                      progress: Optional[Callable[[int, int], None]] = None) -> PredictionIntervals: ...
