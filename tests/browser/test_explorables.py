"""The explorables in the built book are live with no kernel and no network: moving each slider updates
every readout to the value that backprop computes in Python for the same parameters. Each "Things to try"
bullet beside an explorable is done here as a reader would, and what it promises is checked on the page."""
import re

import pytest

from conftest import close as _close
from conftest import readouts as _readouts
from conftest import assert_equal_to_python, page_of, slider_values, sweep
from conftest import set_slider as _set

from backprop.explorables import Chain, Descent, Neuron

# one worker runs this module, so its pages are loaded once (pytest -n 2 --dist loadgroup)
pytestmark = pytest.mark.xdist_group("test_explorables")

CASES = {cls.data_explorable: (page_of(cls), cls) for cls in (Neuron, Chain, Descent)}


def _bars(pg, root):
    """{data-bar: (value, width, class)} of the bars drawn."""
    return pg.eval_on_selector_all(f"{root} rect[data-bar]", """els => Object.fromEntries(els.map(e =>
        [e.dataset.bar, [Number(e.dataset.value), Number(e.getAttribute('width')), e.getAttribute('class')]]))""")


def _open(explorable, name):
    """The chapter's page, loaded once for this module and put back to its starting state."""
    ex = explorable(CASES[name][0], name)
    return ex.pg, ex.root


def _quiet(explorable, name):
    """No request to the network and no console error since the page loaded."""
    w = explorable(CASES[name][0], name).watched
    return w.external == [] and w.errors == []


def _widget(pg, root, cls, **params):
    """Set the sliders to params (as a reader would) and return the Python widget with the values taken."""
    return cls(**{k: _set(pg, root, k, v) for k, v in params.items()})


@pytest.mark.parametrize("name", ["neuron", "chain"])
def test_sliders_drive_readouts_that_match_python(explorable, name):
    pg, root = _open(explorable, name)
    widget_cls = CASES[name][1]
    widget = widget_cls()
    params = pg.eval_on_selector_all(f"{root} input[data-param]", "els => els.map(e => e.dataset.param)")
    assert params == list(widget.ranges)
    readouts = _readouts(pg, root)
    assert set(readouts) == set(widget.values())
    for p in params:
        values = slider_values(widget.ranges[p])
        for value, (taken, got, _) in zip(values, sweep(pg, root, p, values), strict=True):
            setattr(widget, p, taken)
            assert_equal_to_python(got, widget.values(), f"{p}={value}", prefix=f"{name}: ")
        setattr(widget, p, _set(pg, root, p, getattr(widget_cls(), p)))
    assert _quiet(explorable, name)


def test_extreme_z_gives_finite_numbers(explorable):
    pg, root = _open(explorable, "neuron")
    for w, a, b in [(6, 1, 14), (-6, 1, -14), (6, 0, 14)]:     # z = 20, -20, 14: the ends of the sliders
        widget = _widget(pg, root, Neuron, w=w, a=a, b=b)
        got = _readouts(pg, root)
        assert all(v == v and abs(v) != float("inf") for v in got.values())
        for k, v in widget.values().items():
            assert _close(got[k], v)
    assert _quiet(explorable, "neuron")


@pytest.mark.parametrize("name", sorted(CASES))
def test_arrow_keys_move_a_focused_slider(explorable, name):
    pg, root = _open(explorable, name)
    first = pg.eval_on_selector(f"{root} input[data-param]", "e => e.dataset.param")
    before = pg.eval_on_selector(f'{root} input[data-param="{first}"]', "e => Number(e.value)")
    pg.focus(f'{root} input[data-param="{first}"]')
    pg.keyboard.press("ArrowRight")
    after = pg.eval_on_selector(f'{root} input[data-param="{first}"]', "e => Number(e.value)")
    assert after > before
    if name != "descent":
        widget = CASES[name][1](**{first: after})
        got = _readouts(pg, root)
        assert all(_close(got[k], v) for k, v in widget.values().items())


@pytest.mark.parametrize("name", sorted(CASES))
def test_aria_labels_are_words(explorable, name):
    pg, root = _open(explorable, name)
    labels = pg.eval_on_selector_all(f"{root} input[data-param]", "els => els.map(e => [e.dataset.param, e.getAttribute('aria-label')])")
    for param, aria in labels:
        assert aria and aria != param and re.search(r"[a-z]{4,}", aria), (param, aria)


