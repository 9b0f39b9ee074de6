"""Every page of both editions, loaded as a reader would and checked in every state a reader sees it in.

Each page is loaded twice: once from file:// and once from a local server, every non-local request aborted;
the served load is also what the page weighs (test_weight.py's budget).
The served page is then checked in four states without loading it again: a laptop (1280×800) in light mode,
the OS switched to dark (the theme follows it: its mode is "auto"), a phone (390×844) in dark, and the phone
in light. In each state: what must hold there (see ``_layout``); axe runs once per colour mode.

Set BOOK_SCREENSHOTS=<folder> to keep a full-page PNG of every page in every state.
"""
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

import toc
from conftest import HTML, Watched, book_pages, settle
from test_weight import EXPLORABLE_BUDGET, NEVER, PAGE_BUDGET, is_explorable

PAGES = book_pages()
REDIRECTS = sorted(set(PAGES) - set(book_pages(redirects=False)))   # index.html only sends the reader on
CONTENT = [f"{page}.html" for page in toc.pages()]     # _toc.yml, the one list of pages
PHONE, LAPTOP = (390, 844), (1280, 800)
AXE = Axe()
SHOTS = os.environ.get("BOOK_SCREENSHOTS")


def test_the_book_has_its_pages():
    for page in CONTENT + ["search.html", "genindex.html", "index.html"]:
        assert page in PAGES


# --- what must hold on a loaded page ----------------------------------------------------------------------

def _reads_offline(w, page):
    """No request to the network, no console error, every image loaded, every formula typeset."""
    pg, problems = w.page, []
    if w.external:
        problems.append(f"requests to the network: {w.external}")
    if w.errors:
        problems.append(f"console errors: {w.errors}")
    broken = pg.eval_on_selector_all("img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0))"
                                            ".map(e => e.src)")
    problems += [f"image not loaded: {src}" for src in broken]
    text = pg.inner_text("main") if pg.query_selector("main") else pg.inner_text("body")
    problems += [f"raw {raw} in the visible text" for raw in ("\\(", "\\[", "$$") if raw in text]
    if page.removeprefix("zh/") in CONTENT[1:5] and pg.eval_on_selector_all("mjx-container", "e => e.length") <= 10:
        problems.append("fewer than 11 typeset formulas")
    return problems


def _body_size(request):
    try:
        return len(request.response().body())
    except Exception:        # a page that sent the reader on (index.html): its body is gone, and a few bytes
        return 0


def _weight(page, fetched):
    """Light pages (issue 21): within its budget (an explorable page 1.5 MB, any other 1 MB), and none of the heavy
    scripts pages used to load requested."""
    problems = [f"loads {r.url}" for r in fetched if r.url.split("?")[0].rsplit("/", 1)[-1] in NEVER]
    total = sum(_body_size(r) for r in fetched)
    budget = EXPLORABLE_BUDGET if is_explorable(page) else PAGE_BUDGET
    if total > budget:
        problems.append(f"transfers {total / 1e6:.3f} MB, over its {budget / 1e6:.1f} MB budget")
    return problems


OVERFLOWING_BLOCKS = """() => [...document.querySelectorAll(
    '.bd-article div.highlight pre, .bd-article div.output pre, .bd-article .cell_output pre')]
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
  .map(e => `${e.scrollWidth}px in ${e.clientWidth}px: ` +
       e.innerText.split('\\n').reduce((a, b) => b.length > a.length ? b : a, '').slice(0, 90))"""

VISIBLE = "e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}) " \
          "&& e.getBoundingClientRect().height > 1"

