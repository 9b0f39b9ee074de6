"""The Chinese edition (built by tools/build.py under zh/): every English page has a Chinese twin at the same
path, the two link to each other with hreflang, the Chinese search finds whole Chinese terms, and the
explorables speak the page's language. (test_pages.py checks every zh/ page as it checks the English ones.)"""
import json
import re
from pathlib import Path

import pytest

from conftest import HTML, book_pages

ZH = HTML / "zh"
EN_PAGES = [p for p in book_pages() if not p.startswith("zh/")]
# index.html only redirects to intro.html (sphinx-external-toc writes it): no header, no links
PAGES = [p for p in book_pages(redirects=False) if not p.startswith("zh/")]
CJK = re.compile(r"[\u4e00-\u9fff]")
A_TAG = re.compile(r"<a\b[^>]*>", re.S)


def _attr(tag, name):
    m = re.search(rf'\b{name}="([^"]*)"', tag)
    return m.group(1) if m else None


def _twin_hrefs(html, lang):
    return [_attr(t, "href") for t in A_TAG.findall(html) if _attr(t, "hreflang") == lang]


def test_every_english_page_has_a_chinese_twin():
    assert (ZH / "intro.html").exists(), f"no Chinese edition at {ZH}: build with tools/build.py (make book)"
    missing = [p for p in EN_PAGES if not (ZH / p).exists()]
    assert not missing, f"English pages with no Chinese twin: {missing}"


@pytest.mark.parametrize("page", PAGES)
def test_twin_links_both_ways(page):
    """English page -> <a hreflang="zh-CN"> -> the same path under zh/ -> <a hreflang="en"> -> the page."""
    en = (HTML / page).read_text(encoding="utf8")
    zh = (ZH / page).read_text(encoding="utf8")
    assert re.search(r'<html[^>]*\blang="en"', en), f"{page}: English page not marked lang=en"
    assert re.search(r'<html[^>]*\blang="zh-CN"', zh), f"zh/{page}: Chinese page not marked lang=zh-CN"
    to_zh, to_en = _twin_hrefs(en, "zh-CN"), _twin_hrefs(zh, "en")
    assert len(to_zh) == 1 and len(to_en) == 1, (page, to_zh, to_en)
    assert ((HTML / page).parent / to_zh[0]).resolve() == (ZH / page).resolve()
    assert ((ZH / page).parent / to_en[0]).resolve() == (HTML / page).resolve()


def test_the_twin_link_is_in_the_page_header_and_follows(watched):
    pg = watched.open((HTML / "chapters/01_intuition.html").as_uri())
    link = pg.locator('.bd-header-article a[hreflang="zh-CN"]')
    assert link.is_visible() and link.inner_text().strip() == "中文"
    link.click()
    pg.wait_for_load_state("load")
    assert pg.url.endswith("/zh/chapters/01_intuition.html")
    back = pg.locator('.bd-header-article a[hreflang="en"]')
    assert back.is_visible() and back.inner_text().strip() == "English"
    back.click()
    pg.wait_for_load_state("load")
    assert pg.url == (HTML / "chapters/01_intuition.html").as_uri()
    assert watched.external == [] and watched.errors == []


