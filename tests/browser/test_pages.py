"""Every page of the built book reads offline: no request leaves the machine, no console error,
math typeset, images loaded, internal links resolve; the search works."""
import re
from urllib.parse import unquote, urlparse

import pytest

from conftest import HTML, book_pages

PAGES = book_pages()
CONTENT = ["intro.html", "chapters/01_intuition.html", "chapters/02_notation.html",
           "chapters/03_algorithm.html", "chapters/04_many_neurons.html", "chapters/05_layer_recipe.html",
           "chapters/06_graphs.html", "chapters/07_digits.html",
           "appendix/benchmark.html", "glossary.html"]


def test_the_book_has_its_pages():
    for page in CONTENT + ["search.html", "genindex.html", "index.html"]:
        assert page in PAGES


def _url(how, server, page):
    return (HTML / page).as_uri() if how == "file" else f"{server}/{page}"


@pytest.mark.parametrize("how", ["file", "http"])
@pytest.mark.parametrize("page", PAGES)
def test_page_reads_offline(watched, server, page, how):
    pg = watched.open(_url(how, server, page))
    pg.wait_for_timeout(300)
    assert watched.external == [], f"requests to the network: {watched.external}"
    assert watched.errors == [], f"console errors: {watched.errors}"
    # every image has loaded
    broken = pg.eval_on_selector_all("img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.src)")
    assert broken == []
    # math typeset: no raw TeX delimiters left in the visible text
    text = pg.inner_text("main") if pg.query_selector("main") else pg.inner_text("body")
    for raw in ("\\(", "\\[", "$$"):
        assert raw not in text, f"raw {raw} in the visible text of {page}"
    if page.removeprefix("zh/") in CONTENT[1:5]:          # the Chinese twins too
        assert pg.eval_on_selector_all("mjx-container", "els => els.length") > 10


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
    pg = watched.open(_url(how, server, "search.html") + "?q=gradient")
    pg.wait_for_selector("#search-results li", timeout=15000)
    results = pg.inner_text("#search-results")
    assert "Intuition" in results or "gradient descent" in results
    assert watched.external == [] and watched.errors == []
