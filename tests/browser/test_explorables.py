"""The explorables in the built book are live with no kernel and no network: moving each slider updates
every readout to the value that backprop computes in Python for the same parameters."""

import pytest

from conftest import HTML

from backprop.explorables import Chain, Descent, Neuron

CASES = {"neuron": ("chapters/01_intuition.html", Neuron), "chain": ("chapters/02_notation.html", Chain)}


def _close(js, py):
    return abs(js - py) <= 1e-12 or abs(js - py) <= 1e-9 * abs(py)


def _set(pg, root, name, value):
    """Set a slider as a reader's drag does: change its value, fire 'input'. Returns the value it took."""
    return pg.eval_on_selector(f'{root} input[data-param="{name}"]', """(el, v) => {
        el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); return Number(el.value); }""", value)


def _readouts(pg, root):
    return pg.eval_on_selector_all(f"{root} [data-readout]",
                                   "els => Object.fromEntries(els.map(e => [e.dataset.readout, Number(e.dataset.value)]))")


@pytest.mark.parametrize("name", sorted(CASES))
def test_sliders_drive_readouts_that_match_python(watched, name):
    page, widget_cls = CASES[name]
    pg = watched.open((HTML / page).as_uri())
    root = f'[data-explorable="{name}"]'
    pg.wait_for_selector(root, timeout=20000)
    widget = widget_cls()
    params = pg.eval_on_selector_all(f"{root} input[data-param]", "els => els.map(e => e.dataset.param)")
    assert params == list(widget.ranges)
    readouts = _readouts(pg, root)
    assert set(readouts) == set(widget.values())
    for p in params:
        r = widget.ranges[p]
        for value in [r["min"], r["max"], r["min"] + 0.37 * (r["max"] - r["min"]), 0.5 * (r["min"] + r["max"]), 0.83]:
            setattr(widget, p, _set(pg, root, p, value))
            got, want = _readouts(pg, root), widget.values()
            for k, v in want.items():
                assert got[k] == got[k] and abs(got[k]) != float("inf"), f"{k} not finite at {p}={value}"
                assert _close(got[k], v), f"{name}: {k} = {got[k]} in the browser, {v} in Python ({p}={value})"
        setattr(widget, p, _set(pg, root, p, getattr(widget_cls(), p)))
    assert watched.external == [] and watched.errors == []


def test_extreme_z_gives_finite_numbers(watched):
    pg = watched.open((HTML / "chapters/01_intuition.html").as_uri())
    root = '[data-explorable="neuron"]'
    pg.wait_for_selector(root, timeout=20000)
    w = Neuron()
    for wv, av, bv in [(6, 6, 14), (-6, 6, -14), (6, -6, 14)]:     # z = +50, -50, -22
        w.w, w.a, w.b = (_set(pg, root, "w", wv), _set(pg, root, "a", av), _set(pg, root, "b", bv))
        got = _readouts(pg, root)
        assert all(v == v and abs(v) != float("inf") for v in got.values())
        for k, v in w.values().items():
            assert _close(got[k], v)
    assert watched.errors == []


def test_descent_steps_match_python(watched):
    pg = watched.open((HTML / "chapters/03_algorithm.html").as_uri())
    root = '[data-explorable="descent"]'
    pg.wait_for_selector(root, timeout=20000)
    d = Descent()
    want = d.costs(25)
    assert _close(_readouts(pg, root)["J"], want[0])
    for k in range(1, 26):
        pg.click(f'{root} button[data-action="step"]')
        got = _readouts(pg, root)
        assert got["step"] == k and _close(got["J"], want[k]), (k, got, want[k])
    _set(pg, root, "batch_size", 1)
    pg.click(f'{root} button[data-action="step"]')
    assert _close(_readouts(pg, root)["J"], d.costs(1, batch_size=1)[1])
    assert watched.external == [] and watched.errors == []
