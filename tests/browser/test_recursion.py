"""Chapter 4's `recursion` explorable in the built book: live with no kernel and no network, every readout and
every arrow equal to backprop's Recursion.values(), the sums of step 1 drawn again as step 2's own wishes, and
its "things to try" doing on the page what the text says."""
import numpy as np
import pytest

from conftest import HTML, assert_equal_to_python, page_of, readouts, set_slider, slider_values, sweep
from conftest import close as _close

import backprop
from backprop.explorables import Recursion

# one worker runs this module, so its page is loaded once (pytest -n 2 --dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_recursion")

PAGE = page_of(Recursion)
ROOT = '[data-explorable="recursion"]'

# {key: [value, shown, drawn height, fill colour]} for every arrow of both pictures
ARROWS = """root => Object.fromEntries([...root.querySelectorAll('[data-arrow]')].map(e =>
    [e.dataset.arrow, [Number(e.dataset.value), e.getAttribute('display') !== 'none'
                       && e.getBoundingClientRect().height > 0,
                       e.getAttribute('display') === 'none' ? 0 : e.getBBox().height, getComputedStyle(e).fill]]))"""

# which value each arrow draws: own wishes on the right, pieces, and sums on the left
ARROW_KEYS = {**{f"own2-{j}": f"wish2_{j}" for j in range(2)}, **{f"own1-{k}": f"wish1_{k}" for k in range(3)},
              **{f"2-{j}-{k}": f"piece2_{j}_{k}" for j in range(2) for k in range(3)},
              **{f"1-{k}-{i}": f"piece1_{k}_{i}" for k in range(3) for i in range(2)},
              **{f"sum1-{k}": f"sum1_{k}" for k in range(3)}, **{f"sum0-{i}": f"sum0_{i}" for i in range(2)}}


def _arrows(pg):
    return pg.eval_on_selector(ROOT, ARROWS)


def _assert_matches(pg, widget, where, got=None, arrows=None):
    """The readouts and arrows on the page (or those given, read by a sweep) are the widget's values."""
    got, want = got or readouts(pg, ROOT), widget.values()
    assert set(got) == set(want)
    assert_equal_to_python(got, want, where)
    arrows = arrows or _arrows(pg)
    assert set(arrows) == set(ARROW_KEYS)
    for a, k in ARROW_KEYS.items():
        assert _close(arrows[a][0], want[k]), f"arrow {a} = {arrows[a][0]}, {k} = {want[k]} ({where})"


@pytest.fixture
def page(explorable):
    """The chapter's page, loaded once for this module and put back to its starting state."""
    ex = explorable(PAGE, "recursion")
    yield ex.pg
    assert ex.watched.external == [] and ex.watched.errors == []


def test_sliders_drive_readouts_and_arrows_that_match_python(page):
    widget = Recursion()
    params = page.eval_on_selector_all(f"{ROOT} input[data-param]", "els => els.map(e => e.dataset.param)")
    assert params == list(widget.ranges)
    _assert_matches(page, widget, "start")
    for p in params:
        values = slider_values(widget.ranges[p])
        for value, (taken, got, arrows) in zip(values, sweep(page, ROOT, p, values, ARROWS), strict=True):
            setattr(widget, p, taken)
            _assert_matches(page, widget, f"{p}={value}", got, arrows)
        setattr(widget, p, set_slider(page, ROOT, p, getattr(Recursion(), p)))


def test_the_sums_of_step_1_are_drawn_again_as_the_own_wishes_of_step_2(page):
    """The same length and the same colour: a hidden neuron's wish arrives as its own."""
    for b in (0.3, 8.0, -5.0):
        set_slider(page, ROOT, "b1_2", b)
        arrows = _arrows(page)
        for k in range(3):
            total, own = arrows[f"sum1-{k}"], arrows[f"own1-{k}"]
            assert own[0] == total[0] or _close(own[0], total[0])
            assert own[1] == total[1] and abs(own[2] - total[2]) < 0.01 and own[3] == total[3], (k, own, total)
        # each hidden neuron has a colour of its own, which its pieces for the inputs carry too
        assert len({arrows[f"own1-{k}"][3] for k in range(3)}) == 3
        assert all(arrows[f"1-{k}-0"][3] == arrows[f"own1-{k}"][3] for k in range(3))


def test_every_slider_and_button_has_a_readable_label(page):
    labels = page.eval_on_selector_all(f"{ROOT} input, {ROOT} button", "els => els.map(e => e.getAttribute('aria-label'))")
    assert len(labels) == 7 + 2 and len(set(labels)) == len(labels)
    assert all(lab and " " in lab and any(len(w) >= 4 and w.isalpha() for w in lab.split()) for lab in labels), labels


def test_arrow_keys_move_a_focused_slider(page):
    sel = f'{ROOT} input[data-param="x0"]'
    before = page.eval_on_selector(sel, "e => Number(e.value)")
    page.focus(sel)
    page.keyboard.press("ArrowRight")
    after = page.eval_on_selector(sel, "e => Number(e.value)")
    assert after > before
    _assert_matches(page, Recursion(x0=after), "x0 by keyboard")


