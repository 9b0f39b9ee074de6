"""The printable book (issue 24): both editions as PDF, from the same sources, offline.

    python tools/pdf.py [--lang en zh]    # writes _build/pdf/book-en.pdf and _build/pdf/book-zh.pdf

For each edition: Sphinx's singlehtml builder writes the whole book as one page, with the same configs
tools/book_config.py writes and the same pipeline as the web book (_ext/book_ext.py typesets every formula at build
time; _ext/print_ext.py puts every chapter's stored widget state on the page, which book_static/anywidgets.js
draws). Debian's Chromium (Playwright) opens it from disk with every non-local request aborted, waits for the
fonts, images and every explorable, rearranges it as a book (tools/pdf_page.js: title page, contents, the
solutions as an appendix) with the print stylesheet tools/pdf.css, and prints it: A4, tagged, a header and
a footer. The contents' page numbers are read back from the first print (pypdf: where each linked heading
landed) and printed again; the bookmarks are written from the same headings (Chromium's own double some
titles and drop the formulas from others).

Then the PDFs are copied into the web book (_build/html/pdf/) and its pages link to them (link_pdfs; the
HTML build does the same when the PDFs exist, so no page ever links to a PDF that is not there).
_build/pdf/print-<lang>.json records what the print saw (non-local requests, console errors, the
explorables drawn, the outline): tests/pdf reads it.
"""
import argparse
import json
import logging
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OUT = ROOT / "_build" / "pdf"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LOCAL = ("file://", "data:", "blob:", "about:")
# A4 with tools/pdf.css's margins, in CSS px (96 per inch): the text block is 688 px wide, the web book's column
MM = 96 / 25.4
WIDTH = round((210 - 14 - 14) * MM)
HEIGHT = round((297 - 18 - 16) * MM)
TOP_PT, BOTTOM_PT = 18 * 72 / 25.4, 16 * 72 / 25.4    # tools/pdf.css's margins, in PDF points
logging.getLogger("pypdf").setLevel(logging.ERROR)   # "Object count ... exceeds defined trailer size": Chromium's
APPENDIX = ["appendix/benchmark", "glossary"]     # after the solutions, as in _toc.yml's "Appendix"

TEXT = {
    "en": {
        "title": "Backpropagation, Interactively",
        "subtitle": "An interactive textbook on backpropagation",
        "author": "The Backpropagation, Interactively authors",
        "edition": "Printed edition: each explorable is shown in its default state; "
                   "the web book lets you move its sliders.",
        "contents": "Contents", "introduction": "Introduction", "solutions": "Solutions to the exercises",
        "solutionTo": "Solution to", "solution": "Solution", "back": "Back to the exercise",
        "page": "(page {n})", "footer": "<span class=pageNumber></span> / <span class=totalPages></span>",
        "font": "sans-serif",
    },
    "zh": {
        "title": "反向传播：交互式讲解",
        "subtitle": "一本讲反向传播的交互式教材",
        "author": "《反向传播：交互式讲解》编写组",
        "edition": "印刷版：每个交互图都按默认状态画出；在网页版中可以拖动它的滑块。",
        "contents": "目录", "introduction": "引言", "solutions": "习题解答",
        "solutionTo": "解答：", "solution": "解答", "back": "返回习题",
        "page": "（第 {n} 页）", "footer": "第 <span class=pageNumber></span> 页，共 <span class=totalPages></span> 页",
        "font": "'Noto Sans CJK SC', sans-serif",
    },
}
SINGLE = {"en": ROOT / "_build" / "singlehtml", "zh": ROOT / "_build" / "zh" / "_build" / "singlehtml"}
PATH_OUTPUT = {"en": ROOT, "zh": ROOT / "_build" / "zh"}


