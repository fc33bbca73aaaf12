#!/usr/bin/env python3
"""The examiner's report, the PLS model report and the CLV validation report in a real browser
(headless Chromium).

Renders the shipped samples with `excellence report` (one examiner's feedback, the three
examiners' consensus in English and Chinese, the two-year history), then for each page:

* loads it in headless Chromium, driven through its DevTools protocol, and records every
  request the page's own session makes: the page must make none but its own;
* reads the page's console and log: the page must write nothing to either;
* reads the DOM Chromium built: every item with the percent, band and points of
  the `excellence score --json` document, every comment of the input files, every chart with its
  title, text alternative, numbers table and the expected number of marks;
* prints it to PDF (Page.printToPDF, as --print-to-pdf does) and checks with poppler's pdfinfo and pdftotext that
  every category starts a page.

The model report (`excellence pls … --report`, with every analysis, in English and Chinese)
gets the same request, console and A4 checks, and: every path coefficient of the
`excellence pls --json` document in its table, each picture with its constructs, indicators,
paths and points, every id once, and no page wider than the window.

A control page with a console message and an external image shows that both detectors
catch what they are meant to catch.

usage: check_report.py EXCELLENCE SOURCE_DIR WORK_DIR
"""

import base64
import html.parser
import json
import select
import os
import re
import shutil
import subprocess
import sys
import time

EXCELLENCE, SOURCE, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FAILURES = []
# How many pixels a page is wider than the window (0 when it fits).
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def fail(message):
    FAILURES.append(message)
    print("FAIL:", message)


def check(condition, message):
    if not condition:
        fail(message)


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


