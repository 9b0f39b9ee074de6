"""Small fixes to the default Jupyter Book 1 page, so that every page loads with no console error.

* sphinx-thebe's settings script is emitted twice on every page ("Identifier 'THEBE_JS_URL' has already
  been declared") and names a CDN. Thebe is off in _config.yml (it needs a network), so its scripts go.
* The theme's colour mode is empty unless set ("Got invalid theme mode: . Resetting to auto."): set it.
* Every page reads right (issue 11): book.css/book.js and the CJK font on every page, Chinese text
  marked lang="zh", no source maps shipped (see below).
* A printed table reads on a phone: a cell's printed output whose lines are columns lined up by spaces gets the
  class table-output (_mark_tables), and book.css keeps its lines whole there (it scrolls inside its box) while
  other printed lines wrap.
* Light pages (issue 21): formulas are typeset when the book is built (tools/typeset.js), so no page loads
  MathJax; the explorables are drawn by book_static/anywidgets.js, and a page whose saved widgets it
  cannot draw fails the build.
"""
import json
import re
import shutil
import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError

ROOT = Path(__file__).resolve().parent.parent
MATH_CSS = "vendor/mathjax/mathjax.css"   # under _static/; tools/typeset.js writes it


def _fix_page(app, pagename, templatename, context, doctree):
    if not context.get("default_mode"):
        context["default_mode"] = "auto"
    scripts = context.get("script_files")
    if scripts is None:
        return
    keep = [s for s in scripts
            if "THEBE_JS_URL" not in (getattr(s, "attributes", {}).get("body", "") or "")
            and "thebe" not in str(s).split("/")[-1]]
    # MathJax (its settings and its script) never loads: tools/typeset.js typesets every formula at build
    # time, and the page links MathJax's stylesheet instead
    mathjax = [s for s in keep
               if str(getattr(s, "filename", s) or "").endswith("tex-chtml.js")
               or (getattr(s, "attributes", {}).get("body", "") or "").lstrip().startswith("window.MathJax")]
    scripts[:] = [s for s in keep if s not in mathjax]
    # Thebe is off (no launch button): its stylesheet styles nothing on these pages
    css = context.get("css_files")
    if css is not None:
        css[:] = [c for c in css if "thebe" not in str(getattr(c, "filename", c) or "").split("/")[-1]]
    if mathjax or 'class="math notranslate' in context.get("body", ""):
        app.add_css_file(MATH_CSS)