def test_the_twin_link_fits_a_phone(browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    pg.goto((ZH / "glossary.html").as_uri())
    box = pg.locator('.bd-header-article a[hreflang="en"]').bounding_box()
    width = pg.evaluate("document.documentElement.scrollWidth")
    ctx.close()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 and width <= 390


def test_chinese_search_index_has_whole_terms():
    """jieba with locales/zh_dict.txt indexes the compound terms themselves, not only their parts."""
    js = (ZH / "searchindex.js").read_text(encoding="utf8")
    terms = json.loads(js[js.index("(") + 1:js.rindex(")")])["terms"]
    missing = [t for t in ["梯度下降", "学习率", "反向传播", "链式法则", "代价函数", "激活值"] if t not in terms]
    assert not missing, f"not terms of the Chinese search index: {missing}"


@pytest.mark.parametrize("how", ["file", "http"])
@pytest.mark.parametrize("term", ["梯度下降", "学习率"])
def test_chinese_search_finds_terms(watched, server, how, term):
    url = (ZH / "search.html").as_uri() if how == "file" else f"{server}/zh/search.html"
    pg = watched.open(f"{url}?q={term}")
    pg.wait_for_selector("#search-results li", timeout=15000)
    titles = pg.eval_on_selector_all("#search-results li a", "els => els.map(e => e.textContent)")
    assert "术语表" in titles, f"searching {term} did not find the glossary: {titles}"
    assert watched.external == [] and watched.errors == []


def test_theme_and_search_strings_are_chinese():
    zh = (ZH / "intro.html").read_text(encoding="utf8")
    en = (HTML / "intro.html").read_text(encoding="utf8")
    assert 'placeholder="搜索本书…"' in zh and "Search this book" not in zh
    assert "Search this book" in en
    assert "反向传播：交互式讲解" in re.search(r"<title>(.*?)</title>", zh, re.S).group(1)
    for caption in ("章节", "附录"):                     # the table of contents' parts
        assert f'<span class="caption-text">{caption}</span>' in zh


def test_glossary_leads_with_the_chinese_term():
    zh = (ZH / "glossary.html").read_text(encoding="utf8")
    terms = re.findall(r'<dt id="(term-[^"]+)">(.*?)<a class="headerlink"', zh, re.S)
    assert len(terms) > 20
    for anchor, text in terms:
        text = re.sub(r"<[^>]+>", "", text).strip()
        assert CJK.search(text.split("（")[0]), f"glossary entry {anchor} does not lead with a Chinese term: {text!r}"
        # full-width brackets, as d2l-zh writes them: 反向传播（backpropagation）
        assert re.search(r"（[^（）]*[A-Za-z][^（）]*）$", text), f"{anchor}: no English term in brackets: {text!r}"
    en = (HTML / "glossary.html").read_text(encoding="utf8")
    assert {a for a, _ in terms} == set(re.findall(r'<dt id="(term-[^"]+)">', en)), \
        "the Chinese glossary's anchors differ from the English ones: links to terms would break"


EXPLORABLE_PAGES = [p for p in PAGES if "data-explorable" in (HTML / p).read_text(encoding="utf8")]


def _explorable_strings(pg):
    """Per explorable: its visible text and every aria-label / title inside it (what a reader or a screen
    reader gets), with numbers and math left out."""
    return pg.eval_on_selector_all("[data-explorable]", """els => els.map(el => ({
        name: el.dataset.explorable,
        text: el.innerText,
        labels: [...el.querySelectorAll('[aria-label],[title]')].map(e => e.getAttribute('aria-label') || e.title)
    }))""")


@pytest.mark.parametrize("page", EXPLORABLE_PAGES)
def test_explorables_speak_the_page_language(watched, page):
    found = {}
    for lang, path in (("en", HTML / page), ("zh", ZH / page)):
        pg = watched.open(path.as_uri())
        pg.wait_for_selector("[data-explorable]", timeout=20000)
        found[lang] = _explorable_strings(pg)
    assert [e["name"] for e in found["en"]] == [e["name"] for e in found["zh"]]
    for en, zh in zip(found["en"], found["zh"]):
        en_cjk = [s for s in [en["text"], *en["labels"]] if CJK.search(s or "")]
        assert not en_cjk, f"{page}: explorable {en['name']} shows Chinese on the English page: {en_cjk}"
        assert CJK.search(zh["text"]), f"zh/{page}: explorable {zh['name']} shows no Chinese text"
        latin_only = [s for s in zh["labels"] if s and not CJK.search(s) and re.search(r"[A-Za-z]{3,}", s)]
        assert not latin_only, f"zh/{page}: explorable {zh['name']} has English labels: {latin_only}"
    assert watched.external == [] and watched.errors == []



def test_chinese_pages_show_the_chinese_figures():
    """figure_language_filename: where imgs/<name>.zh_CN.png exists, the Chinese twin shows it instead."""
    imgs = Path(__file__).resolve().parents[2] / "imgs"
    translated = {p.name.replace(".zh_CN", "") for p in imgs.glob("*.zh_CN.png")}
    assert translated, "no Chinese figure in imgs/ (make figures draws imgs/*.zh_CN.png)"
    seen = set()
    for page in PAGES:
        for src in re.findall(r'<img[^>]+src="([^"]+)"', (HTML / page).read_text(encoding="utf8")):
            name = src.rsplit("/", 1)[-1]
            if name in translated:
                zh_html = (ZH / page).read_text(encoding="utf8")
                assert name.replace(".png", ".zh_CN.png") in zh_html, f"zh/{page} shows the English {name}"
                seen.add(name)
    assert seen == translated, f"Chinese figures no page shows: {sorted(translated - seen)}"
