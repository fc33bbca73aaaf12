"""Frameworks, assessments, scoring and consensus: the numbers the C++ tests check."""
import pytest

import excellence as ex
from conftest import DATA, EXAMPLES


@pytest.fixture(scope="module")
def examiners():
    return [ex.Assessment.read(str(EXAMPLES / f"examiner-{name}.json")) for name in ("wang", "li", "zhao")]


def test_builtin_frameworks():
    assert ex.builtin_frameworks() == ["gbt19580-2012", "baldrige-2023"]
    tree = ex.Framework.builtin("gbt19580-2012")
    assert (tree.id, tree.max_points, len(tree.items)) == ("gbt19580-2012", 1000, 23)
    node = tree.node("4.3")
    assert node["kind"] == "category" and node["points"] == 90 and node["parent"] is None
    assert tree.node("4.3.3")["parent"] == "4.3"
    assert "4.3.3" in tree and "9.9" not in tree
    customers = tree.subtree("4.3")
    assert (customers.scope, customers.max_points, customers.items) == ("4.3", 90, ["4.3.2", "4.3.3"])
    with pytest.raises(KeyError):
        tree.node("9.9")
    # The document reads back to an equal tree.
    again = ex.Framework.parse(tree.to_json(), "again.json")
    assert again.to_dict() == tree.to_dict()


def test_score_of_the_readme(examiners):
    s = ex.score(examiners[0], ex.Framework.builtin("gbt19580-2012"), scope="4.3")
    assert (s.total, s.max) == (42.5, 90)
    assert [(i.id, i.band, i.percent) for i in s.items] == [("4.3.2", "50-65%", 50), ("4.3.3", "30-45%", 45)]
    doc = s.to_dict()
    assert doc["format"] == "excellence.score/1" and doc["total"] == 42.5
    whole = ex.score(examiners[0], ex.Framework.builtin("gbt19580-2012"))
    assert whole.total == 426


def test_consensus(examiners):
    c = ex.consensus(examiners, ex.Framework.builtin("gbt19580-2012"))
    assert len(c.items) == 23 and len(c.scores) == 3
    item = c.items[6]
    assert item.id == "4.3.3" and item.percents == [45, 55, 35]
    assert (item.mean, item.range, item.proposed, item.flagged) == (45.0, 20, 45, True)
    assert item.standard_deviation == pytest.approx(10.0, rel=1e-15)
    assert sum(i.flagged for i in c.items) == 1
    assert not ex.consensus(examiners, ex.Framework.builtin("gbt19580-2012"), flag_range=25).items[6].flagged
    assert c.to_dict()["format"] == "excellence.consensus/1"


def test_data_error_names_file_and_field():
    with pytest.raises(ex.DataError) as caught:
        ex.Assessment.read(str(DATA / "errors" / "acme.json"))
    e = caught.value
    assert isinstance(e, ValueError)
    assert e.code == "not_multiple_of_5"
    assert e.file.endswith("acme.json") and e.path == "items[3].percent"
    assert "37 is not a multiple of 5" in str(e)
    with pytest.raises(ex.DataError) as caught:
        ex.Framework.builtin("iso9001")
    assert caught.value.code == "unknown_framework"
    with pytest.raises(ex.DataError) as caught:
        ex.Assessment.read(str(DATA / "no-such-file.json"))
    assert caught.value.code == "io_error"
    with pytest.raises(ex.DataError) as caught:
        ex.Framework.parse('{"format": "excellence.framework/1",}', "broken.json")
    assert caught.value.code == "invalid_json" and caught.value.line == 1 and caught.value.column > 0


def test_report_of_the_three_examiners(examiners, tmp_path):
    tree = ex.Framework.builtin("gbt19580-2012")
    report = ex.report(examiners, tree)
    assert report.kind == "consensus"
    assert report.tables == ["scores", "categories", "consensus", "comments", "priorities"]
    assert report.consensus.items[6].id == "4.3.3" and report.consensus.items[6].flagged
    page = report.to_html(lang="zh")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">') and "<script" not in page
    assert report._repr_html_().startswith("<!DOCTYPE html>")
    # 23 items x 3 examiners on the spread; 4.3.3 (45, 55, 35 in this order) the one flagged row.
    spread = report.chart("spread")
    assert spread.count('<circle class="examiner"') == 69 and spread.count('<rect class="flagged"') == 1
    assert report.chart("bands", category="4.3").count('<circle class="item"') == 2
    rows = report.to_csv("consensus").split("\r\n")
    assert rows[7] == "4.3.3,Customer relationships and customer satisfaction,45,55,35,3,45,45,35,55,20,10,45,yes"
    book = tmp_path / "consensus.xlsx"
    report.write_xlsx(str(book))
    assert book.read_bytes()[:2] == b"PK"
    with pytest.raises(ex.DataError) as caught:
        report.chart("history")
    assert caught.value.code == "invalid_value" and caught.value.path == "chart"
    with pytest.raises(ValueError, match="kind must be categories, radar, bands, spread or history"):
        report.chart("pie")
    with pytest.raises(ValueError, match="lang must be en or zh"):
        report.to_html(lang="fr")
    history = ex.report([ex.Assessment.read(str(EXAMPLES / "history" / f"xinghe-{y}.json")) for y in (2026, 2025)],
                        tree)
    assert history.kind == "history" and history.consensus is None
    assert [s.date for s in history.scores] == ["2025-10-16", "2026-10-20"]
    assert history.chart("history").count('<polyline class="category"') == 7