# --- every page reads right (issue 11) ---------------------------------------------------------------
# Chinese terms: every run of CJK characters in a page's text is wrapped in <span lang="zh"> when the
# HTML is written, so glossary entries, the index and the chapters need no markup of their own: write
# "backpropagation (反向传播)" and the page marks it (screen readers switch voice, book.css gives it
# the shipped CJK font). Pages of a Chinese edition (language zh*) are Chinese already and are left alone.
_CJK = re.compile("[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_SKIP = re.compile(r"(<(script|style|textarea|title)\b.*?</\2\s*>|<[^>]*>)", re.S | re.I)


def mark_chinese(html):
    """Wrap CJK runs of the text (not tags, attributes, scripts or styles) in <span lang="zh">."""
    out, pos = [], 0
    for m in _SKIP.finditer(html):
        out.append(_CJK.sub(lambda c: f'<span lang="zh">{c.group(0)}</span>', html[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_CJK.sub(lambda c: f'<span lang="zh">{c.group(0)}</span>', html[pos:]))
    return "".join(out)


def _finish(app, exc):
    """After an HTML build: mark Chinese text, drop the Font Awesome script, typeset the formulas, check the
    widgets, and drop the theme's source maps (no reader uses them)."""
    if exc is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    chinese_edition = (app.config.language or "en").lower().startswith("zh")
    for page in out.rglob("*.html"):
        if page.relative_to(out).parts[0].startswith("_"):
            continue
        html = page.read_text(encoding="utf-8")
        new = _FONTAWESOME_JS.sub("", html)
        if page.name != "search.html":
            new = _SEARCH_JS.sub("", new)
        if 'class="sd-' not in new.partition("<body")[2]:
            new = _DESIGN.sub("", new)
        head, sep, body = new.partition("<body")
        if not chinese_edition and sep and _CJK.search(body):
            new = head + sep + mark_chinese(body)
        if new != html:
            page.write_text(new, encoding="utf-8")
    check_widgets(out)
    typeset(out, Path(app.config.book_mathjax_usage or Path(app.doctreedir) / "mathjax-usage.json"))
    for unused in ("fontawesome.js", "fontawesome.js.LICENSE.txt"):    # no page loads it
        (out / "_static" / "scripts" / unused).unlink(missing_ok=True)
    for mapfile in (out / "_static").rglob("*.map"):
        mapfile.unlink()
    for asset in list((out / "_static").rglob("*.js")) + list((out / "_static").rglob("*.css")):
        text = asset.read_text(encoding="utf-8", errors="surrogateescape")
        # only the comment that ends a file names its map; the same words inside code are left alone
        trimmed = re.sub(r"\n(//|/\*)# sourceMappingURL=[^\n]*\.map\s*(\*/)?\s*$", "\n", text)
        if trimmed != text:
            asset.write_text(trimmed, encoding="utf-8", errors="surrogateescape")


# --- light pages (issue 21) -------------------------------------------------------------------------
# The theme's Font Awesome script (1.5 MB) only turns the <i class="fa-..."> icons into SVG: its stylesheet
# already draws them with the icon webfont. The theme's template writes the script tag, so it goes here.
# The theme loads Sphinx's search scripts and index on every page for a search-as-you-type box the book does
# not switch on (its search box opens search.html, which loads them); sphinx-design's stylesheet and
# script serve pages with a design element (class "sd-..."), and no other.
_SEARCH_JS = re.compile(r'[ \t]*<script src="[^"]*(_static/searchtools|_static/language_data|searchindex)\.js"></script>\n?')
_DESIGN = re.compile(r'[ \t]*<(link rel="stylesheet" type="text/css" href|script[^>]*src)="[^"]*_static/'
                     r'(sphinx-design\.min\.css|design-tabs\.js)[^"]*"[^>]*>(</script>)?\n?')
_FONTAWESOME_JS = re.compile(r'[ \t]*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\n?')
_STATE = re.compile(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S)
_VIEW = re.compile(r'<script type="application/vnd.jupyter.widget-view\+json">(.*?)</script>', re.S)
# what book_static/anywidgets.js draws (anywidgets) or may pass over (the layout each widget points to)
_DRAWN = {("anywidget", "AnyModel")}
_PASSIVE = {("@jupyter-widgets/base", "LayoutModel")}


def widget_problems(html):
    """Why book_static/anywidgets.js cannot draw this page's saved widgets (an empty list: it can)."""
    models, problems = {}, []
    for block in _STATE.findall(html):
        for mid, m in json.loads(block).get("state", {}).items():
            kind = (m.get("model_module"), m.get("model_name"))
            models[mid] = kind
            if kind not in _DRAWN | _PASSIVE:
                problems.append(f"widget {mid} is a {kind[0]} {kind[1]}: only anywidgets are drawn")
            elif kind in _DRAWN and not (m.get("state") or {}).get("_esm"):
                problems.append(f"anywidget {mid} has no saved _esm (its JavaScript)")
    for block in _VIEW.findall(html):
        mid = json.loads(block).get("model_id")
        if models.get(mid) not in _DRAWN:
            problems.append(f"the view of widget {mid} shows {models.get(mid) or 'a model with no saved state'}")
    return problems


def check_widgets(out):
    """Fail the build if a page has a saved widget that book_static/anywidgets.js cannot draw."""
    bad = []
    for page in out.rglob("*.html"):
        if page.relative_to(out).parts[0].startswith("_"):
            continue
        html = page.read_text(encoding="utf-8")
        if "application/vnd.jupyter.widget-" in html:
            bad += [f"{page.relative_to(out)}: {p}" for p in widget_problems(html)]
    if bad:
        raise ExtensionError("widgets that book_static/anywidgets.js cannot draw:\n" + "\n".join(bad))


def typeset(out, usage):
    """Every formula of the edition in out typeset by MathJax now (tools/typeset.js), not in the browser.
    usage: the file where typeset.js keeps which styles the pages need, across incremental builds."""
    node = shutil.which("node")
    if node is None:
        raise ExtensionError("node is needed to typeset the formulas (tools/typeset.js)")
    run = subprocess.run([node, str(ROOT / "tools" / "typeset.js"), str(out), str(out / "_static" / MATH_CSS),
                          str(usage)],
                         cwd=ROOT, capture_output=True, text=True)
    print(run.stdout.strip())
    if run.returncode:
        raise ExtensionError(f"tools/typeset.js failed:\n{run.stderr}")


_COLUMNS = re.compile(r"\S {2,}\S")     # two values of a row, lined up by spaces


def is_table(text):
    """Printed output that is a table: at least three lines with values lined up in columns."""
    return sum(bool(_COLUMNS.search(line)) for line in text.splitlines()) >= 3


def _mark_tables(app, doctree, docname):
    for block in doctree.findall(nodes.literal_block):
        if "output" in block["classes"] and is_table(block.astext()):
            block["classes"].append("table-output")


def setup(app):
    app.connect("html-page-context", _fix_page, priority=900)
    app.connect("doctree-resolved", _mark_tables)
    app.add_css_file("book.css")
    app.add_js_file("book.js")   # links vendor/noto-sans-sc/noto-sans-sc.css on pages with Chinese text
    app.connect("build-finished", _finish)
    app.add_config_value("book_mathjax_usage", "", "", [str])   # tools/book_config.py sets one for both editions
    return {"parallel_read_safe": True, "parallel_write_safe": True}