def test_try_follow_hidden_neuron_0_back_to_the_inputs(page):
    got, arrows = readouts(page, ROOT), _arrows(page)
    assert got["out0"] < 1.0 and got["out1"] > 0.0                        # below, above their targets y = (1, 0)
    assert arrows["2-0-0"][0] > 0 and arrows["2-1-0"][0] > 0              # both outputs: a1_0 larger
    assert arrows["2-0-0"][1] and arrows["2-1-0"][1]
    assert arrows["sum1-0"][0] > 0 and arrows["own1-0"][0] == got["wish1_0"] > 0
    assert arrows["1-0-0"][0] > 0 > arrows["1-0-1"][0]                    # then x0 larger, x1 smaller
    assert arrows["1-0-0"][1] and arrows["1-0-1"][1]
    w = Recursion()
    assert (w.W2[0][0], w.W2[1][0], w.W1[0][0], w.W1[0][1]) == (1.0, -0.8, 0.5, -1.0)   # the signs the text names


def test_try_silence_output_0_then_output_1(page):
    before = _arrows(page)
    page.click(f'{ROOT} button[data-action="match0"]')
    got, arrows = readouts(page, ROOT), _arrows(page)
    assert got["wish2_0"] == 0 and not arrows["own2-0"][1]
    for k in range(3):
        assert not arrows[f"2-0-{k}"][1]                                  # output 0's pieces are gone
        assert arrows[f"sum1-{k}"][0] == arrows[f"2-1-{k}"][0] == before[f"2-1-{k}"][0]   # the sum is output 1's
    w = Recursion(y0=got["out0"])
    _assert_matches(page, w, "after silence output 0")
    # two layers back, the inputs' wishes are those of the network without output 0
    net, full = backprop.MLP([2, 3, 1]), w.net()          # the same network without output 0
    net.params = [full.params[0], [full.params[1][0][1:], full.params[1][1][1:]]]
    x = np.array([[w.x0], [w.x1]])
    alone = -backprop.numerical_gradient(lambda: net.cost(x, np.array([[w.y1]])), x)[:, 0]
    assert np.allclose([got["sum0_0"], got["sum0_1"]], alone, rtol=1e-6)
    assert not np.allclose([before["sum0-0"][0], before["sum0-1"][0]], alone, rtol=0.05)

    page.click(f'{ROOT} button[data-action="match1"]')
    got, arrows = readouts(page, ROOT), _arrows(page)
    assert all(v == 0 for k, v in got.items() if k.startswith(("wish", "piece", "sum")))
    assert not any(shown for _, shown, _, _ in arrows.values())            # every arrow of both steps is gone
    assert any(v != 0 for k, v in got.items() if k.startswith("gp"))


def test_try_saturated_hidden_neuron_1(page):
    start = readouts(page, ROOT)
    assert set_slider(page, ROOT, "b1_1", 8) == 8
    got, arrows = readouts(page, ROOT), _arrows(page)
    assert 5e-5 < got["gp1_1"] < 2e-4                                     # "about 10^-4"
    assert got["wish1_1"] < 0 and arrows["own1-1"][1] and arrows["sum1-1"][1]   # its wish arrives: smaller
    for i in range(2):
        assert abs(got[f"piece1_1_{i}"]) < abs(start[f"piece1_1_{i}"]) / 1000
        assert arrows[f"1-1-{i}"][2] < 1                                  # drawn under a pixel: gone
        assert arrows[f"1-0-{i}"][1] and arrows[f"1-2-{i}"][1]
        assert got[f"sum0_{i}"] == pytest.approx(got[f"piece1_0_{i}"] + got[f"piece1_2_{i}"], rel=0.01)
    _assert_matches(page, Recursion(b1_1=8), "b1_1=8")


@pytest.mark.parametrize("width", [390, 1280])
def test_fits_the_page_at_phone_and_desktop_width_in_dark_mode(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5000)
    for b in (-0.2, 8):              # long numbers (1.1e-4) in the tables at b = 8
        set_slider(page, ROOT, "b1_1", b)
        box = page.eval_on_selector(ROOT, "el => el.getBoundingClientRect().toJSON()")
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        wide = page.eval_on_selector_all(f"{ROOT} .rc-table-wrap", "els => els.map(e => e.scrollWidth - e.clientWidth)")
        assert len(wide) == 2 and max(wide) <= 0, wide                  # no table scrolls
    # the input sums and the node labels are drawn in the theme's text colour, light on dark
    for sel in (".rc-s0", ".rc-text"):
        fill = page.eval_on_selector(f"{ROOT} {sel}", "el => getComputedStyle(el).fill")
        rgb = [int(c) for c in fill[fill.index("(") + 1:fill.index(")")].split(",")[:3]]
        assert sum(rgb) > 3 * 160, (sel, fill)


def test_a_chinese_page_gets_the_chinese_strings(watched, server):
    """The Chinese edition serves the same stored JavaScript on <html lang="zh-CN"> pages."""
    pg, url = watched.page, f"{server}/{PAGE}"
    html = (HTML / PAGE).read_text().replace('<html lang="en"', '<html lang="zh-CN"', 1)
    pg.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    watched.open(url)
    pg.wait_for_selector(ROOT, timeout=20000)
    texts = pg.eval_on_selector_all(f"{ROOT} button, {ROOT} legend, {ROOT} .bp-caption, {ROOT} .rc-head",
                                    "els => els.map(e => e.textContent)")
    labels = pg.eval_on_selector_all(f"{ROOT} input, {ROOT} svg, {ROOT} table",
                                     "els => els.map(e => e.getAttribute('aria-label'))")
    for t in texts + labels:
        assert any("\u4e00" <= c <= "\u9fff" for c in t), t
    assert len(texts) == 2 + 3 + 1 + 2 and len(labels) == 7 + 2 + 2
    assert watched.external == [] and watched.errors == []
