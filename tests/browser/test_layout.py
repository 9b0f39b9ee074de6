"""What test_pages.py's checks of every page cannot show by themselves (issue 11): that a collapsed solution
does open, that a wide table scrolls in its own box with a cue, that the keyboard reaches the first slider soon,
that Chinese terms on English pages use the shipped font, and that the reader's own colour choice wins.
"""
import re

import pytest

from conftest import Watched
from test_pages import SOLUTIONS, VISIBLE

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}
CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# Tab presses from the skip link to chapter 1's first slider: the header's 4 buttons and a copy button per
# code cell before it (about 14); with MathJax formulas in the tab order it took 47 to 71.
MAX_TABS = 20


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per (size, mode); the OS colour scheme is set, the theme's mode left on auto."""
    made = {}

    def get(size, mode):
        if (size, mode) not in made:
            w, h = SIZES[size]
            made[size, mode] = browser.new_context(viewport={"width": w, "height": h}, color_scheme=mode)
        return made[size, mode]
    yield get
    for ctx in made.values():
        ctx.close()


def _open(contexts, server, size, mode, page):
    w = Watched(contexts(size, mode).new_page())
    return w, w.open(f"{server}/{page}")


def test_solutions_open_on_request(contexts, server):
    """The check of every page is not vacuous: a chapter has solutions, each followed by its code cells behind
    closed "show" toggles; opening the solution shows its text, opening a toggle shows the code and its output."""
    w, pg = _open(contexts, server, "laptop", "light", "chapters/01_intuition.html")
    sols = pg.query_selector_all(".bd-article .solution")
    assert len(sols) >= 2
    before = pg.evaluate(SOLUTIONS)
    assert all(s["visible"] == [] and s["code_shown"] == [] and s["cells"] == s["code_closed"] > 0
               for s in before), before
    sols[0].query_selector(".admonition-title").click()
    pg.wait_for_function(f"({SOLUTIONS})()[0].visible.length > 0", timeout=5000)   # opening it shows it
    assert pg.evaluate(SOLUTIONS)[0]["code_shown"] == []                           # its code still hidden
    cell = sols[0].evaluate_handle("s => s.nextElementSibling")
    cell.as_element().query_selector(":scope > details.hide > summary").click()
    pg.wait_for_function(f"({SOLUTIONS})()[0].code_shown.length == 1", timeout=5000)
    shown = cell.as_element().evaluate(f"""c => [...c.querySelectorAll('.cell_input, .cell_output')]
                                               .filter({VISIBLE}).map(e => e.innerText)""")
    assert len(shown) == 1 and shown[0].startswith("# Solution\ndef sigmoid_prime("), shown   # the code; no output
    pg.close()


def test_wide_table_scrolls_in_its_box_with_a_cue(contexts, server):
    """On a phone, the appendix's tables scroll inside their own box, with a visible hint and a fade."""
    w, pg = _open(contexts, server, "phone", "light", "appendix/benchmark.html")
    boxes = pg.evaluate("""() => [...document.querySelectorAll('.bd-article .pst-scrollable-table-container')]
      .map(b => ({wide: b.scrollWidth > b.clientWidth, cue: b.parentElement.classList.contains('scrolls'),
                  hint: !!(b.parentElement.previousElementSibling &&
                           b.parentElement.previousElementSibling.matches('.scroll-hint:not([hidden])')),
                  fade: getComputedStyle(b.parentElement, '::after').opacity}))""")
    wide = [b for b in boxes if b["wide"]]
    assert wide, "no table is wider than the phone's column (nothing to test)"
    assert all(b["cue"] and b["hint"] and float(b["fade"]) > 0 for b in wide), boxes
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.close()