# ---- Neuron: chapter 1's "Things to try" --------------------------------------------------------------
def test_neuron_bullet_y_at_the_output(explorable):
    pg, root = _open(explorable, "neuron")
    start = _readouts(pg, root)
    widget = _widget(pg, root, Neuron, y=start["a_L"])       # "set y to the output a(L) shown in the readouts"
    got = _readouts(pg, root)
    for k in ("dC_dw", "dC_db", "dC_da"):
        assert abs(got[k]) < abs(start[k]) / 50 and _close(got[k], widget.values()[k])


def test_neuron_bullet_wishes_take_the_sign_of_y_minus_the_output(explorable):
    pg, root = _open(explorable, "neuron")
    _set(pg, root, "y", 1)
    assert _readouts(pg, root)["a_L"] < 1
    for key, (value, width, cls) in _bars(pg, root).items():
        assert value > 0 and "bp-bar-pos" in cls and width > 5, key   # wish −∂C/∂θ > 0: drawn positive
    _set(pg, root, "y", 0)
    for key, (value, width, cls) in _bars(pg, root).items():
        assert value < 0 and "bp-bar-neg" in cls and width > 5, key
    text = pg.inner_text(f'{root} [data-caption="bars"]')
    assert "wish −∂C/∂θ" in text and "nudge" not in text


def test_neuron_bullet_saturation_shows(explorable):
    pg, root = _open(explorable, "neuron")
    before = _bars(pg, root)
    assert all(width > 20 for _, width, _ in before.values())          # visible at the start
    widget = _widget(pg, root, Neuron, b=14)                            # "push b to its right end"
    got = _readouts(pg, root)
    assert got["a_L"] > 0.999 and got["sigma_prime_z"] < 1e-6 and _close(got["a_L"], widget.values()["a_L"])
    after = _bars(pg, root)
    for key, (value, width, _) in after.items():
        assert abs(value) < 1e-6 and width < 1, key                    # the bars vanish: a fixed scale
    texts = pg.eval_on_selector_all(f"{root} .bp-bar-value", "els => els.map(e => e.textContent)")
    assert all("e-" in t for t in texts)                               # and their printed values say how small


def test_neuron_bullet_silent_input(explorable):
    pg, root = _open(explorable, "neuron")
    _set(pg, root, "a", 0)
    got, bars = _readouts(pg, root), _bars(pg, root)
    assert got["dC_dw"] == 0 and got["dC_db"] != 0 and got["dC_da"] != 0
    assert bars["w"][1] < 1 and bars["b"][1] > 5 and bars["a"][1] > 5


# ---- Chain: chapter 2's "Things to try" ------------------------------------------------------------------
DERIVS = [f"dC_d{p}{l}" for p in "wb" for l in (1, 2, 3)] + [f"dC_da{l}" for l in (0, 1, 2)]


def test_chain_products_multiply_to_each_derivative(explorable):
    pg, root = _open(explorable, "chain")
    for params in ({}, {"w2": 6, "b2": -4.6}, {"w1": -3, "b3": 2, "a0": -2}):
        for k, v in params.items():
            _set(pg, root, k, v)
        got = _readouts(pg, root)
        for l in (1, 2, 3):
            factors = pg.eval_on_selector_all(f'{root} [data-product="w{l}"] [data-factor]',
                                              "els => els.map(e => Number(e.dataset.value))")
            assert len(factors) == 3 + (3 - l)                          # a, σ', one per layer crossed, 2(a3 − y)
            prod = 1.0
            for f in factors:
                prod *= f
            assert abs(prod - got[f"dC_dw{l}"]) <= 1e-12 + 1e-9 * abs(got[f"dC_dw{l}"])


def test_chain_bullet_y_at_a3(explorable):
    pg, root = _open(explorable, "chain")
    start = _readouts(pg, root)
    _set(pg, root, "y", start["a3"])
    got = _readouts(pg, root)
    for k in DERIVS:
        assert abs(got[k]) <= abs(start[k]) / 100, k


def test_chain_bullet_b1_at_its_end(explorable):
    pg, root = _open(explorable, "chain")
    start = _readouts(pg, root)
    _set(pg, root, "b1", 8)
    got = _readouts(pg, root)
    assert abs(got["dC_dw1"]) < abs(start["dC_dw1"]) / 1000 and abs(got["dC_da0"]) < abs(start["dC_da0"]) / 1000
    for k in ("dC_dw3", "dC_db3"):
        assert abs(got[k] - start[k]) < 0.1 * abs(start[k])


