"""The printed book (`make pdf`, tools/pdf.py): _build/pdf/book-en.pdf and book-zh.pdf.

Read with pypdf: the pages, the bookmarks, the links and the text. What the book should hold comes from
elsewhere: the chapters' titles and sections from the built web book (_build/html), the explorables from
the chapters' stored widget views; _build/pdf/print-<lang>.json is what the print saw in the page (the
requests it made, each explorable's readouts as drawn, the exercise/solution pairs).
"""
import functools
import html as htmllib
import json
import logging
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
import yaml


ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "_build" / "pdf"
HTML = ROOT / "_build" / "html"
# one group per PDF: under `pytest -n 2 --dist loadgroup` each worker reads one PDF's text, once
LANGS = [pytest.param(lang, marks=pytest.mark.xdist_group(lang)) for lang in ("en", "zh")]
CJK = re.compile(r"[\u4e00-\u9fff]")
logging.getLogger("pypdf").setLevel(logging.ERROR)
INTRO = {"en": "Introduction", "zh": "引言"}
SOLUTIONS = {"en": "Solutions to the exercises", "zh": "习题解答"}
TITLE = {"en": "Backpropagation, Interactively", "zh": "反向传播：交互式讲解"}


@functools.cache
def pdf(lang):
    path = OUT / f"book-{lang}.pdf"
    if not path.exists():
        pytest.fail(f"no {path}: run `make pdf` first")
    return pypdf.PdfReader(path)


@functools.cache
def report(lang):
    return json.loads((OUT / f"print-{lang}.json").read_text(encoding="utf8"))


@functools.cache
def extracted(lang):
    """Every page's text (NFKC: the ligature "ﬁ" reads "fi"), read once, and the prose's (CJK characters,
    Latin letters): the text not set in a monospace font (code and its output are)."""
    texts, prose = [], [0, 0]

    def visit(text, cm, tm, font, size):
        if font and "Mono" in str(font.get("/BaseFont", "")):
            return
        prose[0] += len(CJK.findall(text))
        prose[1] += len(re.findall(r"[A-Za-z]", text))
    for page in pdf(lang).pages:
        texts.append(unicodedata.normalize("NFKC", page.extract_text(visitor_text=visit)))
    return texts, tuple(prose)


def page_text(lang, i):
    return extracted(lang)[0][i]


