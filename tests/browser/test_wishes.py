"""Chapter 4's `wishes` explorable in the built book: live with no kernel and no network, every readout
equal to backprop's Wishes.values(), and its "things to try" doing on the page what the text says."""

import pytest

from conftest import HTML, assert_equal_to_python, page_of, readouts, set_slider, slider_values, sweep
from conftest import close as _close

from backprop.explorables import Wishes

# one worker runs this module, so its pages are loaded once (pytest -n 2 --dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_wishes")

PAGE = page_of(Wishes)
ROOT = '[data-explorable="wishes"]'


def _set(pg, name, value):
    return set_slider(pg, ROOT, name, value)


def _readouts(pg):
    return readouts(pg, ROOT)


# {"j-k" or "sum-k": (wish, shown, length in the drawing's units, clipped)} for every arrow under root
ARROWS = """root => Object.fromEntries([...root.querySelectorAll('[data-arrow]')].map(e =>
    [e.dataset.arrow, [Number(e.dataset.value), e.getAttribute('display') !== 'none'
                       && e.getBoundingClientRect().height > 0, e.getBBox().height, e.hasAttribute('data-clipped')]]))"""

FULL, SCALE = 32, 0.8     # wishes.js: a wish of SCALE is an arrow FULL units long, whatever the other arrows


def _assert_fixed_scale(arrows, where):
    """Every arrow's length is its own wish on the one fixed scale; a wish past the scale is clipped and marked."""
    for key, (wish, shown, length, clipped) in arrows.items():
        assert clipped == (abs(wish) > SCALE), f"arrow {key} = {wish}: clipped {clipped} ({where})"
        if shown:
            assert abs(length - FULL * min(abs(wish) / SCALE, 1)) < 1e-3, f"arrow {key} = {wish} is {length} long ({where})"


def _arrows(pg):
    return pg.eval_on_selector(ROOT, ARROWS)


def _assert_matches(pg, widget, where, got=None, arrows=None):
    """The readouts and arrows on the page (or those given, read by a sweep) are the widget's values."""
    got, want = got or _readouts(pg), widget.values()
    assert set(got) == set(want)
    assert_equal_to_python(got, want, where)
    arrows = arrows or _arrows(pg)          # the arrows are the wishes, the negatives of the readouts
    _assert_fixed_scale(arrows, where)
    for j in range(2):
        for k in range(3):
            assert _close(arrows[f"{j}-{k}"][0], -want[f"wish_{j}_{k}"])
    for k in range(3):
        assert _close(arrows[f"sum-{k}"][0], -want[f"dC_da{k}"])


@pytest.fixture
def page(explorable):
    """The chapter's page, loaded once for this module and put back to its starting state."""
    ex = explorable(PAGE, "wishes")
    yield ex.pg
    assert ex.watched.external == [] and ex.watched.errors == []


def test_sliders_drive_readouts_and_arrows_that_match_python(page):
    widget = Wishes()
    params = page.eval_on_selector_all(f"{ROOT} input[data-param]", "els => els.map(e => e.dataset.param)")
    assert params == list(widget.ranges)
    _assert_matches(page, widget, "start")
    for p in params:
        values = slider_values(widget.ranges[p])
        for value, (taken, got, arrows) in zip(values, sweep(page, ROOT, p, values, ARROWS), strict=True):
            setattr(widget, p, taken)
            _assert_matches(page, widget, f"{p}={value}", got, arrows)
        setattr(widget, p, _set(page, p, getattr(Wishes(), p)))


def test_an_arrow_keeps_its_length_when_another_neuron_changes(page):
    """The scale is fixed: moving neuron 1's target changes neuron 1's arrows and the sums, not neuron 0's."""
    before = _arrows(page)
    w = Wishes()
    w.y1 = _set(page, "y1", 1)
    after = _arrows(page)
    for k in range(3):
        assert after[f"0-{k}"] == before[f"0-{k}"]                        # same wish, same length
        assert after[f"1-{k}"][2] != before[f"1-{k}"][2] and after[f"sum-{k}"][2] != before[f"sum-{k}"][2]
    _assert_matches(page, w, "y1=1")


def test_a_wish_past_the_scale_is_clipped_and_marked(page):
    w = Wishes()
    for name, value in [("w02", 4), ("w12", -4), ("b0", -4), ("b1", 4)]:
        setattr(w, name, _set(page, name, value))
    arrows = _arrows(page)
    assert abs(w.values()["dC_da2"]) > 2 * SCALE
    assert arrows["sum-2"][1:] == [True, FULL, True]
    _assert_matches(page, w, "a sum past the scale")
    # the caption and the chapter's text give the scale the arrows are drawn on
    assert f"a full-length arrow is a wish of {SCALE}" in page.inner_text(f"{ROOT} .wz-picture .bp-caption")
    assert f"a full-length arrow is a wish of {SCALE}" in page.inner_text("main")


