# Type stubs for excellence.pls (docs/python.md).
from typing import Any, Callable, Dict, Optional, Sequence

import numpy as np
import numpy.typing as npt

from . import Diagnostic

class Model:
    """A PLS path model: latent variables, their paths, their blocks of indicators."""
    def __init__(self, latent_variables: Sequence[str], paths: Sequence[Sequence[int]],
                 blocks: Sequence[Sequence[str]], modes: Optional[Sequence[str]] = None) -> None: ...
    @staticmethod
    def read(path: str) -> Model: ...
    @staticmethod
    def parse(text: str, source: str = "<memory>") -> Model: ...
    @staticmethod
    def from_syntax(text: str, source: str = "<memory>") -> Model: ...
    def to_syntax(self) -> str: ...
    def to_json(self, indent: int = 2) -> str: ...
    latent_variables: list[str]
    paths: list[list[int]]
    blocks: list[list[str]]
    indicators: list[str]

def acsi(expectations: Sequence[str], quality: Sequence[str], value: Sequence[str], satisfaction: Sequence[str],
         complaints: Sequence[str], loyalty: Sequence[str]) -> Model: ...
def ccsi(image: Sequence[str], expected_quality: Sequence[str], perceived_quality: Sequence[str], value: Sequence[str],
         satisfaction: Sequence[str], loyalty: Sequence[str]) -> Model: ...
def ecsi(image: Sequence[str], expectations: Sequence[str], quality: Sequence[str], value: Sequence[str],
         satisfaction: Sequence[str], loyalty: Sequence[str]) -> Model: ...

class Bootstrap:
    """Bootstrap estimates: standard errors, t values, percentile, BC or BCa intervals."""
    weights: list[dict[str, Any]]
    loadings: list[dict[str, Any]]
    paths: list[dict[str, Any]]
    total_effects: list[dict[str, Any]]
    indirect_effects: list[dict[str, Any]]
    specific_indirect_effects: list[dict[str, Any]]
    r2: list[dict[str, Any]]
    htmt: list[dict[str, Any]]
    interval: str
    resamples: int
    succeeded: int
    failed: int
    seed: int
    confidence: float
    warnings: list[Diagnostic]
    def to_frame(self, table: str = "paths") -> Any: ...

class Index:
    """The 0-100 index of each latent variable."""
    latent_variables: list[str]
    index: npt.NDArray[np.float64]
    scores: npt.NDArray[np.float64]
    normalised_weights: npt.NDArray[np.float64]

class Fit:
    """The estimates of a PLS path model (excellence.pls_fit/1)."""
    latent_variables: list[str]
    indicators: list[str]
    weights: npt.NDArray[np.float64]
    loadings: npt.NDArray[np.float64]
    communality: npt.NDArray[np.float64]
    cross_loadings: npt.NDArray[np.float64]
    scores: npt.NDArray[np.float64]
    paths: npt.NDArray[np.float64]
    total_effects: npt.NDArray[np.float64]
    r2: npt.NDArray[np.float64]
    lv_correlations: npt.NDArray[np.float64]
    consistent: bool
    rho_a: list[Optional[float]]
    gof: float
    iterations: int
    converged: bool
    n: int
    rows_dropped: int
    cells_imputed: int
    warnings: list[Diagnostic]
    def path(self, from_: str, to: str) -> float: ...
    def to_json(self, indent: int = 2, bootstrap: Optional[Bootstrap] = None, index: Optional[Index] = None) -> str: ...
    def to_dict(self, bootstrap: Optional[Bootstrap] = None, index: Optional[Index] = None) -> dict[str, Any]: ...
    def to_frame(self, table: str = "paths") -> Any: ...
    def to_svg(self, bootstrap: Optional[Bootstrap] = None, lang: str = "en") -> str: ...
    def to_html(self, bootstrap: Optional[Bootstrap] = None, index: Optional[Index] = None,
                ipma: Optional[Ipma] = None, *, subtitle: str = "", lang: str = "en") -> str: ...