def test_printed_table_keeps_its_rows_on_a_phone(contexts, server):
    """Chapter 4's table with blanks (a printed output, 76 characters wide) on a phone: each row stays on one
    line and the table scrolls inside its box with the hint and the fade; a printed line that is not a table
    still wraps."""
    w, pg = _open(contexts, server, "phone", "light", "chapters/04_many_neurons.html")
    got = pg.evaluate("""() => [...document.querySelectorAll('.bd-article div.cell_output pre')].map(pre => ({
      text: pre.textContent, table: !!pre.closest('div.table-output'), ws: getComputedStyle(pre).whiteSpace,
      lines: pre.textContent.replace(/\\n$/, '').split('\\n').length,
      height: pre.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(pre).lineHeight),
      wide: pre.scrollWidth > pre.clientWidth, cue: pre.parentElement.classList.contains('scrolls'),
      hint: !!(pre.parentElement.previousElementSibling &&
               pre.parentElement.previousElementSibling.matches('.scroll-hint:not([hidden])'))}))""")
    blanks = [b for b in got if "(a)" in b["text"] and "(f)" in b["text"]]
    assert len(blanks) == 1 and blanks[0]["table"], [b["text"][:40] for b in got]
    t = blanks[0]
    assert t["ws"] == "pre" and t["wide"] and t["cue"] and t["hint"], t
    assert t["height"] < 1.5 * t["lines"] * t["lineHeight"], t     # one line a row (wrapped: about twice)
    assert any(not b["table"] and b["ws"] == "pre-wrap" for b in got)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.close()


def test_mathjax_is_out_of_the_tab_order_and_the_first_slider_is_near(contexts, server):
    w, pg = _open(contexts, server, "laptop", "light", "chapters/01_intuition.html")
    pg.wait_for_selector("input[type=range]", timeout=15000)
    assert pg.evaluate("document.querySelectorAll('mjx-container[tabindex=\"0\"]').length") == 0
    pg.keyboard.press("Tab")
    assert "skip" in pg.evaluate("document.activeElement.textContent").lower()
    pg.keyboard.press("Enter")
    for presses in range(1, MAX_TABS + 1):
        pg.keyboard.press("Tab")
        el = pg.evaluate("[document.activeElement.tagName, document.activeElement.type || '']")
        assert el[0] in ("A", "BUTTON", "INPUT"), f"Tab stop {presses} is a {el[0]}, not a link or control"
        if el == ["INPUT", "range"]:
            break
    else:
        pytest.fail(f"the first slider is not reached in {MAX_TABS} Tab presses")
    pg.close()


# --- Chinese text ------------------------------------------------------------------------------------------

def test_chinese_terms_are_marked_and_use_the_shipped_font(contexts, server):
    w, pg = _open(contexts, server, "laptop", "light", "glossary.html")
    # every CJK character of the page's text sits inside an element marked lang="zh"
    unmarked = pg.evaluate(r"""() => {
      const out = [], it = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = it.nextNode(); n; n = it.nextNode()) {
        if (/[\u3400-\u9fff]/.test(n.data) && !(n.parentElement.closest('[lang]') || {}).lang?.startsWith('zh'))
          if (!n.parentElement.closest('script,style')) out.push(n.data.trim().slice(0, 30));
      }
      return out; }""")
    assert unmarked == []
    term = pg.query_selector("dt span[lang=zh]")
    assert term is not None and CJK.search(term.inner_text())
    assert term.evaluate("e => getComputedStyle(e).fontFamily").startswith('"Noto Sans SC"')
    pg.evaluate("document.fonts.ready")
    loaded = pg.evaluate("[...document.fonts].filter(f => f.family.includes('Noto Sans SC') "
                         "&& f.status === 'loaded').length")
    total = pg.evaluate("[...document.fonts].filter(f => f.family.includes('Noto Sans SC')).length")
    # the font is cut at build time to the slices the book uses (tools/light.py): a page fetches some of those,
    # never all; what it may weigh is test_weight.py's budget
    assert 0 < loaded < total, "the page fetched none, or every one, of the CJK font's subsets"
    # what Chromium actually drew the term with
    cdp = pg.context.new_cdp_session(pg)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "dt span[lang=zh]"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    assert fonts and all(f["familyName"].startswith("Noto Sans SC") and f["isCustomFont"] for f in fonts), fonts
    # Latin text on the same page keeps the theme's font
    assert "Noto Sans SC" not in pg.evaluate("getComputedStyle(document.querySelector('.bd-article p'))"
                                             ".fontFamily")
    pg.close()


def test_theme_mode_setting_wins_over_the_os(browser, server):
    """The reader's choice in the theme's switcher (localStorage 'mode') overrides the OS scheme."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    ctx.add_init_script("localStorage.setItem('mode', 'dark')")
    w = Watched(ctx.new_page())
    pg = w.open(f"{server}/chapters/01_intuition.html")
    assert pg.evaluate("document.documentElement.dataset.theme") == "dark"
    assert pg.evaluate("getComputedStyle(document.querySelector('.bd-article img')).backgroundColor") \
        == "rgb(255, 255, 255)"
    ctx.close()
