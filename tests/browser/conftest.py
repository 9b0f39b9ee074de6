"""Fixtures for tests of the built book in headless Chromium with every non-local request blocked.

The book must be built first (`make test` does it). Chromium is Debian's (`apt-get install chromium`);
a missing browser or book is an error, never a skip.
"""
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

# BOOK_HTML points the tests at another build (e.g. jupyter-book build . --path-output /tmp/x)
HTML = Path(os.environ.get("BOOK_HTML") or Path(__file__).resolve().parents[2] / "_build" / "html")

def page_of(explorable_class):
    """The built page that shows this explorable (tools/toc.py reads the chapters' stored widgets)."""
    import toc
    return toc.explorables()[explorable_class.__name__] + ".html"


def book_pages(root=HTML, redirects=True):
    """Every page of the built book, both editions (zh/...), as paths relative to ``root``; not the
    theme's own files under _static/ or _sources/ (any folder whose name starts with '_').
    ``redirects=False`` leaves out the stubs that only send the reader on (index.html -> intro.html):
    a layout check on one would read a page that is navigating away."""
    pages = sorted(str(p.relative_to(root)) for p in root.rglob("*.html")
                   if not any(part.startswith("_") for part in p.relative_to(root).parts))
    if not redirects:
        pages = [p for p in pages if 'http-equiv="Refresh"' not in (root / p).read_text(encoding="utf8")]
    return pages


CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LOCAL = ("file://", "http://127.0.0.1", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def html_dir():
    if not (HTML / "intro.html").exists():
        pytest.fail(f"no built book at {HTML}: run `make book` first")
    return HTML


@pytest.fixture(scope="session")
def server(html_dir):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(html_dir))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page whose non-local requests are aborted and recorded, with its console errors."""

    def __init__(self, page):
        self.page, self.external, self.errors = page, [], []
        page.route("**/*", self._route)
        page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        # Chromium's console line for a failed load does not say which file: this does
        page.on("response", lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    def _route(self, route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def open(self, url):
        self.page.goto(url, wait_until="load")
        settle(self.page)
        return self.page


# Done when: MathJax has typeset (pages without it have nothing to wait for), the fonts have loaded, and every
# stored widget view has been drawn as its explorable. A condition, never a fixed sleep.
SETTLED = """() => {
  const mj = window.MathJax && window.MathJax.startup && window.MathJax.startup.promise;
  if (mj && window.__mjDone !== true) { mj.then(() => { window.__mjDone = true; }); return false; }
  if (document.fonts.status !== 'loaded') return false;
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  return document.querySelectorAll('[data-explorable]').length >= views;
}"""


def settle(pg, timeout=20000):
    """Wait until the page is what a reader sees: math typeset, fonts loaded, explorables drawn."""
    pg.wait_for_function(SETTLED, timeout=timeout)
    return pg


@pytest.fixture
def watched(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    w = Watched(ctx.new_page())
    yield w
    ctx.close()


# --- driving an explorable as a reader does (the tests of every explorable share these) --------------------

def close(js, py):
    """The browser's number equals Python's: 1e-12 absolute or 1e-9 relative."""
    return abs(js - py) <= 1e-12 or abs(js - py) <= 1e-9 * abs(py)


def set_slider(pg, root, name, value):
    """Set a slider as a reader's drag does: change its value, fire 'input'. Returns the value it took."""
    return pg.eval_on_selector(f'{root} input[data-param="{name}"]', """(el, v) => {
        el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); return Number(el.value); }""", value)


# Set one slider to each value in turn, as a drag does, and read every readout (and, with ``extra``, anything
# else a JS function of the root returns) after each: one round trip to the browser for a whole sweep.
SWEEP = """(root, [name, values]) => {
  const el = root.querySelector(`input[data-param="${name}"]`), extra = (EXTRA);
  return values.map(v => {
    el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}));
    const r = Object.fromEntries([...root.querySelectorAll('[data-readout]')]
                                 .map(e => [e.dataset.readout, Number(e.dataset.value)]));
    return [Number(el.value), r, extra ? extra(root) : null];
  });
}"""


def sweep(pg, root, name, values, extra=None):
    """[(value taken, {readout: value}, extra(root)) for each value] after setting slider ``name`` to it."""
    return pg.eval_on_selector(root, SWEEP.replace("EXTRA", extra or "null"), [name, list(values)])


def slider_values(r):
    """The values a sweep sets a slider to, from its range ``r``: both ends, two points inside, and 0.83 (off any
    step grid but the finest)."""
    return [r["min"], r["max"], r["min"] + 0.37 * (r["max"] - r["min"]), 0.5 * (r["min"] + r["max"]), 0.83]


def assert_equal_to_python(got, want, where, prefix=""):
    """Every readout ``want`` has (Python's values) is finite on the page and ``close`` to Python's."""
    for k, v in want.items():
        assert got[k] == got[k] and abs(got[k]) != float("inf"), f"{k} not finite at {where}"
        assert close(got[k], v), f"{prefix}{k} = {got[k]} in the browser, {v} in Python ({where})"


def readouts(pg, root):
    """{data-readout: data-value} of every readout under ``root``."""
    return pg.eval_on_selector_all(f"{root} [data-readout]",
                                   "els => Object.fromEntries(els.map(e => [e.dataset.readout, Number(e.dataset.value)]))")


# --- one loaded page per chapter, shared by a module's explorable tests ---------------------------------

class Explorable:
    """A chapter page loaded once (file://, 1280 px, light) and put back to its starting state before each test:
    every slider to the value it had when the page loaded, then the explorable's Reset button if it has one.
    ``watched`` keeps the page's requests to the network and console errors since it loaded."""

    def __init__(self, ctx, page, name):
        self.watched = Watched(ctx.new_page())
        self.pg = self.watched.open((HTML / page).as_uri())
        self.root = f'[data-explorable="{name}"]'
        self.pg.wait_for_selector(self.root, timeout=20000)
        self.start = dict(self.pg.eval_on_selector_all(
            f"{self.root} input[data-param]", "els => els.map(e => [e.dataset.param, Number(e.value)])"))

    def reset(self):
        if self.pg.viewport_size != {"width": 1280, "height": 900}:
            self.pg.set_viewport_size({"width": 1280, "height": 900})
        if self.pg.evaluate("document.documentElement.dataset.theme") != "light":
            self.pg.emulate_media(color_scheme="light")
            self.pg.wait_for_function("document.documentElement.dataset.theme === 'light'", timeout=5000)
        taken = self.pg.eval_on_selector(self.root, """(root, start) => {
            for (const [name, v] of Object.entries(start)) {
              const el = root.querySelector(`input[data-param="${name}"]`);
              if (Number(el.value) !== v) { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }
            }
            const reset = root.querySelector('button[data-action="reset"]');
            if (reset) reset.click();
            return Object.fromEntries([...root.querySelectorAll('input[data-param]')]
                                      .map(e => [e.dataset.param, Number(e.value)])); }""", self.start)
        assert taken == self.start
        return self.pg, self.root


@pytest.fixture(scope="module")
def explorable(browser):
    """explorable(page, name) -> the shared Explorable for that page, reset to its start."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = {}

    def get(page, name):
        if (page, name) not in opened:
            opened[page, name] = Explorable(ctx, page, name)
        ex = opened[page, name]
        ex.reset()
        return ex
    yield get
    ctx.close()