# Each solution: what of its body shows, and its code cells (the cells right after it), each with MyST-NB's
# "show" toggle (hide-cell): how many are closed, and those that show code or output (or have no toggle)
SOLUTIONS = f"""() => [...document.querySelectorAll('.bd-article .solution')].map(s => {{
  const cells = [];
  for (let c = s.nextElementSibling; c && c.matches('.cell'); c = c.nextElementSibling) cells.push(c);
  return {{
    id: s.id,
    visible: [...s.children].filter(c => !c.classList.contains('admonition-title'))
               .filter({VISIBLE}).map(c => c.innerText.slice(0, 60)),
    cells: cells.length,
    code_shown: cells.filter(c => {{
      const toggle = c.querySelector(':scope > details.hide');
      return !toggle || [...c.querySelectorAll('.cell_input, .cell_output')].filter({VISIBLE}).length > 0;
    }}).map(c => c.innerText.slice(0, 60)),
    code_closed: cells.filter(c => {{ const d = c.querySelector(':scope > details.hide'); return d && !d.open; }})
                      .length,
  }};
}})"""


def _layout(pg, size, mode):
    """What a reader at this width and colour mode must see (issue 11)."""
    problems = []
    if pg.evaluate("document.documentElement.dataset.theme") != mode:
        problems.append("the theme does not follow the OS mode")
    vw = pg.evaluate("window.innerWidth")
    page_w = pg.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    if size == "phone" and page_w > vw:
        wide = pg.evaluate(f"""() => [...document.querySelectorAll('body *')]
          .filter({VISIBLE}).filter(e => e.getBoundingClientRect().right > {vw} + 1)
          .filter(e => !e.parentElement.closest('[data-too-wide]') && (e.dataset.tooWide = 1))
          .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') +
                           ' right=' + Math.round(e.getBoundingClientRect().right))""")
        problems.append(f"page is {page_w}px wide in a {vw}px window: {wide}")
    if size == "laptop":
        problems += [f"code/output scrolls sideways: {b}" for b in pg.evaluate(OVERFLOWING_BLOCKS)]
    if "NBVAL" in pg.inner_text("body"):
        problems.append("NBVAL shows on the page")
    for s in pg.evaluate(SOLUTIONS):
        if s["visible"]:
            problems.append(f"solution {s['id']} shows while collapsed: {s['visible']}")
        if s["code_shown"]:
            problems.append(f"a code cell of solution {s['id']} shows before it is asked for: {s['code_shown']}")
    if mode == "dark":
        # figures: a deliberate light card, not a bare white rectangle on the dark page
        bare = pg.evaluate("""() => [...document.querySelectorAll('.bd-article img')]
          .filter(i => getComputedStyle(i).backgroundColor !== 'rgb(255, 255, 255)'
                       || parseFloat(getComputedStyle(i).paddingLeft) < 4).map(i => i.src)""")
        problems += [f"image without its light card in dark mode: {src}" for src in bare]
    return problems


# axe's result, cut in the page to what the check reads: the rules that ran, and each violation's nodes
AXE_RUN = """options => axe.run(document, options).then(r => ({
  checked: [...r.passes, ...r.violations, ...r.incomplete].map(x => x.id),
  violations: r.violations.map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target)})) }))"""