def test_chain_bullet_w2_zero(explorable):
    pg, root = _open(explorable, "chain")
    _set(pg, root, "w2", 0)
    got = _readouts(pg, root)
    assert got["dC_dw1"] == 0 and got["dC_db1"] == 0 and got["dC_da0"] == 0
    assert float(pg.get_attribute(f'{root} [data-product="w1"]', "data-value")) == 0


def test_chain_bullet_the_wish_grows_through_a_large_factor(explorable):
    pg, root = _open(explorable, "chain")
    flow = pg.inner_text(f'{root} [data-caption="flow"]')
    assert "grows" not in flow and flow.count("shrinks") == 3
    _set(pg, root, "w2", 6)
    _set(pg, root, "b2", -4.6)
    got, bars = _readouts(pg, root), _bars(pg, root)
    assert abs(got["factor2"]) > 1 and abs(got["dC_da1"]) > abs(got["dC_da2"])
    assert bars["∂C/∂a₁"][1] > bars["∂C/∂a₂"][1]                       # its bar is longer
    flow = pg.inner_text(f'{root} [data-caption="flow"]')
    assert re.search(r"layer 2: [^;]*grows", flow) and re.search(r"layer 3: [^;]*shrinks", flow)
    caption = pg.inner_text(f'{root} [data-caption="bars"]')
    assert "shrinks where |w·σ′(z)| < 1" in caption and "grows" in caption


# ---- Descent: chapter 3 ----------------------------------------------------------------------------------
def _run(pg, root):
    pg.click(f'{root} button[data-action="run"]')
    pg.wait_for_function(f"""() => {{ const r = document.querySelector('{root}');
        return r.dataset.running === 'false' && Number(r.querySelector('[data-readout=step]').dataset.value) > 0; }}""",
                         timeout=30000)
    curve = pg.get_attribute(f"{root} polyline", "data-y")
    ys = pg.eval_on_selector(f"{root} polyline", "e => e.getAttribute('points').split(' ').map(p => Number(p.split(',')[1]))")
    return [float(c) for c in curve.split(",")], ys


def test_descent_steps_and_batches_match_python(explorable):
    pg, root = _open(explorable, "descent")
    d = Descent()
    want, batches = d.costs(25), d.batches(25)
    got = _readouts(pg, root)
    assert _close(got["J"], want[0]) and got["step"] == 0
    pg.click(f'{root} button[data-action="step"]')                       # a reader's click, then 24 more
    seen = [(_readouts(pg, root), pg.get_attribute(root, "data-batch"))] + pg.eval_on_selector(root, """root => {
        const out = [], step = root.querySelector('button[data-action="step"]');
        for (let i = 0; i < 24; i++) {
          step.click();
          out.push([Object.fromEntries([...root.querySelectorAll('[data-readout]')]
                                       .map(e => [e.dataset.readout, Number(e.dataset.value)])),
                    root.dataset.batch]);
        }
        return out; }""")
    for k, (got, batch) in enumerate(seen, start=1):
        assert got["step"] == k and _close(got["J"], want[k]), (k, got, want[k])
        assert batch == ",".join(map(str, batches[k - 1]))
    assert pg.inner_text(f'{root} [data-readout="step"]') == "25"         # an integer shown as one
    _set(pg, root, "batch_size", 1)                                        # restarts from the same weights
    assert _readouts(pg, root)["step"] == 0
    pg.click(f'{root} button[data-action="step"]')
    assert _close(_readouts(pg, root)["J"], d.costs(1, batch_size=1)[1])
    assert _quiet(explorable, "descent")


def test_descent_run_at_the_defaults_halves_J_and_batch_size_one_descends(explorable):
    pg, root = _open(explorable, "descent")
    d = Descent()
    J0 = _readouts(pg, root)["J"]
    curve, _ = _run(pg, root)
    got = _readouts(pg, root)
    assert got["step"] == d.run_steps and got["J"] <= J0 / 2
    assert _close(got["J"], d.costs(d.run_steps)[-1])                      # J on all examples
    assert all(_close(c, w) for c, w in zip(curve, d.costs(d.run_steps), strict=True))
    _set(pg, root, "batch_size", 1)
    _run(pg, root)
    got = _readouts(pg, root)
    assert got["J"] < J0 and _close(got["J"], d.costs(d.run_steps, batch_size=1)[-1])
    assert _quiet(explorable, "descent")


def _rises(ys):
    """How many steps the drawn curve goes up (SVG y decreases going up)."""
    return sum(1 for a, b in zip(ys, ys[1:]) if b < a)