def test_every_slider_and_button_has_a_readable_label(page):
    labels = page.eval_on_selector_all(f"{ROOT} input, {ROOT} button", "els => els.map(e => e.getAttribute('aria-label'))")
    assert len(labels) == 13 + 2 and len(set(labels)) == len(labels)
    assert all(lab and " " in lab and not lab.startswith(("w0", "w1", "a0", "y0")) for lab in labels), labels


def test_try_silence_neuron_0_its_arrows_vanish_from_every_sum(page):
    before = _arrows(page)
    assert all(before[f"0-{k}"][1] for k in range(3))
    page.click(f'{ROOT} button[data-action="match0"]')
    got, arrows = _readouts(page), _arrows(page)
    assert got["dC_dz0"] == 0 and all(got[f"wish_0_{k}"] == 0 for k in range(3))
    for k in range(3):
        assert not arrows[f"0-{k}"][1]                               # neuron 0's arrows are gone
        assert arrows[f"sum-{k}"][0] == arrows[f"1-{k}"][0] == before[f"1-{k}"][0]   # the sum is neuron 1's
        assert arrows[f"sum-{k}"][1]
    w = Wishes()
    w.y0 = got["out0"]
    _assert_matches(page, w, "after silence neuron 0")


def test_try_w12_zero_removes_one_arrow(page):
    w = Wishes()
    w.w12 = _set(page, "w12", 0)
    arrows = _arrows(page)
    assert not arrows["1-2"][1] and arrows["1-0"][1] and arrows["1-1"][1]
    assert arrows["sum-2"][0] == arrows["0-2"][0]
    _assert_matches(page, w, "w12=0")


def test_try_start_disagreement_about_a2(page):
    arrows = _arrows(page)
    assert arrows["0-2"][0] > 0 > arrows["1-2"][0] and arrows["sum-2"][0] < 0
    assert abs(arrows["1-2"][0]) > abs(arrows["0-2"][0])
    assert all(arrows[f"{j}-0"][0] > 0 and arrows[f"{j}-1"][0] < 0 for j in range(2))


def test_try_silent_input(page):
    w = Wishes()
    w.a0 = _set(page, "a0", 0)
    got, arrows = _readouts(page), _arrows(page)
    assert got["dC_dw00"] == 0 and got["dC_dw10"] == 0
    assert arrows["0-0"][1] and arrows["1-0"][1] and arrows["sum-0"][1]
    _assert_matches(page, w, "a0=0")


@pytest.mark.parametrize("width", [390, 1280])
def test_fits_the_page_at_phone_and_desktop_width_in_dark_mode(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5000)
    box = page.eval_on_selector(ROOT, "el => el.getBoundingClientRect().toJSON()")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # the sum arrows and the node labels are drawn in the theme's text colour, light on dark
    fill = page.eval_on_selector(f"{ROOT} .wz-sum", "el => getComputedStyle(el).fill")
    rgb = [int(c) for c in fill[fill.index("(") + 1:fill.index(")")].split(",")[:3]]
    assert sum(rgb) > 3 * 160, fill


def test_a_chinese_page_gets_the_chinese_strings(watched, server):
    """The Chinese edition serves the same stored JavaScript on <html lang="zh-CN"> pages."""
    pg, url = watched.page, f"{server}/{PAGE}"
    html = (HTML / PAGE).read_text().replace('<html lang="en"', '<html lang="zh-CN"', 1)
    pg.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    watched.open(url)
    pg.wait_for_selector(ROOT, timeout=20000)
    assert pg.evaluate("document.documentElement.lang") == "zh-CN"
    texts = pg.eval_on_selector_all(f"{ROOT} button, {ROOT} legend, {ROOT} .bp-caption, {ROOT} .wz-head",
                                    "els => els.map(e => e.textContent)")
    labels = pg.eval_on_selector_all(f"{ROOT} input, {ROOT} svg", "els => els.map(e => e.getAttribute('aria-label'))")
    for t in texts + labels:
        assert any("\u4e00" <= c <= "\u9fff" for c in t), t
    assert len(texts) == 2 + 4 + 2 + 4 and watched.external == [] and watched.errors == []
