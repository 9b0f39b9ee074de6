"""Light pages (issue 21): what a reader's browser fetches for each page of both editions, from a cold cache,
stays within budget (an explorable page 1.5 MB, any other page 1 MB: test_pages.py checks it on the page it
loads anyway, with this file's budget); the heavy scripts the pages used to load
(the widget manager, require.js, MathJax, the theme's Font Awesome script) are never requested; and every
formula of the sources is typeset on the page, when the book is built, with no raw TeX left.

benchmarks/site_weight.py prints the same measurements as a table."""
import json
import re
from pathlib import Path

import pytest

from conftest import HTML, book_pages

PAGES = book_pages()
EXPLORABLE_BUDGET = 1_500_000
PAGE_BUDGET = 1_000_000
NEVER = ("fontawesome.js", "embed-amd.js", "require.js", "tex-chtml.js", "tex-mml-chtml.js")
ROOT = Path(__file__).resolve().parents[2]
# a build that still typesets in the browser (benchmarks/site_weight.py measures older builds too)
MJ_DONE = ("!window.MathJax || !window.MathJax.startup || !window.MathJax.startup.promise || "
           "window.__mjDone === true || (window.MathJax.startup.promise.then(() => "
           "{ window.__mjDone = true; }), false)")


def is_explorable(page, root=HTML):
    return "application/vnd.jupyter.widget-view+json" in (root / page).read_text(encoding="utf8")


def page_weight(browser, url, server):
    """(bytes of every response body, [urls requested], [non-local urls]) for one page opened with a cold cache
    and left until its explorables have drawn and the network is idle."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    got, external = [], []

    def route(r):
        if r.request.url.startswith(server):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()
    pg.route("**/*", route)
    pg.on("requestfinished", lambda r: got.append(r))
    pg.goto(url, wait_until="load", timeout=60000)
    pg.wait_for_function(MJ_DONE, timeout=60000)
    pg.wait_for_load_state("networkidle", timeout=60000)   # long: the machine may be busy
    if pg.query_selector('script[type="application/vnd.jupyter.widget-view+json"]'):
        pg.wait_for_selector("[data-explorable]", timeout=60000)
    pg.wait_for_timeout(300)                     # fonts the drawn widgets ask for
    pg.wait_for_load_state("networkidle", timeout=60000)
    total = 0
    for req in got:
        resp = req.response()
        if resp is not None:
            try:
                total += len(resp.body())
            except Exception:  # a redirect has no body
                pass
    ctx.close()
    return total, [r.url for r in got], external


# Each page's weight is checked where it is loaded anyway: test_pages.py's test_page, with this file's budget.


def test_no_page_names_a_heavy_script():
    for page in PAGES:
        html = (HTML / page).read_text(encoding="utf8")
        for name in NEVER:
            assert name not in html, f"{page} names {name}"
        assert not re.search(r"<script>\s*window\.MathJax\s*=", html), f"{page} configures MathJax"


# --- every formula of the sources typeset --------------------------------------------------------------
def _markdown_texts(source):
    """The Markdown of a page's source: a .md file, or the markdown cells of a notebook."""
    if source.suffix == ".ipynb":
        nb = json.loads(source.read_text(encoding="utf8"))
        return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    text = source.read_text(encoding="utf8")
    return [re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)]     # no front matter