def test_descent_bullet_full_batch_is_smooth(explorable):
    pg, root = _open(explorable, "descent")
    _set(pg, root, "batch_size", 16)
    curve, ys = _run(pg, root)
    assert all(b < a for a, b in zip(curve, curve[1:])) and _rises(ys) == 0


@pytest.mark.parametrize("B", [1, 2])
def test_descent_bullet_small_batches_are_jagged_but_descend(explorable, B):
    pg, root = _open(explorable, "descent")
    _set(pg, root, "batch_size", B)
    curve, ys = _run(pg, root)
    assert _rises(ys) > 0.2 * (len(ys) - 1) and curve[-1] < curve[0] / 10


def test_descent_bullet_too_large_a_learning_rate(explorable):
    pg, root = _open(explorable, "descent")
    _set(pg, root, "lr", 50)
    curve, ys = _run(pg, root)
    assert max(curve) > 2 * curve[0] and curve[-1] > curve[0]
    assert min(ys) < ys[0]                                                 # drawn above its start


def test_descent_chart_is_log_scale_with_labelled_axes(explorable):
    pg, root = _open(explorable, "descent")
    _run(pg, root)
    ticks = pg.eval_on_selector_all(f"{root} .bp-tick", "els => els.map(e => e.textContent)")
    assert {"1e-3", "1e-2", "1e-1"} <= set(ticks)
    labels = pg.eval_on_selector_all(f"{root} svg .bp-bar-label", "els => els.map(e => e.textContent)")
    assert "steps taken" in labels and any("log scale" in t for t in labels)


# ---- Language, dark mode, a phone ------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(CASES))
def test_chinese_page_gets_chinese_text(watched, server, name):
    """The same stored JavaScript on a page in Chinese (<html lang="zh-CN">) speaks Chinese."""
    def chinese(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('<html lang="en"', '<html lang="zh-CN"', 1))
    watched.page.route("**/chapters/*.html", chinese)
    pg = watched.open(f"{server}/{CASES[name][0]}")
    root = f'[data-explorable="{name}"]'
    pg.wait_for_selector(root, timeout=20000)
    assert pg.evaluate("document.documentElement.lang") == "zh-CN"
    strings = pg.eval_on_selector_all(f"{root} [aria-label], {root} .bp-caption, {root} button",
                                      "els => els.map(e => e.getAttribute('aria-label') || e.textContent)")
    assert strings and all(re.search(r"[\u4e00-\u9fff]", t) for t in strings), strings
    assert not any(re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", t) for t in strings), strings


def _luminance(rgb):
    def ch(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(float(x)) for x in re.findall(r"[\d.]+", rgb)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_follows_the_theme_with_readable_contrast(explorable, name, mode):
    pg, root = _open(explorable, name)
    pg.emulate_media(color_scheme=mode)                                    # the OS switches; the theme follows
    pg.wait_for_function(f"document.documentElement.dataset.theme === '{mode}'", timeout=5000)
    bg = pg.eval_on_selector(root, "e => getComputedStyle(e).backgroundColor")
    assert (_luminance(bg) < 0.05) == (mode == "dark")
    for sel in [root, f"{root} .bp-caption", f"{root} .bp-bar-label", f"{root} .bp-value"]:
        colour = pg.eval_on_selector(sel, "e => getComputedStyle(e).fill !== 'none' && e instanceof SVGElement "
                                          "? getComputedStyle(e).fill : getComputedStyle(e).color")
        assert _contrast(colour, bg) >= 4.5, (sel, colour, bg)


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_column_on_a_phone(explorable, name):
    pg, root = _open(explorable, name)
    pg.set_viewport_size({"width": 390, "height": 844})
    box = pg.eval_on_selector(root, "e => e.getBoundingClientRect().toJSON()")
    assert box["right"] <= 390 and pg.evaluate("document.documentElement.scrollWidth") <= 390
    wide = pg.eval_on_selector_all(f"{root} *", """els => els.filter(e => e.getBoundingClientRect().right > 390.5)
        .map(e => e.tagName + '.' + e.getAttribute('class'))""")
    assert wide == []
    for s in pg.eval_on_selector_all(f"{root} input[type=range]", "els => els.map(e => e.getBoundingClientRect().toJSON())"):
        assert s["width"] >= 0.8 * (box["width"] - 30) and s["height"] >= 24
    lefts = pg.eval_on_selector_all(f"{root} > div", "els => els.map(e => Math.round(e.getBoundingClientRect().left))")
    assert len(set(lefts)) == 1                                             # one column