class Moments:
    """Count, means and co-moments of indicator columns; mergeable."""
    names: list[str]
    n: int
    mean: npt.NDArray[np.float64]
    comoments: npt.NDArray[np.float64]
    rows_dropped: int

def moments(data: Any, names: Optional[Sequence[str]] = None, *, model: Optional[Model] = None,
            missing: str = "error") -> Moments: ...
def merge(a: Moments, b: Moments) -> Moments: ...
def estimate(model: Model, data: Any, names: Optional[Sequence[str]] = None, *, scheme: str = "path",
             standardized: bool = True, stop: str = "exact", tolerance: Optional[float] = None,
             max_iterations: int = 300, missing: str = "error", consistent: bool = False) -> Fit: ...
def bootstrap(model: Model, data: Any, names: Optional[Sequence[str]] = None, *, resamples: int = 5000, seed: int = 1,
              confidence: float = 0.95, threads: int = 0, progress: Optional[Callable[[int, int], Any]] = None,
              interval: str = "percentile", keep_draws: bool = False, scheme: str = "path", standardized: bool = True,
              stop: str = "exact", tolerance: Optional[float] = None, max_iterations: int = 300,
              missing: str = "error", consistent: bool = False) -> Bootstrap: ...
def index(fit: Fit, scale_min: npt.ArrayLike, scale_max: npt.ArrayLike) -> Index: ...

def ipma_bootstrap(model: Model, data: Any, names: Optional[Sequence[str]] = None, *, target: str,
                   scale_min: npt.ArrayLike, scale_max: npt.ArrayLike, resamples: int = 5000, seed: int = 1,
                   confidence: float = 0.95, threads: int = 0, progress: Optional[Callable[[int, int], None]] = None,
                   crosshair: str = "data_means", importance_line: Optional[float] = None,
                   performance_line: Optional[float] = None, scheme: str = "path", standardized: bool = True,
                   stop: str = "exact", tolerance: Optional[float] = None, max_iterations: int = 300,
                   missing: str = "error") -> Ipma: ...
def mga(model: Model, data: Any, groups: Any, names: Optional[Sequence[str]] = None, *, permutations: int = 5000,
        resamples: int = 0, seed: int = 1, threads: int = 0, compare: Optional[Sequence[str]] = None,
        progress: Optional[Callable[[int, int], None]] = None, scheme: str = "path", standardized: bool = True,
        stop: str = "exact", tolerance: Optional[float] = None, max_iterations: int = 300, missing: str = "error",
        consistent: bool = False) -> Dict[str, Any]: ...
def model_fit(model: Model, data: Any, names: Optional[Sequence[str]] = None, *, resamples: int = 0, seed: int = 1,
              threads: int = 0, progress: Optional[Callable[[int, int], None]] = None, scheme: str = "path",
              standardized: bool = True, stop: str = "exact", tolerance: Optional[float] = None,
              max_iterations: int = 300, missing: str = "error", consistent: bool = False) -> Dict[str, Any]: ...
def predict(model: Model, data: Any, names: Optional[Sequence[str]] = None, *, folds: int = 10, repetitions: int = 10,
            seed: int = 1, scheme: str = "path", standardized: bool = True, stop: str = "exact",
            tolerance: Optional[float] = None, max_iterations: int = 300) -> dict[str, Any]: ...

class Ipma:
    """An importance-performance map of a PLS model (excellence.pls_ipma/1)."""
    target: str
    target_performance: float
    rescaled_weights: list[float]
    importance_line: float
    performance_line: float
    resamples: int
    warnings: list[Diagnostic]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_svg(self, indicators: bool = False, lang: str = "en") -> str: ...

def ipma(fit: Fit, target: str, scale_min: npt.ArrayLike, scale_max: npt.ArrayLike, crosshair: str = "data_means",
         importance_line: Optional[float] = None, performance_line: Optional[float] = None) -> Ipma: ...
