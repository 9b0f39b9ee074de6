"""Chapter 6's `graph` explorable in the built book: every node's value and gradient follows the sliders
and matches backprop.autodiff in Python, and each "Things to try" bullet beside it does what it says."""
import pytest

from conftest import assert_equal_to_python, page_of, readouts, set_slider, slider_values, sweep
from conftest import close as _close

from backprop.explorables import ChainGraph

# one worker runs this module, so its pages are loaded once (pytest -n 2 --dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_chain_graph")

PAGE = page_of(ChainGraph)
ROOT = '[data-explorable="graph"]'


def _set(pg, name, value):
    return set_slider(pg, ROOT, name, value)


def _readouts(pg):
    return readouts(pg, ROOT)


def _open(explorable):
    """The chapter's page, loaded once for this module and put back to its starting state."""
    return explorable(PAGE, "graph").pg


def _quiet(explorable):
    w = explorable(PAGE, "graph").watched
    return w.external == [] and w.errors == []


def _matches(got, widget, where):
    assert_equal_to_python(got, widget.values(), where)


def test_sliders_drive_every_node_as_in_python(explorable):
    pg = _open(explorable)
    widget = ChainGraph()
    params = pg.eval_on_selector_all(f"{ROOT} input[data-param]", "els => els.map(e => e.dataset.param)")
    assert params == list(widget.ranges)
    assert set(_readouts(pg)) == set(widget.values())
    _matches(_readouts(pg), widget, "the defaults")
    for p in params:
        values = slider_values(widget.ranges[p])
        for value, (taken, got, _) in zip(values, sweep(pg, ROOT, p, values), strict=True):
            setattr(widget, p, taken)
            _matches(got, widget, f"{p}={value}")
        setattr(widget, p, _set(pg, p, getattr(ChainGraph(), p)))
    # the picture shows the same numbers: one box per node, 4 significant digits
    assert pg.eval_on_selector_all(f"{ROOT} svg rect.bp-graph-node", "els => els.length") == 15
    assert _quiet(explorable)


def test_try_read_dw_and_db_off_the_graph(explorable):
    # "∂C/∂w_l is the red number of z_l times the blue number of a_{l−1}; ∂C/∂b_l equals the red number of z_l"
    pg = _open(explorable)
    for settings in [{}, {"w1": -4.2, "b2": 3.1, "a0": 2.5, "y": 0.1}, {"w3": 5.5, "b1": -7, "a0": -3}]:
        for k, v in settings.items():
            _set(pg, k, v)
        got = _readouts(pg)
        for l in (1, 2, 3):
            assert _close(got[f"dC_dw{l}"], got[f"dC_dz{l}"] * got[f"a{l - 1}"]), (l, settings)
            assert got[f"dC_db{l}"] == got[f"dC_dz{l}"]
    assert _quiet(explorable)


def test_try_a0_zero(explorable):
    # "Set a0 = 0: ∂C/∂w1 becomes 0, while ∂C/∂z1 and ∂C/∂b1 do not"
    pg = _open(explorable)
    before = _readouts(pg)
    assert before["dC_dw1"] != 0
    assert _set(pg, "a0", 0) == 0
    got = _readouts(pg)
    assert got["dC_dw1"] == 0 and got["dC_dz1"] != 0 and got["dC_db1"] != 0
    _matches(got, ChainGraph(a0=0.0), "a0=0")


def test_try_w2_zero(explorable):
    # "Set w2 = 0: ∂C/∂a1 and every gradient to its left become 0, while those to the right do not"
    pg = _open(explorable)
    assert all(_readouts(pg)[f"dC_d{k}"] != 0 for k in ("a1", "z1", "w1", "b1", "a0"))
    assert _set(pg, "w2", 0) == 0
    got = _readouts(pg)
    for k in ("a1", "z1", "w1", "b1", "a0"):
        assert got[f"dC_d{k}"] == 0, k
    for k in ("w2", "b2", "z2", "a2", "w3", "b3", "z3", "a3", "y"):
        assert got[f"dC_d{k}"] != 0, k


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_fits_a_phone_in_both_themes(explorable, theme):
    pg = _open(explorable)
    pg.set_viewport_size({"width": 390, "height": 844})
    pg.emulate_media(color_scheme=theme)
    pg.wait_for_function(f"document.documentElement.dataset.theme === '{theme}'", timeout=5000)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    box = pg.eval_on_selector(ROOT, "el => el.getBoundingClientRect().right")
    assert box <= 390
    # slider inputs take (nearly) the whole width of the box
    widths = pg.eval_on_selector_all(f"{ROOT} input[data-param]", "els => els.map(e => e.getBoundingClientRect().width)")
    assert min(widths) > 250
    # text and node outlines follow the theme: light text on dark, dark text on light
    rgb = pg.eval_on_selector(f"{ROOT} .bp-graph-name", "el => getComputedStyle(el).fill")
    level = sum(int(x) for x in rgb[rgb.index("(") + 1:-1].split(",")[:3]) / 3
    assert (level > 128) == (theme == "dark"), rgb
    assert _quiet(explorable)