class Browser:
    """One headless Chromium for the whole run, driven through the DevTools protocol on a pipe
    (--remote-debugging-pipe: commands on the child's fd 3, replies and events on its fd 4,
    each message JSON ended by a NUL byte). Each page opens in a tab of its own with the cache
    off, and what it requests and writes to its console is read from that tab's own session,
    apart from the browser's background traffic. One browser rather than one per page: a
    Chromium start costs more than a second, and the run loads, reads and prints some twenty
    pages."""

    def __init__(self):
        to_child_read, self._to_child = os.pipe()
        self._from_child, from_child_write = os.pipe()
        profile = os.path.join(WORK, "profile")
        shutil.rmtree(profile, ignore_errors=True)

        def wire():  # in the child: fd 3 reads the commands, fd 4 writes the replies
            a, b = os.dup(to_child_read), os.dup(from_child_write)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
            # close_fds would close fds 3 and 4 after wire() made them
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_child_read)
        os.close(from_child_write)
        self._buffer = b""
        self._next = 0
        self.events = []

    def _receive(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session, seconds):
        """Waits until the event `method` of `session` has arrived (perhaps already, while a
        command's reply was awaited) or `seconds` have passed; whether it came."""
        def wanted(e):
            return e.get("method") == method and e.get("sessionId") == session
        if any(wanted(e) for e in self.events):
            return True
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if b"\0" not in self._buffer:  # no whole message read yet: wait for more
                ready, _, _ = select.select([self._from_child], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    break
            event = self._receive()
            self.events.append(event)
            if wanted(event):
                return True
        return False

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self._process.wait(timeout=30)
        os.close(self._to_child)
        os.close(self._from_child)


class Page:
    """A page loaded in a new tab of the browser: the URLs it requested and its console and
    log messages (console API calls, uncaught exceptions, log entries of warning or error)
    until a second after its load event; then expressions evaluated in it, its DOM as
    Chromium built it, and its print to PDF."""

    def __init__(self, browser, url):
        self._browser = browser
        self._target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = browser.call("Target.attachToTarget", {"targetId": self._target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            browser.call(domain + ".enable", session=self._session)
        browser.call("Network.setCacheDisabled", {"cacheDisabled": True}, session=self._session)
        browser.events = [e for e in browser.events if e.get("sessionId") != self._session]
        browser.call("Page.navigate", {"url": url}, session=self._session)
        loaded = browser.wait_for("Page.loadEventFired", self._session, 30)
        browser.wait_for("never", self._session, 1.0)  # anything the page does after its load event
        self.requests, self.console = [], []
        for e in browser.events:
            if e.get("sessionId") != self._session:
                continue
            p = e.get("params", {})
            if e.get("method") == "Network.requestWillBeSent":
                self.requests.append(p["request"]["url"])
            elif e.get("method") == "Runtime.consoleAPICalled":
                self.console.append("console.%s: %s" % (p["type"], " ".join(str(a.get("value")) for a in p["args"])))
            elif e.get("method") == "Runtime.exceptionThrown":
                self.console.append("exception: %s" % p["exceptionDetails"].get("text"))
            elif e.get("method") == "Log.entryAdded" and p["entry"]["level"] in ("warning", "error"):
                self.console.append("%s: %s" % (p["entry"]["level"], p["entry"]["text"]))
        browser.events = [e for e in browser.events if e.get("sessionId") != self._session]
        if not loaded:
            self.console.append("the page did not finish loading in 30 s")

    def evaluate(self, expression):
        return self._browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                  session=self._session)["result"].get("value")

    def dom(self):
        """The serialised DOM, as --dump-dom prints it."""
        return self.evaluate("document.documentElement.outerHTML")

    def print_pdf(self, path):
        """Printed as --print-to-pdf --no-pdf-header-footer prints: the page's own @page size."""
        data = self._browser.call("Page.printToPDF", {"preferCSSPageSize": True, "displayHeaderFooter": False},
                                  session=self._session)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        self._browser.call("Target.closeTarget", {"targetId": self._target})


class Dom(html.parser.HTMLParser):
    """The parts of a report the checks read: elements with their attributes, the figure
    each lies in, and the text."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs, figure id)
        self.text = []
        self.figures = {}  # id -> {"title": str, "desc": str, "rows": int}
        self._stack = []
        self._figure = None
        self._capture = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure":
            self._figure = attrs.get("id")
            self.figures[self._figure] = {"title": "", "desc": "", "rows": 0}
        if tag in ("title", "desc") and self._figure:
            self._capture = tag
        if tag == "tr" and self._figure and self._stack and self._stack[-1] == "tbody":
            self.figures[self._figure]["rows"] += 1
        self.elements.append((tag, attrs, self._figure))
        if tag not in ("circle", "rect", "path", "line", "polygon", "polyline", "meta", "link", "br"):
            self._stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), self._figure))

    def handle_endtag(self, tag):
        if tag == "figure":
            self._figure = None
        if tag in ("title", "desc"):
            self._capture = None
        while self._stack:
            if self._stack.pop() == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        if self._capture and self._figure:
            self.figures[self._figure][self._capture] += data

    def count(self, figure, tag, cls):
        return sum(1 for t, a, f in self.elements
                   if f == figure and t == tag and cls in (a.get("class") or "").split())

    def all_text(self):
        return "".join(self.text)


def score_json(*files):
    return json.loads(run([EXCELLENCE, "score", "--json", *files]).stdout)


def comments(files):
    out = []
    for f in files:
        with open(f, encoding="utf-8") as stream:
            doc = json.load(stream)
        for item in doc["items"]:
            for key in ("strengths", "opportunities", "comments"):
                for c in item.get(key, []):
                    out.append(c if isinstance(c, str) else c["text"])
        out += [t["text"] for t in doc.get("key_themes", [])]
    return out


def check_figures(dom, page):
    for fid, fig in dom.figures.items():
        check(fig["title"].strip() != "", "%s: figure %s has no <title>" % (page, fid))
        check(len(fig["desc"].strip()) > 20, "%s: figure %s has no text alternative" % (page, fid))
        check(fig["rows"] > 0, "%s: figure %s has no numbers table" % (page, fid))


def check_marks(dom, page, expected):
    for (figure, tag, cls), n in expected.items():
        got = dom.count(figure, tag, cls)
        check(got == n, "%s: figure %s has %d %s.%s, expected %d" % (page, figure, got, tag, cls, n))


def check_items(dom, page, score):
    """Every item of the score document appears with its percent and band."""
    found = {}
    for tag, a, _ in dom.elements:
        if "data-item" in a and "data-percent" in a:
            found.setdefault(a["data-item"], (a["data-percent"], a.get("data-band"), a.get("data-score")))
    for item in score["items"]:
        if not item["assessed"]:
            continue
        got = found.get(item["id"])
        want = (str(item["percent"]), item["band"], "%g" % item["score"])
        check(got == want, "%s: item %s shows %s, the score document says %s" % (page, item["id"], got, want))


def examiner_items(dom, examiner):
    """item id -> (percent, band) of one examiner's column in a consensus page."""
    out = {}
    current = None
    for tag, a, _ in dom.elements:
        if tag == "article" and "data-item" in a:
            current = a["data-item"]
        if a.get("data-examiner") == examiner and "data-percent" in a and current:
            out.setdefault(current, (a["data-percent"], a.get("data-band")))
    return out


def print_pdf(browser, name, headings):
    pdf = os.path.join(WORK, name.replace(".html", ".pdf"))
    page = Page(browser, "file://" + os.path.join(WORK, name))
    page.print_pdf(pdf)
    page.close()
    info = run(["pdfinfo", pdf]).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    check(size and abs(float(size.group(1)) - 595.28) < 1 and abs(float(size.group(2)) - 841.89) < 1,
          "%s: the pages are not A4: %s" % (name, size.group(0) if size else info))
    check(pages >= len(headings) + 1, "%s: %d pages for %d categories and the summary" % (name, pages, len(headings)))
    firsts = []
    for p in range(1, pages + 1):
        text = run(["pdftotext", "-f", str(p), "-l", str(p), "-layout", pdf, "-"]).stdout
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        firsts.append(re.sub(r"\s+", " ", lines[0]) if lines else "")
    for heading in headings:
        check(any(f.startswith(heading) for f in firsts),
              "%s: no page starts with the category heading %r (first lines: %s)" % (name, heading, firsts))
    print("%s: %d A4 pages" % (name, pages))
    return pages


def category_headings(score, lang):
    tree = json.loads(run([EXCELLENCE, "tree", "--json"]).stdout)
    titles = {}

    def walk(node):
        titles[node["id"]] = node.get("title_" + lang) or node.get("title_en")
        for child in node.get("children", []):
            walk(child)

    for root in tree["tree"]:
        walk(root)
    return [c["id"] + " " + titles[c["id"]] for c in score["categories"]]


def check_page(browser, name, path):
    """A report page loaded from its file: no request but its own, nothing on the console, no
    wider than the window. Returns the page, still open, and its DOM."""
    url = "file://" + path
    page = Page(browser, url)
    check(page.requests == [url], "%s: requests other than the page itself: %s" % (name, page.requests))
    check(page.console == [], "%s: console messages: %s" % (name, page.console))
    overflow = page.evaluate(OVERFLOW)
    check(overflow == 0, "%s: the page is %s px wider than the window" % (name, overflow))
    return page, Dom(page.dom())


def check_a4(name, page, headings):
    """The page printed to PDF: A4, with every heading in its text. Closes the page."""
    pdf = os.path.join(WORK, name.replace(".html", ".pdf"))
    page.print_pdf(pdf)
    page.close()
    info = run(["pdfinfo", pdf]).stdout
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    check(size and abs(float(size.group(1)) - 595.28) < 1, "%s: the pages are not A4" % name)
    printed = re.sub(r"\s+", " ", run(["pdftotext", pdf, "-"]).stdout)
    for heading in headings:
        check(heading in printed, "%s: the PDF lacks %r" % (name, heading))
    print("%s: %s A4 pages" % (name, re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)))


def check_model_reports(browser, data_dir):
    """The model report with every analysis, in both languages."""
    data = os.path.join(data_dir, "satisfaction.csv")
    model = os.path.join(data_dir, "satisfaction_model.txt")
    fit = json.loads(run([EXCELLENCE, "pls", data, "--model", model, "--json"]).stdout)
    constructs = len(fit["blocks"])
    ipma = json.loads(run([EXCELLENCE, "pls", data, "--model", model, "--ipma", "SAT", "--scale-min", "0",
                           "--scale-max", "10", "--json"]).stdout)
    for lang, headings in (("en", ["Structural model", "Measurement model", "Importance–performance map of SAT",
                                   "Model fit", "PLSpredict", "Multigroup analysis"]),
                           ("zh", ["结构模型", "测量模型", "SAT 的重要性-绩效图分析（IPMA）", "模型拟合", "PLSpredict",
                                   "多群组分析"])):
        name = "model-%s.html" % lang
        path = os.path.join(WORK, name)
        run([EXCELLENCE, "pls", data, "--model", model, "--bootstrap", "100", "--ipma", "SAT", "--scale-min", "0",
             "--scale-max", "10", "--index", "--fit", "--predict", "5,2", "--groups", "gender", "--permutations",
             "200", "--threads", "2", "--lang", lang, "--report", path])
        page, dom = check_page(browser, name, path)
        ids = [a["id"] for _, a, _ in dom.elements if "id" in a]
        check(len(ids) == len(set(ids)), "%s: ids used twice: %s" % (name, sorted({i for i in ids if ids.count(i) > 1})))
        for fid, fig in dom.figures.items():
            check(fig["title"].strip() != "", "%s: figure %s has no <title>" % (name, fid))
            check(len(fig["desc"].strip()) > 20, "%s: figure %s has no text alternative" % (name, fid))
        check_marks(dom, name, {
            ("figure-path-diagram", "ellipse", "construct"): constructs,
            ("figure-path-diagram", "rect", "indicator"): len(fit["weights"]),
            ("figure-path-diagram", "path", "path"): len(fit["paths"]),
            ("figure-ipma-constructs", "circle", "point"): len(ipma["constructs"]),
            ("figure-ipma-indicators", "circle", "point"): len(ipma["indicators"]),
        })
        text = dom.all_text()
        for path_name, value in fit["paths"].items():
            check("%s%.4f" % (path_name, value) in text,
                  "%s: path %s with %.4f missing" % (name, path_name, value))
        for heading in headings:
            check(heading in text, "%s: no section %r" % (name, heading))
        check_a4(name, page, headings)


def check_clv_reports(browser):
    """The lifetime-value validation report (`excellence clv validate … --report`), in both
    languages: the same request, console, width and A4 checks, every model's log-likelihood
    and the charts' lines and bars."""
    transactions = os.path.join(SOURCE, "tests", "data", "clv", "cdnow_sample_transactions.csv")
    args = [EXCELLENCE, "clv", "validate", transactions, "--end", "1997-09-30", "--holdout-end", "1998-06-30",
            "--amount", "dollar_value", "--model", "bgnbd,pnbd,mbgnbd"]
    validation = json.loads(run(args + ["--json"]).stdout)
    models = len(validation["models"])
    for lang, headings in (("en", ["Models compared", "Tracking", "Calibration fit",
                                   "Holdout by calibration frequency"]),
                           ("zh", ["模型比较", "跟踪", "校准期拟合", "按校准期频次的保留期交易"])):
        name = "clv-%s.html" % lang
        path = os.path.join(WORK, name)
        run(args + ["--lang", lang, "--report", path])
        page, dom = check_page(browser, name, path)
        check_figures(dom, name)
        check_marks(dom, name, {
            ("tracking", "polyline", "series"): 1 + models,
            ("cumulative", "polyline", "series"): 1 + models,
            ("by-frequency", "polyline", "series"): 1 + models,
            ("histogram", "rect", "bar"): len(validation["histogram"]) * (1 + models),
        })
        text = dom.all_text()
        for m in validation["models"]:
            check("%.2f" % m["log_likelihood"] in text, "%s: %s's log-likelihood missing" % (name, m["model"]))
        for heading in headings:
            check(heading in text, "%s: no section %r" % (name, heading))
        check_a4(name, page, headings)


def main():
    if CHROMIUM is None:
        print("chromium is not installed (Debian package chromium)")
        return 1
    os.makedirs(WORK, exist_ok=True)
    data = os.path.join(SOURCE, "examples", "data")
    examiners = [os.path.join(data, "examiner-%s.json" % n) for n in ("li", "wang", "zhao")]
    history = [os.path.join(data, "history", "xinghe-2025.json"), os.path.join(data, "history", "xinghe-2026.json")]
    reports = {
        "feedback-en.html": (["--lang", "en"], [examiners[1]]),
        "consensus-en.html": (["--lang", "en"], examiners),
        "consensus-zh.html": (["--lang", "zh"], examiners),
        "history-en.html": (["--lang", "en"], history),
    }
    for name, (options, files) in reports.items():
        run([EXCELLENCE, "report", *files, *options, "--out", os.path.join(WORK, name)])
    with open(os.path.join(WORK, "control.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>'
                '<img src="http://example.invalid/x.png" alt=""><script>console.error("control")</script>'
                '<div style="width: 3000px">wide</div></body></html>')

    browser = Browser()
    try:
        return check_all(browser, examiners, history, reports)
    finally:
        browser.close()


def check_all(browser, examiners, history, reports):
    control = Page(browser, "file://" + os.path.join(WORK, "control.html"))
    overflow = control.evaluate(OVERFLOW)
    control.close()
    check(overflow > 0, "control: the wide page was not seen as wider than the window: %s" % overflow)
    check(any("example.invalid" in r for r in control.requests),
          "control: the external image was not seen: %s" % control.requests)
    check(any("control" in c for c in control.console),
          "control: the console message was not seen: %s" % control.console)

    doms = {}
    for name in reports:
        url = "file://" + os.path.join(WORK, name)
        page = Page(browser, url)
        check(page.requests == [url], "%s: requests other than the page itself: %s" % (name, page.requests))
        check(page.console == [], "%s: console messages: %s" % (name, page.console))
        dom_text = page.dom()
        page.close()
        check(len(dom_text) > 10000, "%s: no DOM (%d bytes)" % (name, len(dom_text)))
        dom = Dom(dom_text)
        doms[name] = dom
        check_figures(dom, name)
        text = dom.all_text()
        for c in comments(reports[name][1]):
            check(c in text, "%s: comment missing: %s" % (name, c))

    # Feedback: every item, its band chart per category, the category bars.
    wang = score_json(examiners[1])
    dom = doms["feedback-en.html"]
    check_items(dom, "feedback-en.html", wang)
    marks = {("category-scores", "rect", "score"): len(wang["categories"]),
             ("category-radar", "polygon", "series"): 1}
    for c in wang["categories"]:
        items = [i for i in wang["items"] if i["category"] == c["id"]]
        marks[("bands-" + c["id"], "circle", "item")] = sum(1 for i in items if i["assessed"])
        marks[("bands-" + c["id"], "path", "dimension")] = sum(len(i.get("dimensions", {})) for i in items)
    check_marks(dom, "feedback-en.html", marks)

    # Consensus, in both languages: each examiner's column, the spread, the radar.
    panel = score_json(*examiners)
    for name in ("consensus-en.html", "consensus-zh.html"):
        dom = doms[name]
        for s in panel["scores"]:
            shown = examiner_items(dom, s["examiner"])
            for item in s["items"]:
                check(shown.get(item["id"]) == (str(item["percent"]), item["band"]),
                      "%s: %s's %s shows %s, expected %s %s" % (name, s["examiner"], item["id"],
                                                               shown.get(item["id"]), item["percent"], item["band"]))
        rows = {}
        for tag, a, _ in dom.elements:
            if tag == "tr" and "consensus-item" in (a.get("class") or ""):
                rows[a["data-item"]] = "flagged" in a["class"].split()
        for item in panel["consensus"]:
            check(rows.get(item["id"]) == item["flagged"], "%s: consensus row of %s" % (name, item["id"]))
        check_marks(dom, name, {
            ("consensus-spread", "circle", "examiner"): sum(1 for i in panel["consensus"] for p in i["percents"]
                                                            if p is not None),
            ("consensus-spread", "line", "median"): sum(1 for i in panel["consensus"] if i["n"] > 0),
            ("consensus-spread", "path", "proposed"): sum(1 for i in panel["consensus"] if i["n"] > 0),
            ("consensus-spread", "rect", "flagged"): sum(1 for i in panel["consensus"] if i["flagged"]),
            ("category-radar", "polygon", "series"): len(panel["scores"]),
        })

    # History: the lines, the radar per year, the latest record in full.
    records = [score_json(f) for f in history]
    dom = doms["history-en.html"]
    check_items(dom, "history-en.html", records[-1])
    check_marks(dom, "history-en.html", {
        ("history-lines", "polyline", "category"): len(records[-1]["categories"]),
        ("history-lines", "circle", "point"): len(records[-1]["categories"]) * len(records),
        ("history-radar", "polygon", "series"): len(records),
    })

    check_model_reports(browser, data_dir=os.path.join(SOURCE, "tests", "data", "pls"))
    check_clv_reports(browser)

    pages = {}
    for name, lang in (("feedback-en.html", "en"), ("consensus-en.html", "en"), ("consensus-zh.html", "zh"),
                       ("history-en.html", "en")):
        pages[name] = print_pdf(browser, name, category_headings(wang, lang))

    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("all browser checks passed: " + ", ".join("%s %d pages" % kv for kv in pages.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
