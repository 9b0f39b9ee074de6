"""Small fixes to the default Jupyter Book 1 page, so that every page loads with no console error.

* sphinx-thebe's settings script is emitted twice on every page ("Identifier 'THEBE_JS_URL' has already
  been declared") and names a CDN. Thebe is off in _config.yml (it needs a network), so its scripts go.
* The theme's colour mode is empty unless set ("Got invalid theme mode: . Resetting to auto."): set it.
* Every page reads right (issue 11): book.css/book.js and the CJK font on every page, Chinese text
  marked lang="zh", no source maps shipped (see below).
"""
import re
from pathlib import Path


def _fix_page(app, pagename, templatename, context, doctree):
    if not context.get("default_mode"):
        context["default_mode"] = "auto"
    scripts = context.get("script_files")
    if scripts is None:
        return
    keep = [s for s in scripts
            if "THEBE_JS_URL" not in (getattr(s, "attributes", {}).get("body", "") or "")
            and "thebe" not in str(s).split("/")[-1]]
    scripts[:] = keep


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
    """After an HTML build: mark Chinese text, and drop the theme's source maps (no reader uses them)."""
    if exc is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    if not (app.config.language or "en").lower().startswith("zh"):
        for page in out.rglob("*.html"):
            if page.relative_to(out).parts[0] == "_static":
                continue
            html = page.read_text(encoding="utf-8")
            head, sep, body = html.partition("<body")
            if sep and _CJK.search(body):
                page.write_text(head + sep + mark_chinese(body), encoding="utf-8")
    for mapfile in (out / "_static").rglob("*.map"):
        mapfile.unlink()
    for asset in list((out / "_static").rglob("*.js")) + list((out / "_static").rglob("*.css")):
        text = asset.read_text(encoding="utf-8", errors="surrogateescape")
        # only the comment that ends a file names its map; the same words inside code are left alone
        trimmed = re.sub(r"\n(//|/\*)# sourceMappingURL=[^\n]*\.map\s*(\*/)?\s*$", "\n", text)
        if trimmed != text:
            asset.write_text(trimmed, encoding="utf-8", errors="surrogateescape")


def setup(app):
    app.connect("html-page-context", _fix_page, priority=900)
    app.add_css_file("book.css")
    app.add_js_file("book.js")   # links vendor/noto-sans-sc/noto-sans-sc.css on pages with Chinese text
    app.connect("build-finished", _finish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
