"""``to_frame()`` for the results that are tables, when pandas is installed.

pandas is optional: it is imported only when ``to_frame()`` is called, and its absence is
an ImportError that says so.
"""
from . import _core


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise ImportError("to_frame() needs pandas (Debian: python3-pandas)") from e
    return pandas


def _table(objects, index, columns):
    """A DataFrame of one row per object: the `index` attribute as index, then `columns`."""
    pd = _pandas()
    rows = {name: [getattr(o, name) for o in objects] for name in columns}
    return pd.DataFrame(rows, index=pd.Index([getattr(o, index) for o in objects], name=index))


def _score_frame(self):
    """One row per scored item: category, evaluation, assessed, percent, band, score, max."""
    return _table(self.items, "id", ["category", "evaluation", "assessed", "percent", "band", "score", "max"])


def _consensus_frame(self):
    """One row per item: n, mean, median, range, standard_deviation, proposed, flagged."""
    return _table(self.items, "id", ["n", "mean", "median", "range", "standard_deviation", "proposed", "flagged"])


def _rfm_frame(self):
    """One row per customer: recency, frequency and monetary scores and the segment."""
    pd = _pandas()
    return pd.DataFrame(
        {
            "recency": self.recency,
            "frequency": self.frequency,
            "monetary": self.monetary,
            "segment": self.segments,
        },
        index=pd.Index(self.customers, name="customer"),
    )


def _kano_frame(self):
    """One row per attribute: category, n, better, worse, questionable_share."""
    return _table(self.attributes, "name", ["category", "n", "better", "worse", "questionable_share"])


def _retention_frame(self):
    """Cohorts by age: the share of each cohort retained (seen at that age or later)."""
    pd = _pandas()
    return pd.DataFrame(
        {c["cohort"]: pd.Series(c["retention"]) for c in self.cohorts}
    ).T.rename_axis(index="cohort", columns="age")


def _evidence_frame(self):
    """One row per series (measure and segment): the last level, its target gap and rank,
    the trend (status, Theil-Sen slope, Mann-Kendall p, sustained) and the comparison standing."""
    pd = _pandas()
    rows = []
    for s in self.series:
        level, trend = s["level"], s["trend"]
        rows.append({
            "measure": s["measure"],
            "segment": s["segment"],
            "key": s["key"],
            "better": s["better"],
            "period": level["period"],
            "value": level["value"],
            "target_gap": level["target_gap"],
            "rank": level["rank"],
            "ranked": level["ranked"],
            "good": level["good"],
            "trend": trend["status"],
            "slope": trend["theil_sen"]["slope"] if trend["theil_sen"] else None,
            "p_value": trend["mann_kendall"]["p_value"] if trend["mann_kendall"] else None,
            "sustained": trend["sustained"],
            "favourable": s["favourable"],
            "leading": s["leading"],
        })
    return pd.DataFrame(rows).set_index(["measure", "segment"])


def attach():
    _core.Evidence.to_frame = _evidence_frame
    _core.Score.to_frame = _score_frame
    _core.Consensus.to_frame = _consensus_frame
    _core.RfmResult.to_frame = _rfm_frame
    _core.KanoResult.to_frame = _kano_frame
    _core.RetentionTable.to_frame = _retention_frame