def squash(s):
    """Text compared without spaces (pypdf puts spaces between CJK glyphs and at line ends)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def bookmarks(lang):
    """[(title, page index, [(title, page index), ...]), ...]"""
    reader, out = pdf(lang), []
    for item in reader.outline:
        if isinstance(item, list):
            out[-1][2].extend((x.title, reader.get_destination_page_number(x)) for x in item)
        else:
            out.append((item.title, reader.get_destination_page_number(item), []))
    return out


def docs():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    return [c["file"] for part in toc["parts"] for c in part["chapters"]]


def web_headings(lang, doc):
    """The title (<h1>) and the section titles (<h2>) of a page of the built web book, as text."""
    page = HTML / ("zh" if lang == "zh" else "") / f"{doc}.html"
    body = page.read_text(encoding="utf8").partition('<article class="bd-article">')[2]

    def text(h):
        h = re.sub(r'<a class="headerlink".*?</a>', "", h, flags=re.S)
        return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", h))).strip()
    h1 = re.search(r"<h1>(.*?)</h1>", body, re.S).group(1)
    return text(h1), [text(h) for h in re.findall(r"<h2>(.*?)</h2>", body, re.S)]


def stored_views():
    """How many explorables the chapters store (widget views in their outputs)."""
    n = 0
    for nb in (ROOT / "chapters").glob("*.ipynb"):
        for cell in json.loads(nb.read_text(encoding="utf8"))["cells"]:
            n += sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                     for o in cell.get("outputs", []))
    return n


@pytest.mark.parametrize("lang", LANGS)
def test_pages(lang):
    n = len(pdf(lang).pages)
    assert n == report(lang)["pages"]
    # a title page, the contents, then every chapter from a new page: at least one page per chapter; A4 pages
    # with the web book's column leave the book under 150 pages (more means the layout broke)
    assert len(bookmarks(lang)) + 2 <= n <= 150
    box = pdf(lang).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842), "A4"


@pytest.mark.parametrize("lang", LANGS)
def test_every_chapter_and_section_has_its_bookmark(lang):
    marks = bookmarks(lang)
    titles = [m[0] for m in marks]
    assert titles[0] == INTRO[lang]
    chapters = [d for d in docs() if d != "intro"]
    expected = [web_headings(lang, d) for d in chapters]
    # the solutions come after the chapters, before the book's own appendix (as tools/pdf.py orders them)
    main = [h for d, h in zip(chapters, expected) if d.startswith("chapters/")]
    appendix = [h for d, h in zip(chapters, expected) if not d.startswith("chapters/")]
    # a formula in a bookmark is written out with "_" and "^" (and parentheses) where the web page's text has none
    plain = lambda t: re.sub(r"[_^()]", "", t)   # noqa: E731
    assert [plain(t) for t in titles[1:]] == [plain(t) for t, _ in main] + [plain(SOLUTIONS[lang])] + \
        [plain(t) for t, _ in appendix]
    chapter_marks = [m for m in marks[1:] if m[0] != SOLUTIONS[lang]]
    for (title, sections), mark in zip(main + appendix, chapter_marks):
        assert [plain(s) for s, _ in mark[2]] == [plain(s) for s in sections], title
    pages = [m[1] for m in marks]
    assert pages == sorted(pages) and len(set(pages)) == len(pages), "every chapter starts its own page"


@pytest.mark.parametrize("lang", LANGS)
def test_every_chapter_title_is_printed_where_its_bookmark_points(lang):
    for title, page, sections in bookmarks(lang):
        # a formula in a title is drawn by MathJax's fonts, whose glyphs have no text: compare the words
        words = [w for w in re.split(r"[\s:：,，()（）]+", title) if re.fullmatch(r"[\w’'.\-?？]+", w) and len(w) > 1]
        text = squash(page_text(lang, page))
        for w in words:
            assert squash(w) in text, f"{lang}: {title!r} not on page {page + 1}"


@pytest.mark.parametrize("lang", LANGS)
def test_contents_page_numbers(lang):
    """The contents list every bookmark with the page it points to."""
    marks = bookmarks(lang)
    # the contents' lines, each without spaces, ended by "|"
    contents = "".join(squash(line) + "|" for i in range(1, marks[0][1]) for line in page_text(lang, i).splitlines())
    # each title is printed (its formulas typeset: their glyphs' text comes elsewhere), perhaps over two lines,
    # then its page number ends the line
    words = {o["title"]: o["words"] for o in report(lang)["outline"]}
    for title, page, sections in marks:
        for t, p in [(title, page)] + sections:
            key = r"\|?".join(map(re.escape, squash(words[t])))
            assert re.search(key + r"\W*" + str(p + 1) + r"\|", contents), f"{t!r} -> {p + 1}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_explorable_is_drawn(lang):
    seen = report(lang)
    assert seen["widget_views"] == stored_views() == seen["explorables_drawn"] == len(seen["explorables"])
    dests = pdf(lang).named_destinations
    starts = sorted(pdf(lang).get_destination_page_number(v) for k, v in dests.items()
                    if k.lstrip("/") in {o["id"] for o in seen["outline"] if o["level"] == 1})
    for x in seen["explorables"]:
        assert x["readouts"], "an explorable with no readout drawn"
        first = pdf(lang).get_destination_page_number(dests["/" + x["chapter"]])
        last = next((s for s in starts if s > first), len(pdf(lang).pages))
        text = squash("".join(page_text(lang, i) for i in range(first, last)))
        # numbers print with a true minus or a hyphen, as the font has them
        missing = [r for r in x["readouts"] if squash(r).replace("−", "-") not in text.replace("−", "-")]
        assert not missing, f"{lang}: readouts {missing} of an explorable not printed in its chapter"


@pytest.mark.parametrize("lang", LANGS)
def test_exercises_link_to_their_solutions_and_back(lang):
    reader, seen = pdf(lang), report(lang)
    assert len(seen["pairs"]) >= len(docs()) - 3, "the chapters' exercises have solutions"
    links = {}
    for i, page in enumerate(reader.pages):
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            if a.get("/Subtype") == "/Link" and "/Dest" in a:
                links.setdefault(str(a["/Dest"]).lstrip("/"), set()).add(i)
    dest = {k.lstrip("/"): reader.get_destination_page_number(v) for k, v in reader.named_destinations.items()}
    solutions_page = dest[next(o["id"] for o in seen["outline"] if o["title"] == SOLUTIONS[lang])]
    for ex, sol in seen["pairs"]:
        assert dest[ex] < solutions_page <= dest[sol], (ex, sol)
        assert dest[ex] in links[sol], f"exercise {ex} (page {dest[ex] + 1}) does not link to its solution"
        assert dest[sol] in links[ex], f"solution {sol} (page {dest[sol] + 1}) does not link back"


@pytest.mark.parametrize("lang", LANGS)
def test_printed_offline(lang):
    seen = report(lang)
    assert seen["external_requests"] == []
    assert seen["errors"] == []


@pytest.mark.parametrize("lang", LANGS)
def test_title_page_and_header(lang):
    assert TITLE[lang] in page_text(lang, 0).replace("\n", " ") or squash(TITLE[lang]) in squash(page_text(lang, 0))
    for i in (1, len(pdf(lang).pages) // 2, len(pdf(lang).pages) - 1):
        assert squash(TITLE[lang]) in squash(page_text(lang, i)), f"no header on page {i + 1}"
    assert pdf(lang).metadata.title == TITLE[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_chinese_book_is_in_chinese(lang):
    cjk, latin = extracted(lang)[1]
    share = cjk / (cjk + latin)
    if lang == "en":
        assert share < 0.05, f"{cjk} CJK characters, {latin} Latin letters in the English book's prose"
        return
    assert share > 0.65, f"{cjk} CJK characters, {latin} Latin letters in the prose"
    titles = [t for t, _, sections in bookmarks(lang) for t in [t] + [s for s, _ in sections]]
    assert sum(bool(CJK.search(t)) for t in titles) >= 0.9 * len(titles), titles
    # a display formula that lost its translation prints as "::" (MyST-Parser issues #444, #980)
    for i in range(len(pdf(lang).pages)):
        assert not re.search(r"(^|\s)::(\s|$)", page_text(lang, i)), f"'::' on page {i + 1}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_web_book_links_the_pdfs(lang):
    if not (HTML / "intro.html").exists():
        pytest.fail("no web book: run `make book` first")
    shipped = HTML / "pdf" / f"book-{lang}.pdf"
    assert shipped.read_bytes() == (OUT / f"book-{lang}.pdf").read_bytes()
    for page in ("chapters/01_intuition.html", "zh/chapters/01_intuition.html"):
        text = (HTML / page).read_text(encoding="utf8")
        up = "../" * page.count("/")
        assert f'href="{up}pdf/book-{lang}.pdf"' in text, page
