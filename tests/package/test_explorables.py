"""The explorables' Python side: the reference numbers the JavaScript is held to (tests/browser), and each
"Things to try" bullet of chapters 1-3 checked on those numbers, with the parameters a reader would set."""

import numpy as np
import pytest

import backprop
from backprop import chain
from backprop.explorables import Chain, Descent, Neuron, _order
from test_js_maths import run_node

DERIVS = ("dC_dw", "dC_db", "dC_da")


def _slider(widget, name, value):
    """The value a slider can take nearest to `value` (its step), as a reader's drag gives."""
    r = widget.ranges[name]
    return r["min"] + round((value - r["min"]) / r["step"]) * r["step"]


# ---- Neuron (chapter 1) ----------------------------------------------------------------------
def test_neuron_readouts_follow_the_definitions_and_finite_differences():
    n = Neuron(w=-2.3, b=1.1, a=0.35, y=0.8)
    v = n.values()
    assert v["z"] == pytest.approx(-2.3 * 0.35 + 1.1, rel=1e-15)
    assert v["a_L"] == pytest.approx(1 / (1 + np.exp(-v["z"])), rel=1e-15)
    assert v["sigma_prime_z"] == pytest.approx(v["a_L"] * (1 - v["a_L"]), rel=1e-12)
    for name, key in (("w", "dC_dw"), ("b", "dC_db"), ("a", "dC_da")):
        p = np.array([getattr(n, name)])

        def cost():
            return Neuron(**{**{k: getattr(n, k) for k in "wbay"}, name: float(p[0])}).values()["C"]
        assert v[key] == pytest.approx(backprop.numerical_gradient(cost, p)[0], rel=1e-7)


def test_neuron_input_range_is_a_sigmoid_output():
    assert Neuron().ranges["a"]["min"] == 0 and Neuron().ranges["a"]["max"] == 1


def test_bullet_y_at_the_output_makes_every_derivative_vanish():
    v0 = Neuron().values()
    exact = Neuron(y=v0["a_L"]).values()
    assert all(exact[k] == 0 for k in DERIVS)
    n = Neuron()
    near = Neuron(y=_slider(n, "y", v0["a_L"])).values()       # as close as the y slider gets
    for k in DERIVS:
        assert abs(near[k]) < abs(v0[k]) / 50


def test_bullet_y_above_the_output_makes_every_nudge_positive():
    assert Neuron().values()["a_L"] < 1
    up, down = Neuron(y=1.0).values(), Neuron(y=0.0).values()
    assert all(-up[k] > 0 for k in DERIVS)            # nudge −∂C/∂θ
    assert all(-down[k] < 0 for k in DERIVS)


def test_bullet_saturated_b_vanishes_although_the_output_is_wrong():
    n = Neuron()
    v = Neuron(b=n.ranges["b"]["max"]).values()
    assert n.ranges["b"]["max"] == 14
    assert v["a_L"] > 0.999 and abs(v["a_L"] - n.y) > 0.99          # saturated at 1, target 0: wrong
    assert v["sigma_prime_z"] < 1e-6
    assert all(abs(v[k]) < 1e-6 for k in DERIVS)
    assert all(abs(v[k]) < NEURON_BAR_PIXEL for k in DERIVS)        # below a bar's visible width


NEURON_BAR_PIXEL = 0.5 / 90      # the bars' fixed scale: 0.5 is 90 SVG units (js/neuron.js, bars())


def test_bullet_silent_input_zeroes_only_the_weight():
    v = Neuron(a=0.0).values()
    assert v["dC_dw"] == 0 and v["dC_db"] != 0 and v["dC_da"] != 0


# ---- Chain (chapter 2) -----------------------------------------------------------------------
CHAIN_DERIVS = [f"dC_d{p}{l}" for p in "wb" for l in (1, 2, 3)] + [f"dC_da{l}" for l in (0, 1, 2)]


def test_chain_factor_is_what_the_wish_is_multiplied_by_per_layer():
    for kw in ({}, {"w2": 6.0, "b2": -4.6}, {"w1": -5.0, "b3": 2.0}):
        c = Chain(**kw)
        v = c.values()
        a, z = chain.trace([c.w1, c.w2, c.w3], [c.b1, c.b2, c.b3], c.a0)
        assert v["a3"] == a[3]
        assert v["dC_da2"] == pytest.approx(v["factor3"] * 2 * (v["a3"] - c.y), rel=1e-12)
        assert v["dC_da1"] == pytest.approx(v["factor2"] * v["dC_da2"], rel=1e-12)
        assert v["dC_da0"] == pytest.approx(v["factor1"] * v["dC_da1"], rel=1e-12)
        # ∂C/∂w1 as the product the explorable shows: a0 σ'(z1) [w2σ'(z2)] [w3σ'(z3)] 2(a3 − y)
        sp = backprop.sigmoid_prime(np.array(z))
        assert v["dC_dw1"] == pytest.approx(c.a0 * sp[0] * v["factor2"] * v["factor3"] * 2 * (a[3] - c.y), rel=1e-12)


def test_chain_derivatives_match_finite_differences():
    c = Chain()
    v = c.values()
    for name in ("w1", "w2", "w3", "b1", "b2", "b3", "a0"):
        p = np.array([getattr(c, name)])

        def cost():
            return Chain(**{name: float(p[0])}).values()["C"]
        key = f"dC_d{name}" if name != "a0" else "dC_da0"
        assert v[key] == pytest.approx(backprop.numerical_gradient(cost, p)[0], rel=1e-6)


