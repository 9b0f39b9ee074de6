"""The Chinese edition's interface and formulas (issue 20): no English interface string on a Chinese page (the
themes', Sphinx's and sphinx-exercise's, translated by locales/zh_CN/LC_MESSAGES/{sphinx,booktheme,exercise}.po
and _ext/templates/), every display formula of the English twin typeset, never "::", and the glossary's
headwords in d2l-zh's form 中文（English）.

The page and formula checks read the built HTML (fast: the build typeset every formula, tools/typeset.js); the
recipe's height and the tooltips open chapter 5 in Chromium."""
import re
from html.parser import HTMLParser

import pytest

from conftest import HTML, book_pages

ZH = HTML / "zh"
PAGES = [p for p in book_pages(redirects=False) if not p.startswith("zh/")]

# What the themes, Sphinx and sphinx-exercise write in English when nobody translates them: as a whole text
# node or a whole title / aria-label / tooltip / placeholder
UI_EN = [
    "Link to this heading", "Link to this term", "Link to this image", "Link to this table", "Link to this code",
    "Link to this equation", "Link to this definition", "Toggle primary sidebar", "Toggle secondary sidebar",
    "Color mode", "Light", "Dark", "System Settings", "Print to PDF", "Download this page", "Download source file",
    "Download notebook file", "Fullscreen mode", "Solution", "Exercise", "Search this book...", "Search",
    "previous", "next", "Contents", "By", "Main", "Back to top", "On this page",
]
UI_EN_PARTS = ["© Copyright", "Interactively authors", "列印", "Solution to"]   # inside a longer text
ATTRS = ("title", "aria-label", "data-bs-title", "placeholder", "alt")
SKIP = {"script", "style", "pre", "code"}


