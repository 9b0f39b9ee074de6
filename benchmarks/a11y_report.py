"""Accessibility report: axe-core over every page of the built book (a report, not a test).

    .venv/bin/python benchmarks/a11y_report.py     # after `make book`
"""
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from conftest import ARGS, CHROMIUM, HTML, book_pages  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

pages = [HTML / p for p in book_pages()]
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_timeout(1500)
        results = Axe().run(page)
        v = results.response["violations"]
        by = Counter(x["impact"] for x in v)
        print(f"{path.relative_to(HTML)}: " + (", ".join(f"{k} {n}" for k, n in sorted(by.items())) or "none"))
        for x in v:
            if x["impact"]:
                targets = [n["target"][0] for n in x["nodes"]][:4]
                print(f"   {x['impact']:8s} {x['id']}: {len(x['nodes'])} nodes, e.g. {targets}")
    browser.close()
