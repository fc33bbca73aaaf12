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


def attach():
    _core.Score.to_frame = _score_frame
    _core.Consensus.to_frame = _consensus_frame
    _core.RfmResult.to_frame = _rfm_frame
    _core.KanoResult.to_frame = _kano_frame
    _core.RetentionTable.to_frame = _retention_frame