def source_math(source):
    """(inline, display) formulas in a source, parsed as MyST parses it (dollarmath and amsmath)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.colon_fence import colon_fence_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    md = MarkdownIt("commonmark").use(dollarmath_plugin).use(amsmath_plugin).use(colon_fence_plugin)
    inline = display = 0

    def walk(tokens):
        nonlocal inline, display
        for t in tokens:
            if t.type == "math_inline":
                inline += 1
            elif t.type in ("math_block", "math_block_label", "amsmath"):
                display += 1
            elif t.type in ("fence", "colon_fence") and t.info.startswith("{") and not t.info.startswith("{code"):
                # a MyST directive (exercise, solution, glossary, figure...): its body is Markdown too
                body = re.sub(r"\A(\s*:[\w-]+:.*\n)*", "", t.content)
                walk(md.parse(body))
            if t.children:
                walk(t.children)
    for text in _markdown_texts(source):
        walk(md.parse(text))
    return inline, display


def _source_of(page):
    stem = page.removeprefix("zh/").removesuffix(".html")
    for ext in (".ipynb", ".md"):
        if (ROOT / (stem + ext)).exists():
            return ROOT / (stem + ext)
    return None


SOURCED = [p for p in PAGES if _source_of(p) is not None]


def test_every_chapter_has_its_source():
    assert "chapters/05_layer_recipe.html" in SOURCED and "zh/chapters/05_layer_recipe.html" in SOURCED


@pytest.mark.parametrize("page", SOURCED)
def test_every_formula_of_the_source_is_typeset(page):
    inline, display = source_math(_source_of(page))
    html = (HTML / page).read_text(encoding="utf8")
    body = html.split('<article class="bd-article"', 1)[-1].split("</article>", 1)[0]
    tags = re.findall(r"<mjx-container\b[^>]*>", body)
    got_display = sum('display="true"' in t for t in tags)
    got_inline = len(tags) - got_display
    assert (got_inline, got_display) == (inline, display), \
        f"{page}: {got_inline} inline and {got_display} display formulas typeset, the source has {inline} and {display}"
    assert "<mjx-merror" not in body, f"{page}: a TeX error"
    # each formula carries the MathML a screen reader reads
    assert body.count("<mjx-assistive-mml") == inline + display
    visible = re.sub(r"<(script|style|pre|code)\b.*?</\1\s*>|<[^>]*>", " ", body, flags=re.S)
    for raw in ("\\(", "\\[", "$$"):
        assert raw not in visible, f"raw {raw} in {page}"


@pytest.mark.parametrize("page", [p for p in PAGES if is_explorable(p)][:1] + ["chapters/05_layer_recipe.html"])
def test_typeset_math_shows_in_the_browser(watched, server, page):
    """The build's formulas show with MathJax's fonts, at the size of the text around them; the explorables'
    labels are readable text, not TeX."""
    pg = watched.open(f"{server}/{page}")
    pg.wait_for_load_state("networkidle")
    assert pg.evaluate("() => window.MathJax === undefined")
    sizes = pg.evaluate("""() => [...document.querySelectorAll('.bd-article p mjx-container')].slice(0, 20).map(m =>
        [parseFloat(getComputedStyle(m).fontSize), parseFloat(getComputedStyle(m.parentElement.closest('p')).fontSize)])""")
    assert sizes and all(0.9 <= m / p <= 1.4 for m, p in sizes), sizes
    fonts = pg.evaluate("() => [...document.fonts].filter(f => f.family.startsWith('MJXZERO') || "
                        "f.family.startsWith('MJXTEX')).map(f => f.status)")
    assert "loaded" in fonts, fonts
    if is_explorable(page):
        pg.wait_for_selector("[data-explorable] .bp-label", timeout=20000)
        labels = pg.eval_on_selector_all("[data-explorable] .bp-label", "els => els.map(e => e.textContent)")
        assert labels and not any("\\(" in t or "\\" in t for t in labels), labels
    assert watched.external == [] and watched.errors == []


# --- a widget book_static/anywidgets.js cannot draw fails, never silently ----------------------------------
def _state(models, views):
    state = {"version_major": 2, "version_minor": 0, "state": models}
    return ('<script type="application/vnd.jupyter.widget-state+json">' + json.dumps(state) + "</script>\n" +
            "".join('<script type="application/vnd.jupyter.widget-view+json">'
                    + json.dumps({"version_major": 2, "version_minor": 0, "model_id": v}) + "</script>\n"
                    for v in views))


ANY = {"model_module": "anywidget", "model_name": "AnyModel", "model_module_version": "~0.9.*",
       "state": {"_esm": "export default { render({ model, el }) { el.textContent = 'n=' + model.get('n'); "
                         "model.on('change:n', () => { el.textContent = 'n=' + model.get('n'); }); } };",
                 "_css": ".jupyter-widgets { color: red }", "n": 3}}
SLIDER = {"model_module": "@jupyter-widgets/controls", "model_name": "IntSliderModel", "state": {"value": 1}}
OUTPUT = {"model_module": "@jupyter-widgets/output", "model_name": "OutputModel", "state": {}}
LINK = {"model_module": "@jupyter-widgets/controls", "model_name": "LinkModel", "state": {}}


def test_the_build_refuses_widgets_the_loader_cannot_draw():
    import sys
    sys.path.insert(0, str(ROOT / "_ext"))
    from book_ext import widget_problems
    assert widget_problems(_state({"a": ANY}, ["a"])) == []
    assert widget_problems(_state({"a": ANY, "s": SLIDER}, ["a", "s"]))
    assert widget_problems(_state({"o": OUTPUT}, ["o"]))
    assert widget_problems(_state({"a": ANY, "l": LINK}, ["a"]))       # a link draws nothing, yet does something
    assert widget_problems(_state({}, ["missing"]))
    explorables = [p for p in PAGES if is_explorable(p)]
    assert len(explorables) >= 10                                      # five a edition, at least
    for page in PAGES:                                                 # and the book's pages pass
        assert widget_problems((HTML / page).read_text(encoding="utf8")) == [], page


@pytest.mark.parametrize("extra", [None, "slider", "output", "link"])
def test_the_loader_draws_anywidgets_and_reports_what_it_cannot(browser, tmp_path, extra):
    models, views = {"a": ANY}, ["a"]
    if extra == "slider":
        models["s"], views = SLIDER, ["a", "s"]
    elif extra == "output":
        models["o"], views = OUTPUT, ["a", "o"]
    elif extra == "link":
        models["l"] = LINK
    loader = (HTML / "_static" / "anywidgets.js").as_uri()
    (tmp_path / "p.html").write_text(f'<html><head><script src="{loader}"></script></head><body>'
                                     f"<p>before</p>{_state(models, views)}<p>after</p></body></html>")
    ctx = browser.new_context()
    pg = ctx.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto((tmp_path / "p.html").as_uri())
    pg.wait_for_selector(".widget-subarea .jupyter-widgets:has-text('n=3')", timeout=10000)
    assert pg.evaluate("getComputedStyle(document.querySelector('.jupyter-widgets')).color") == "rgb(255, 0, 0)"
    if extra is None:
        assert errors == []
    else:
        assert errors and all("anywidgets.js" in e for e in errors), errors
        if extra != "link":          # a view it cannot draw says so where the widget would be
            assert "cannot be shown" in pg.inner_text("body")
    ctx.close()