def build_single(lang):
    """The edition as one page (singlehtml), sharing the web build's doctrees: nothing is read again when the
    web book is built. Its config is the web build's (tools/book_config.py), with its own record of the math styles
    (both editions are printed at once; that setting needs no re-reading)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import yaml
    from book_config import configs
    cfg = dict(zip(TEXT, configs(ROOT)))[lang]
    cfg["sphinx"]["config"]["book_mathjax_usage"] = str(OUT / f"mathjax-usage-{lang}.json")
    path = ROOT / "_build" / f"_config_{lang}_pdf.yml"
    path.write_text("# Written by tools/pdf.py from _config.yml: do not edit\n"
                    + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf8")
    cmd = [BIN / "jupyter-book", "build", ROOT, "--config", path, "--path-output", PATH_OUTPUT[lang],
           "--builder", "singlehtml", "-nW", "--keep-going"]
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)
    return SINGLE[lang] / "intro.html"


SETTLED = """() => {
  if (document.fonts.status !== 'loaded') return false;
  if (![...document.images].every((i) => i.complete)) return false;
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  return document.querySelectorAll('[data-explorable]').length >= views;
}"""
FILL = """(pages) => {
  for (const s of document.querySelectorAll('.pdf-page[data-target]')) {
    const n = pages[s.dataset.target];
    s.textContent = s.closest('.pdf-toc') ? String(n) : TEMPLATE.replace('{n}', n);
  }
}"""


def fit_explorables(page, fits, dests):
    """An explorable that the first print moved to the next page, leaving more than a quarter of a page empty
    before it, is scaled to fit that room (if it stays readable: tools/pdf_page.js's pdfFit decides).
    Returns {explorable: scale} of those scaled."""
    out = {}
    for f in fits:
        (mark_page, mark_top), (unit_page, _) = dests[f["mark"]], dests[f["unit"]]
        if unit_page > mark_page and mark_top is not None:
            # Chromium counts a place's /Top from the page's top edge as if there were no top margin
            room = (float(mark_top) - TOP_PT - BOTTOM_PT) * 96 / 72 - 1
            if room > HEIGHT / 4:
                scale = page.evaluate("([k, room]) => window.pdfFit(k, room)", [f["widget"], room])
                if scale:
                    out[f["widget"]] = scale
    return out


def _destinations(pdf):
    """{id: (page index, top)} of every linked element of a PDF Chromium printed."""
    from pypdf import PdfReader
    reader = PdfReader(pdf)
    out = {}
    for name, dest in reader.named_destinations.items():
        out[name.lstrip("/")] = (reader.get_destination_page_number(dest), dest.get("/Top"))
    return out, len(reader.pages)


def print_edition(browser, lang, html):
    t = TEXT[lang]
    ctx = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = ctx.new_page()
    external, errors = [], []

    def route(r):
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_function(SETTLED, timeout=60000)
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    drawn = page.locator("[data-explorable]").count()
    page.emulate_media(media="print")
    page.add_style_tag(path=str(ROOT / "tools" / "pdf.css"))
    script = (ROOT / "tools" / "pdf_page.js").read_text(encoding="utf8")
    book = page.evaluate(script, {"text": t, "appendix": APPENDIX, "pageHeight": HEIGHT})
    outline = book["outline"]
    page.wait_for_function(SETTLED, timeout=60000)
    fill = FILL.replace("TEMPLATE", json.dumps(t["page"]))
    header = (f'<div style="font-size:8px;font-family:{t["font"]};width:100%;margin:0 14mm;color:#555">'
              f'{t["title"]}</div>')
    footer = (f'<div style="font-size:8px;font-family:{t["font"]};width:100%;text-align:center;color:#555">'
              f'{t["footer"]}</div>')
    ids = [o["id"] for o in outline]
    targets = page.evaluate("() => [...document.querySelectorAll('.pdf-page[data-target]')]"
                            ".map((s) => s.dataset.target)")
    pages = {i: 888 for i in targets}
    tmp = OUT / f".print-{lang}.pdf"
    fitted = None
    for attempt in range(4):   # printed again until the contents' numbers hold (after the explorables' fit)
        page.evaluate(fill, pages)
        page.pdf(path=str(tmp), format="A4", print_background=True, tagged=True, outline=False,
                 display_header_footer=True, header_template=header, footer_template=footer,
                 prefer_css_page_size=True)
        dests, n_pages = _destinations(tmp)
        missing = [i for i in set(targets) | set(ids) if i not in dests]
        if missing:
            raise SystemExit(f"{lang}: no place in the PDF for {missing[:5]}")
        found = {i: dests[i][0] + 1 for i in targets}
        if fitted is None:
            fitted = fit_explorables(page, book["fits"], dests)
            if fitted:
                print(f"{lang}: explorables scaled to fit the page before them: {fitted}", flush=True)
                pages = found
                continue
        if found == pages:
            print(f"{lang}: printed {attempt + 1} times (the contents' page numbers hold)", flush=True)
            break
        pages = found
    else:
        raise SystemExit(f"{lang}: the contents' page numbers did not settle")
    ctx.close()
    target = OUT / f"book-{lang}.pdf"
    write_outline(tmp, target, outline, dests, t, lang)
    tmp.unlink()
    report = {"pages": n_pages, "external_requests": external, "errors": errors, "widget_views": views,
              "explorables_drawn": drawn, "outline": outline, "pairs": book["pairs"],
              "explorables": book["explorables"]}
    (OUT / f"print-{lang}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf8")
    if external or errors:
        raise SystemExit(f"{lang}: printing asked for {external} and logged {errors}")
    if drawn < views or views == 0:
        raise SystemExit(f"{lang}: {drawn} of {views} explorables drawn")
    return target, n_pages


def write_outline(src, target, outline, dests, t, lang):
    """The PDF with bookmarks for every chapter (level 1) and section (level 2), and its title and author."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import Fit
    writer = PdfWriter(clone_from=PdfReader(src))
    parent = None
    for item in outline:
        index, top = dests[item["id"]]
        fit = Fit.xyz(left=0, top=top) if top is not None else Fit.fit()
        if item["level"] == 1:
            parent = writer.add_outline_item(title=item["title"], page_number=index, fit=fit)
        else:
            writer.add_outline_item(title=item["title"], page_number=index, parent=parent, fit=fit)
    writer.add_metadata({"/Title": t["title"], "/Author": t["author"]})
    writer.page_mode = "/UseOutlines"
    with open(target, "wb") as f:
        writer.write(f)


def link_pdfs(html, pdfs=OUT):
    """Copy the PDFs into the web book (html/pdf/) and link them from every page's download menu, both
    editions; only the PDFs that exist are linked. Safe to run again (returns how many were linked)."""
    have = [lang for lang in TEXT if (pdfs / f"book-{lang}.pdf").exists()]
    if not have or not (html / "intro.html").exists():
        return 0
    (html / "pdf").mkdir(exist_ok=True)
    for lang in have:
        shutil.copy2(pdfs / f"book-{lang}.pdf", html / "pdf" / f"book-{lang}.pdf")
    label = {"en": "Book (PDF, English)", "zh": "全书 PDF（中文）"}
    tip = {"en": "The whole book as a PDF, in English", "zh": "全书 PDF，中文版"}
    for page in html.rglob("*.html"):
        rel = page.relative_to(html)
        if rel.parts[0].startswith("_") or rel.parts[0] == "pdf":
            continue
        text = page.read_text(encoding="utf8")
        text = re.sub(r'\n?<li class="book-pdf">.*?</li>', "", text, flags=re.S)     # from an earlier run
        anchor = re.search(r'(<li>\s*<button onclick="window\.print\(\)".*?</li>)', text, flags=re.S)
        if not anchor:
            continue
        up = "../" * (len(rel.parts) - 1)
        items = "".join(
            f'\n<li class="book-pdf"><a href="{up}pdf/book-{lang}.pdf" target="_blank" '
            f'class="btn btn-sm dropdown-item" title="{tip[lang]}" data-bs-placement="left" '
            f'data-bs-toggle="tooltip">\n'
            f'<span class="btn__icon-container"><i class="fas fa-file-pdf"></i></span>\n'
            f'<span class="btn__text-container" lang="{lang}">{label[lang]}</span>\n</a>\n</li>'
            for lang in have)
        page.write_text(text[:anchor.end()] + items + text[anchor.end():], encoding="utf8")
    return len(have)


def edition(lang):
    """Build and print one edition (in its own process: both editions run at once)."""
    from playwright.sync_api import sync_playwright
    t0 = time.perf_counter()
    html = build_single(lang)
    print(f"{lang}: one-page edition built in {time.perf_counter() - t0:.0f} s", flush=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        t1 = time.perf_counter()
        path, n = print_edition(browser, lang, html)
        browser.close()
    print(f"{path.name}: {n} pages, {path.stat().st_size / 1e6:.1f} MB, printed in "
          f"{time.perf_counter() - t1:.0f} s", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", nargs="+", default=list(TEXT), choices=list(TEXT))
    ap.add_argument("--no-link", action="store_true", help="leave the web book's pages alone")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if len(args.lang) == 1:
        edition(args.lang[0])
    else:
        jobs = [subprocess.Popen([sys.executable, __file__, "--lang", lang, "--no-link"]) for lang in args.lang]
        if any(job.wait() for job in jobs):
            raise SystemExit("printing the book failed: see above")
    if not args.no_link:
        linked = link_pdfs(ROOT / "_build" / "html")
        print(f"the web book links {linked} PDF(s): _build/html/pdf/")


if __name__ == "__main__":
    main()
