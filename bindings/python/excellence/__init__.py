"""Excellence: performance-excellence criteria scoring and customer satisfaction / loyalty
analytics (GB/T 19580, Baldrige; NPS, CSAT, RFM, Kano, complaints, retention; PLS path
models of satisfaction indexes; BG/NBD, Pareto/NBD, MBG/NBD, BG/BB and Gamma-Gamma
lifetime-value models).

The same library as the C++ API and the ``excellence`` command, with the same numbers and
the same JSON documents (``to_dict()``). Bad input raises :class:`DataError` (a
``ValueError``) naming the file, line, column and field; numerical trouble (a fit that did
not converge) is reported on the result (``converged``, ``warnings``). See docs/python.md.
"""
from . import _core
from ._core import (
    Assessment,
    CesResult,
    CsiResult,
    IpaPoint,
    IpaResult,
    ServqualResult,
    SimpleClvResult,
    TierResult,
    ValueSummary,
    abc_tiers,
    ces,
    csi,
    customer_pyramid,
    delivered_value,
    ipa,
    servqual,
    simple_clv,
    Consensus,
    CsatResult,
    DataError,
    Diagnostic,
    Evidence,
    Framework,
    ItemConsensus,
    ItemScore,
    KanoAttribute,
    KanoResult,
    NpsResult,
    Report,
    RetentionTable,
    RfmResult,
    ComplaintSummary,
    Score,
    builtin_frameworks,
    complaints,
    consensus,
    csat,
    kano,
    nps,
    report,
    evidence,
    mann_kendall,
    theil_sen,
    retention,
    rfm,
    score,
)
from . import clv, pls


def __getattr__(name):
    # excellence.dask is imported when first used: it needs Dask, which the rest of the
    # package does not, and importing Dask takes a while.
    if name == "dask":
        import importlib

        return importlib.import_module(".dask", __name__)
    raise AttributeError("module 'excellence' has no attribute %r" % (name,))
from ._frames import attach as _attach

__version__ = _core.__version__

__all__ = [
    "Assessment",
    "CesResult",
    "CsiResult",
    "IpaPoint",
    "IpaResult",
    "ServqualResult",
    "SimpleClvResult",
    "TierResult",
    "ValueSummary",
    "abc_tiers",
    "ces",
    "csi",
    "customer_pyramid",
    "delivered_value",
    "ipa",
    "servqual",
    "simple_clv",
    "ComplaintSummary",
    "Consensus",
    "CsatResult",
    "DataError",
    "Diagnostic",
    "Evidence",
    "Framework",
    "ItemConsensus",
    "Report",
    "ItemScore",
    "KanoAttribute",
    "KanoResult",
    "NpsResult",
    "RetentionTable",
    "RfmResult",
    "Score",
    "builtin_frameworks",
    "clv",
    "complaints",
    "consensus",
    "report",
    "evidence",
    "mann_kendall",
    "theil_sen",
    "csat",
    "kano",
    "nps",
    "pls",
    "retention",
    "rfm",
    "score",
]

_attach()