def _axe(pg, mode):
    """light: every WCAG 2.1 A/AA and best-practice rule; dark: the rules whose outcome the colours decide
    (the others see the same page in both modes). Serious and critical violations are problems.
    axe is put into the page once (the dark run finds it there)."""
    only = ({"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]} if mode == "light"
            else {"type": "rule", "values": ["color-contrast", "link-in-text-block"]})
    if not pg.evaluate("typeof window.axe === 'object'"):
        pg.evaluate(AXE.axe_script)
    results = pg.evaluate(AXE_RUN, {"resultTypes": ["violations"], "runOnly": only})
    problems = [] if "color-contrast" in results["checked"] else ["axe did not run its colour-contrast rule"]
    return problems + [f"axe: {v['impact']} {v['id']}: {v['targets'][:4]}"
                       for v in results["violations"] if v["impact"] in ("serious", "critical")]


def _state(pg, size, mode):
    pg.set_viewport_size(dict(zip(("width", "height"), PHONE if size == "phone" else LAPTOP)))
    pg.emulate_media(color_scheme=mode)
    pg.wait_for_function(f"document.documentElement.dataset.theme === '{mode}'", timeout=5000)
    settle(pg)
    # colour transitions done. A finished transition inside a closed <details> (a solution's hidden code cell: its
    # copy button) stays listed, as Chromium does not update the styles of what a closed <details> hides: count the
    # unfinished ones
    pg.wait_for_function("document.getAnimations().filter(a => a.playState !== 'finished').length === 0",
                         timeout=5000)


# --- every page, every state ------------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_page(browser, server, page):
    problems = []
    # 1. from disk, as a reader who opened the HTML file
    ctx = browser.new_context(viewport=dict(zip(("width", "height"), LAPTOP)), color_scheme="light")
    try:
        w = Watched(ctx.new_page())
        w.open((HTML / page).as_uri())
        if page in REDIRECTS:
            w.page.wait_for_url((HTML / page.replace("index.html", "intro.html")).as_uri())
            settle(w.page)
        problems += [f"file://, {p}" for p in _reads_offline(w, page)]
        # 2. from a server: the same, what it weighs (cold cache: nothing of it was fetched over http before), then
        # every width and colour mode on the one loaded page
        w = Watched(ctx.new_page())
        fetched = []
        w.page.on("requestfinished", lambda r: fetched.append(r))
        pg = w.open(f"{server}/{page}")
        if page in REDIRECTS:
            pg.wait_for_url(f"{server}/{page.replace('index.html', 'intro.html')}")
            settle(pg)
        problems += [f"http, {p}" for p in _reads_offline(w, page)]
        pg.wait_for_load_state("networkidle")
        problems += [f"http, {p}" for p in _weight(page, fetched)]
        if page not in REDIRECTS:
            for size, mode in [("laptop", "light"), ("laptop", "dark"), ("phone", "dark"), ("phone", "light")]:
                _state(pg, size, mode)
                problems += [f"{size}, {mode}: {p}" for p in _layout(pg, size, mode)]
                if SHOTS:
                    Path(SHOTS).mkdir(parents=True, exist_ok=True)
                    pg.screenshot(path=f"{SHOTS}/{page.replace('/', '_')[:-5]}-{size}-{mode}.png", full_page=True)
            problems += [f"after the state changes, {p}" for p in w.errors + w.external]
            # axe last: it fetches the stylesheets itself (and asks for an @import the browser never needs)
            for mode in ("light", "dark"):
                _state(pg, "laptop", mode)
                problems += [f"laptop, {mode}: {p}" for p in _axe(pg, mode)]
    finally:
        ctx.close()
    assert problems == [], f"{page}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_resolve(page):
    html = (HTML / page).read_text()
    for href in re.findall(r'href="([^"]+)"', html):
        parsed = urlparse(href)
        if parsed.scheme or href.startswith(("mailto:", "javascript:")):
            continue
        path, frag = unquote(parsed.path), parsed.fragment
        target = (HTML / page).parent / path if path else HTML / page
        target = target.resolve()
        assert target.exists(), f"{page}: link {href} points to a missing file"
        if frag and target.suffix == ".html":
            ids = set(re.findall(r'id="([^"]+)"', target.read_text()))
            assert frag in ids, f"{page}: link {href} points to a missing anchor"


def test_no_page_names_a_cdn_script():
    for page in PAGES:
        html = (HTML / page).read_text()
        assert not re.findall(r'<script[^>]+src="https?://', html), page
        assert not re.findall(r'<link[^>]+href="https?://[^"]+\.(css|js)', html), page


@pytest.mark.parametrize("how", ["file", "http"])
def test_search_works_offline(watched, server, how):
    url = (HTML / "search.html").as_uri() if how == "file" else f"{server}/search.html"
    pg = watched.open(url + "?q=gradient")
    pg.wait_for_selector("#search-results li", timeout=15000)
    results = pg.inner_text("#search-results")
    assert "Intuition" in results or "gradient descent" in results
    assert watched.external == [] and watched.errors == []