class _Strings(HTMLParser):
    """The visible text nodes and the attributes a reader (or a screen reader) gets, outside code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.attrs, self._skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self._skip += 1
        self.attrs += [(k, v.strip()) for k, v in attrs if k in ATTRS and v and v.strip()]

    def handle_endtag(self, tag):
        if tag in SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def _strings(path):
    p = _Strings()
    p.feed(path.read_text(encoding="utf8"))
    return p


@pytest.mark.parametrize("page", PAGES)
def test_no_english_interface_string_on_a_chinese_page(page):
    s = _strings(ZH / page)
    found = [t for t in s.texts if t in UI_EN or any(part in t for part in UI_EN_PARTS)]
    found += [f'{k}="{v}"' for k, v in s.attrs if v in UI_EN or any(part in v for part in UI_EN_PARTS)]
    assert not found, f"zh/{page} shows English interface strings: {sorted(set(found))}"


def test_the_english_pages_still_say_them():
    """The list above is what the English edition shows: the check looks for strings that exist."""
    en = _strings(HTML / "chapters/05_layer_recipe.html")
    seen = set(en.texts) | {v for _, v in en.attrs}
    for s in ["Link to this heading", "Toggle primary sidebar", "Toggle secondary sidebar", "Color mode",
              "System Settings", "Print to PDF", "Solution"]:
        assert s in seen, f"the English chapter 5 no longer shows {s!r}: update UI_EN"


def test_the_chinese_interface_says_it_in_chinese():
    html = (ZH / "chapters/05_layer_recipe.html").read_text(encoding="utf8")
    for want in ['title="链接到本标题"', 'title="显示或隐藏左侧边栏"', 'title="显示或隐藏本页目录"',
                 'data-bs-title="颜色模式"', 'title="跟随系统"', 'title="打印为 PDF"',
                 '<p class="admonition-title">解答</p>', "作者：《反向传播：交互式讲解》编写组", "© 版权所有 2026。"]:
        assert want in html, f"zh chapter 5 lacks {want!r}"
    en = (HTML / "chapters/05_layer_recipe.html").read_text(encoding="utf8")
    assert html.count('<p class="admonition-title">解答</p>') == en.count('<p class="admonition-title">Solution</p>') > 0


DISPLAY = re.compile(r'<div class="math notranslate nohighlight">\s*(.*?)</div>', re.S)
# What the build typeset (tools/typeset.js) for a display formula: the MathML a screen reader gets (the same TeX
# gives the same MathML), and MathJax's error mark
MATHML = re.compile(r"<mjx-assistive-mml[^>]*>(.*?)</mjx-assistive-mml>", re.S)
TAG = re.compile(r"<[^>]+>")


def _typeset(html):
    """Every display formula of a built page (each <div class="math"> holds one), as its typeset MathML and that
    MathML's text, and the count of MathJax's error marks. ("::" typesets fine: it has to be found in the
    formula, not in the count.)"""
    shown = [MATHML.search(f) for f in DISPLAY.findall(html)]
    mathml = [m.group(1) if m else "" for m in shown]
    return {"mathml": mathml, "text": [TAG.sub("", m).strip() for m in mathml], "errors": html.count("<mjx-merror")}


def check_typeset(en, zh, page):
    assert en["mathml"] and all(en["mathml"]), f"{page}: a display formula without its MathML"
    assert "::" not in zh["text"], f"zh/{page} shows a display formula as '::'"
    assert len(zh["mathml"]) >= len(en["mathml"]), \
        f"zh/{page}: {len(zh['mathml'])} typeset display formulas, English {len(en['mathml'])}"
    assert zh["mathml"] == en["mathml"] and zh["errors"] == 0, f"zh/{page}: display formulas differ from the English page"


MATH_PAGES = [p for p in PAGES if DISPLAY.search((HTML / p).read_text(encoding="utf8"))]


@pytest.mark.parametrize("page", PAGES)
def test_every_display_formula_is_the_english_one(page):
    """MyST shows a display formula whose msgstr differs from its msgid as "::": same formulas, same order, each
    typeset with its MathML (the pages load no MathJax: what the build wrote is what the reader gets)."""
    en_html = (HTML / page).read_text(encoding="utf8")
    zh_html = (ZH / page).read_text(encoding="utf8")
    en, zh = DISPLAY.findall(en_html), DISPLAY.findall(zh_html)
    assert not [f for f in zh if f.strip() in ("::", r"\[::\]")], f"zh/{page} shows a formula as '::'"
    assert zh == en, f"zh/{page}: display formulas differ from the English page's ({len(zh)} vs {len(en)})"
    if page in MATH_PAGES:
        check_typeset(_typeset(en_html), _typeset(zh_html), page)


def test_the_check_catches_a_lost_formula():
    """The chapter 5 page as it was before issue 20 (the recipe's msgstr translated, shown as '::'): the check
    fails, although the count of formulas is the same. (The build stops first: _ext/i18n_ext.py warns.)"""
    assert "chapters/05_layer_recipe.html" in MATH_PAGES
    en = _typeset((HTML / "chapters/05_layer_recipe.html").read_text(encoding="utf8"))
    zh = {**en, "mathml": list(en["mathml"]), "text": list(en["text"])}
    recipe = next(i for i, t in enumerate(en["text"]) if "dZ" in t and "dA" in t)
    zh["mathml"][recipe], zh["text"][recipe] = '<math display="block"><mo>::</mo></math>', "::"
    assert len(zh["mathml"]) == len(en["mathml"]), "'::' is typeset too: counting alone would not see it"
    with pytest.raises(AssertionError, match="'::'"):
        check_typeset(en, zh, "chapters/05_layer_recipe.html")


def test_the_chinese_recipe_page_typesets_the_recipe_and_speaks_chinese(watched):
    """Chapter 5 in Chinese, loaded once: its recipe, the book's central formula, is four aligned rows with dZ,
    dW, db and dA; its tooltips, solution and footer are Chinese."""
    page = "chapters/05_layer_recipe.html"
    pg = watched.open((ZH / page).as_uri())
    found = _typeset((ZH / page).read_text(encoding="utf8"))
    recipe = [i for i, m in enumerate(found["mathml"]) if "<mtable" in m and all(
        s in found["text"][i] for s in ("dZ", "dW", "db", "dA"))]
    assert len(recipe) == 1 and found["mathml"][recipe[0]].count("<mtr") >= 4, "the recipe is not four rows"
    box = pg.locator('mjx-container[display="true"]').nth(recipe[0]).bounding_box()
    assert box and box["height"] > 80, f"the recipe is not typeset as four rows: {box}"

    pg.hover(".bd-header-article .primary-toggle")
    tip = pg.wait_for_selector(".tooltip", timeout=5000)
    assert tip.inner_text().strip() == "显示或隐藏左侧边栏"
    assert pg.locator("h1 a.headerlink").get_attribute("title") == "链接到本标题"
    solution = pg.locator("div.solution").first
    assert solution.locator(".admonition-title").inner_text().strip().startswith("解答")
    solution.locator(".admonition-title").click()
    solution.locator("#solution-content, section").first.wait_for(state="visible", timeout=5000)
    footer = pg.locator(".component-author").inner_text().strip()
    assert footer == "作者：《反向传播：交互式讲解》编写组"
    assert watched.external == [] and watched.errors == []


def test_glossary_headwords_have_full_width_brackets():
    """d2l-zh's form: 反向传播（backpropagation）, the Chinese term first (locales/README.md, rule 10)."""
    zh = (ZH / "glossary.html").read_text(encoding="utf8")
    terms = re.findall(r'<dt id="(term-[^"]+)">(.*?)<a class="headerlink"', zh, re.S)
    assert len(terms) > 20
    bad = [(a, t) for a, t in ((a, re.sub(r"<[^>]+>", "", t).strip()) for a, t in terms)
           if not re.fullmatch(r"[^()（）]*[\u4e00-\u9fff][^()（）]*（[^（）]*[A-Za-z][^（）]*）", t)]
    assert not bad, f"glossary headwords not in the form 中文（English）: {bad}"
