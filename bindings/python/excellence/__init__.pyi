# Type stubs for the excellence package (docs/python.md).
from typing import Any, Optional, Sequence

import numpy as np
import numpy.typing as npt

from . import clv as clv
from . import pls as pls

__version__: str

_Numbers = npt.ArrayLike

class DataError(ValueError):
    """Bad input data, naming file, line, column and field path."""
    code: str
    file: str
    line: int
    column: int
    path: str
    message: str

class Diagnostic:
    """A warning on a result, or the details of an error."""
    @property
    def code(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def severity(self) -> str: ...

def builtin_frameworks() -> list[str]: ...

class Framework:
    """A criteria tree: a whole framework or the part under one node."""
    @staticmethod
    def builtin(id: str) -> Framework: ...
    @staticmethod
    def read(path: str) -> Framework: ...
    @staticmethod
    def parse(text: str, source: str = "<memory>") -> Framework: ...
    @property
    def id(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def max_points(self) -> int: ...
    @property
    def title_zh(self) -> str: ...
    @property
    def title_en(self) -> str: ...
    @property
    def items(self) -> list[str]: ...
    @property
    def node_ids(self) -> list[str]: ...
    def subtree(self, id: str) -> Framework: ...
    def node(self, id: str) -> dict[str, Any]: ...
    def __contains__(self, id: str) -> bool: ...
    def __len__(self) -> int: ...
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

class Assessment:
    """One examiner's assessment of one organisation."""
    @staticmethod
    def read(path: str) -> Assessment: ...
    @staticmethod
    def parse(text: str, source: str = "<memory>") -> Assessment: ...
    framework: str
    organization: str
    examiner: str
    date: str
    source: str
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

class ItemScore:
    """The score of one scored item."""
    id: str
    category: str
    evaluation: str
    assessed: bool
    percent: int
    band: Optional[str]
    score: float
    max: float

class Score:
    """A scored assessment (excellence.score/1)."""
    framework: str
    scope: str
    organization: str
    examiner: str
    date: str
    total: float
    max: float
    assessed_max: float
    overall_band: Optional[int]
    items: list[ItemScore]
    not_assessed: list[str]
    warnings: list[Diagnostic]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> Any: ...

def score(assessment: Assessment, framework: Framework, scope: Optional[str] = None) -> Score: ...

class ItemConsensus:
    """The examiners' percents of one item and what they agree on."""
    id: str
    n: int
    percents: list[Optional[int]]
    mean: Optional[float]
    median: Optional[float]
    range: Optional[int]
    standard_deviation: Optional[float]
    proposed: Optional[int]
    flagged: bool

class Consensus:
    """Several examiners' assessments of one organisation (excellence.consensus/1)."""
    framework: str
    scope: str
    organization: str
    flag_range: int
    scores: list[Score]
    items: list[ItemConsensus]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> Any: ...

def consensus(assessments: Sequence[Assessment], framework: Framework, flag_range: int = 20,
              scope: Optional[str] = None) -> Consensus: ...

class Report:
    """The examiner's report: feedback, consensus or history (docs/reports.md)."""
    kind: str
    scores: list[Score]
    consensus: Optional[Consensus]
    evidence_warnings: list[list[Diagnostic]]
    tables: list[str]
    def to_html(self, lang: str = "en") -> str: ...
    def chart(self, kind: str, category: Optional[str] = None, lang: str = "en") -> str: ...
    def to_csv(self, table: str, lang: str = "en") -> str: ...
    def write_xlsx(self, path: str, lang: str = "en") -> None: ...
    def _repr_html_(self) -> str: ...

def report(assessments: Sequence[Assessment], framework: Framework, flag_range: int = 20,
           scope: Optional[str] = None, evidence: Optional[Evidence] = None) -> Report: ...

class Evidence:
    """Measured customer results as evidence for the results items (docs/evidence.md)."""
    framework: str
    organization: str
    series: list[dict[str, Any]]
    items: list[dict[str, Any]]
    def check(self, assessment: Assessment) -> list[Diagnostic]: ...
    def trend_chart(self, index: int, lang: str = "en") -> str: ...
    def to_text(self, lang: str = "en") -> str: ...
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> Any: ...

def evidence(measures: str, series: str, some: float = 0.25, many: float = 0.5, most: float = 0.75,
             significance: float = 0.10, confidence: float = 0.95, trend_periods: int = 3,
             sustained_periods: int = 3, integration_scope: str = "4.3") -> Evidence: ...

def mann_kendall(values: _Numbers) -> dict[str, Any]: ...

def theil_sen(times: _Numbers, values: _Numbers, confidence: float = 0.95) -> dict[str, Any]: ...

class NpsResult:
    """A Net Promoter Score with its interval (excellence.nps/1)."""
    nps: float
    se: float
    n: int
    promoters: float
    passives: float
    detractors: float
    effective_n: float
    lower: float
    upper: float
    confidence: float
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def nps(answers: _Numbers, weights: Optional[_Numbers] = None, confidence: float = 0.95, interval: str = "wald",
        scale_min: int = 0, scale_max: int = 10, detractor_max: int = 6, promoter_min: int = 9) -> NpsResult: ...

class CsatResult:
    """CSAT: the top-box share with its Wilson interval (excellence.csat/1)."""
    csat: float
    lower: float
    upper: float
    confidence: float
    mean_rating: float
    satisfied: int
    n: int
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def csat(ratings: _Numbers, scale_min: int = 1, scale_max: int = 5, top_box_min: int = 4,
         confidence: float = 0.95) -> CsatResult: ...

class RfmResult:
    """RFM scores and the concentration of value (excellence.rfm/1)."""
    customers: list[str]
    recency: list[int]
    frequency: list[int]
    monetary: list[int]
    segments: list[str]
    gini: Optional[float]
    top_20_share: Optional[float]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> Any: ...

def rfm(customers: Sequence[str], recency: _Numbers, frequency: _Numbers, monetary: _Numbers,
        bins: int = 5) -> RfmResult: ...

class KanoAttribute:
    """The Kano classification of one attribute."""
    name: str
    category: str
    n: int
    better: Optional[float]
    worse: Optional[float]
    questionable_share: float

class KanoResult:
    """Kano classification per attribute (excellence.kano/1)."""
    attributes: list[KanoAttribute]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> Any: ...

def kano(attributes: Sequence[str], functional: _Numbers, dysfunctional: _Numbers,
         tie_margin: float = 0.0) -> KanoResult: ...

class ComplaintSummary:
    """Complaint resolution with open complaints censored (excellence.complaints/1)."""
    complaints: int
    resolved: int
    open: int
    median: Optional[float]
    p90: Optional[float]
    share_within_limit: Optional[float]
    first_contact_resolution: Optional[float]
    reopen_rate: Optional[float]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def complaints(duration: _Numbers, status: Sequence[str], first_contact: Optional[Sequence[Optional[float]]] = None,
               reopened: Optional[Sequence[Optional[float]]] = None, limit: Optional[float] = None,
               unit: str = "days") -> ComplaintSummary: ...

class RetentionTable:
    """Cohort retention (excellence.retention/1)."""
    retention_by_age: list[float]
    active_share_by_age: list[float]
    customers: int
    cohorts: list[dict[str, Any]]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_frame(self) -> Any: ...

def retention(customers: Sequence[str], periods: Sequence[str], unit: str = "month") -> RetentionTable: ...

class CesResult:
    """Customer effort: the mean answer and the shares of easy and hard answers."""
    mean: float
    easy: float
    hard: float
    net: float
    n: int
    version: str

def ces(answers: _Numbers, version: str = "2.0") -> CesResult: ...

class ServqualResult:
    """SERVQUAL or SERVPERF by item and dimension (excellence.servqual/1)."""
    model: str
    unweighted: float
    weighted: Optional[float]
    respondents: int
    dropped: int
    dimensions: dict[str, float]
    warnings: list[Diagnostic]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def servqual(respondent: Sequence[str], item: Sequence[str], dimension: Sequence[str],
             expectation: Optional[Sequence[Optional[float]]], perception: Sequence[Optional[float]],
             importance: Optional[Sequence[float]] = None, scale_min: int = 1, scale_max: int = 7,
             missing: str = "error") -> ServqualResult: ...

class IpaPoint:
    """One attribute in the importance-performance grid."""
    name: str
    importance: float
    performance: float
    quadrant: str

class IpaResult:
    """Importance-performance analysis: a quadrant per attribute."""
    attributes: list[IpaPoint]
    crosshair: str
    importance_line: float
    performance_line: float

def ipa(names: Sequence[str], importance: _Numbers, performance: _Numbers, crosshair: str = "data_means",
        scale_min: float = 1.0, scale_max: float = 5.0) -> IpaResult: ...

class CsiResult:
    """A weighted satisfaction index, 0-100."""
    index: float
    attributes: list[dict[str, Any]]

def csi(names: Sequence[str], scores: _Numbers, importance: _Numbers, scale_min: float = 1.0,
        scale_max: float = 5.0) -> CsiResult: ...

class TierResult:
    """Customers in tiers by value rank."""
    tier: list[int]
    tiers: list[dict[str, Any]]
    unprofitable: int

def abc_tiers(values: _Numbers, basis: str = "value", a_cut: float = 0.8, b_cut: float = 0.95) -> TierResult: ...
def customer_pyramid(values: _Numbers, basis: str = "count", cuts: Sequence[float] = (0.2, 0.5, 0.8),
                     unprofitable_are_lead: bool = True) -> TierResult: ...

class SimpleClvResult:
    """Lifetime value from a margin, a retention rate and a discount rate (excellence.clv_simple/1)."""
    clv: float
    margin_multiple: float
    average_life: Optional[float]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def simple_clv(margin: float, retention: float, discount: float, horizon: Optional[int] = None,
               timing: str = "end", acquisition_cost: float = 0.0) -> SimpleClvResult: ...

class ValueSummary:
    """Customer delivered value per offer (excellence.value/1)."""
    respondents: int
    preferred: list[str]
    offers: list[dict[str, Any]]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def delivered_value(respondent: Optional[Sequence[str]], offer: Sequence[str], amounts: dict[str, _Numbers],
                    sensitivity: Optional[float] = None) -> ValueSummary: ...