def test_bullet_y_at_a3_shrinks_every_derivative_a_hundredfold():
    c = Chain()
    v0 = c.values()
    v = Chain(y=_slider(c, "y", v0["a3"])).values()
    for k in CHAIN_DERIVS:
        assert abs(v[k]) <= abs(v0[k]) / 100, k


def test_bullet_b1_at_its_end_collapses_only_the_first_layer():
    c = Chain()
    v0, v = c.values(), Chain(b1=c.ranges["b1"]["max"]).values()
    for k in ("dC_dw1", "dC_da0"):
        assert abs(v[k]) < abs(v0[k]) / 1000, k
    for k in ("dC_dw3", "dC_db3"):
        assert abs(v[k] - v0[k]) < 0.1 * abs(v0[k]), k


def test_bullet_w2_zero_cuts_off_the_first_layer():
    v = Chain(w2=0.0).values()
    assert v["dC_dw1"] == 0 and v["dC_db1"] == 0 and v["dC_da0"] == 0
    assert v["dC_dw3"] != 0 and v["dC_dw2"] != 0


def test_bullet_large_w2_makes_the_wish_grow():
    v0, v = Chain().values(), Chain(w2=6.0, b2=-4.6).values()
    assert all(abs(v0[f"factor{l}"]) < 1 for l in (1, 2, 3))       # at the start it shrinks everywhere
    assert abs(v0["dC_da1"]) < abs(v0["dC_da2"])
    assert abs(v["factor2"]) > 1 and abs(v["dC_da1"]) > abs(v["dC_da2"])


# ---- Descent (chapter 3) ---------------------------------------------------------------------
def test_default_run_halves_J_and_batch_size_one_descends():
    d = Descent()
    J = d.costs(d.run_steps)
    assert J[-1] <= J[0] / 2
    J1 = d.costs(d.run_steps, batch_size=1)
    assert J1[-1] < J1[0]


def test_batches_are_seeded_shuffles_reshuffled_every_epoch():
    d = Descent()
    m = len(d.a0)
    flat = [i for batch in d.batches(4 * m // d.batch_size) for i in batch]
    epochs = [flat[e * m:(e + 1) * m] for e in range(4)]
    assert all(sorted(e) == list(range(m)) for e in epochs)          # each epoch sees every example once
    assert len({tuple(e) for e in epochs}) == 4                       # in a new order each time
    assert epochs[0] != list(range(m))
    assert Descent().batches(10) == d.batches(10)                     # the same for every reader
    assert Descent(seed=0).batches(10) == d.batches(10)               # the data seed is not the shuffle's
    d2 = Descent()
    d2.seed = 2
    assert d2.batches(10) != d.batches(10)
    assert d.batches(3, batch_size=5) == [flat[0:5], flat[5:10], flat[10:15]]


def test_python_and_javascript_shuffle_the_same_way():
    got = run_node("""
        const out = {};
        for (const [m, seed, n] of [[16, 1, 200], [16, 0, 50], [7, 12345, 40], [16, 2147483646, 48]]) {
          out[`${m},${seed},${n}`] = maths.shuffledOrder(m, seed, n); }
        console.log(JSON.stringify(out));""", ["maths"])
    for key, order in got.items():
        m, seed, n = map(int, key.split(","))
        assert order == _order(m, seed, n), key


def test_ranges_reach_the_three_behaviours():
    d = Descent()
    assert d.ranges["batch_size"] == {"min": 1, "max": len(d.a0), "step": 1}
    assert d.ranges["lr"]["min"] <= d.lr and d.ranges["lr"]["max"] >= 100


def test_bullet_full_batch_is_smooth():
    d = Descent()
    J = np.array(d.costs(d.run_steps, batch_size=len(d.a0)))
    assert np.all(np.diff(J) < 0)


@pytest.mark.parametrize("B", [1, 2])
def test_bullet_small_batches_are_jagged_but_descend(B):
    d = Descent()
    J = np.array(d.costs(d.run_steps, batch_size=B))
    assert np.mean(np.diff(J) > 0) > 0.2          # J rises on more than a fifth of the steps
    assert J[-1] < J[0] / 10                       # and still ends far below its start


@pytest.mark.parametrize("lr", [50, 75, 100])
def test_bullet_too_large_a_learning_rate_jumps_up_and_ends_higher(lr):
    d = Descent()
    J = np.array(d.costs(d.run_steps, lr=lr, batch_size=4))
    assert J.max() > 2 * J[0] and J[-1] > J[0]


def test_descent_costs_follow_the_batches():
    d = Descent()
    a0, y = np.array(d.a0), np.array(d.y)
    w, b = np.array(d.w0), np.array(d.b0)
    for idx in d.batches(3):
        g = chain.gradients(w, b, a0[idx], y[idx])
        w, b = w - d.lr * g["w"], b - d.lr * g["b"]
    assert d.costs(3)[-1] == chain.cost(w, b, a0, y)


@pytest.mark.parametrize("cls", ["Neuron", "Chain", "Descent", "Wishes", "ChainGraph"])
def test_text_fallback_names_the_explorable_and_says_to_run_it(cls):
    """What a notebook shows where the widget is not drawn (a chapter not yet run, an untrusted notebook in
    Lab): the explorable's name and what to do, never a memory address; whole in the widget's text/plain,
    which ipywidgets cuts after 110 characters."""
    import backprop.explorables as ex
    w = getattr(ex, cls)()
    text = w._repr_mimebundle_()[0]["text/plain"]
    assert text == repr(w) and len(text) <= 110
    assert text.startswith(f"{cls} explorable") and "run this cell" in text and "0x" not in text
