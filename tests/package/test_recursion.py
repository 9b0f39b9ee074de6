"""Chapter 4's `recursion` explorable: the output layer's wishes passed back two layers, by the same step twice.
Its numbers (Recursion.values(), from backprop.MLP and layers.linear_backward) against finite differences and
against the JavaScript run in Node; each of its "things to try" checked on those numbers."""
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backprop
from backprop.activations import sigmoid
from backprop.explorables import Recursion
from test_js_maths import run_node

SLIDERS = ["x0", "x1", "y0", "y1", "b1_0", "b1_1", "b1_2"]


def _arrays(v, key, n, n_prev=None):
    if n_prev is None:
        return np.array([v[f"{key}_{j}"] for j in range(n)])
    return np.array([[v[f"{key}_{j}_{k}"] for k in range(n_prev)] for j in range(n)])


def _costs(w):
    """C as a function of the hidden activations a1 (layer 2 alone) and of the inputs x, and E_j of a1."""
    W1, W2 = np.array(w.W1), np.array(w.W2)
    b1, b2 = np.array([w.b1_0, w.b1_1, w.b1_2]), np.array(w.b2)
    y = np.array([w.y0, w.y1])
    out = lambda a1: sigmoid(W2 @ a1 + b2)
    return (lambda a1: float(np.sum((out(a1) - y) ** 2)),
            lambda x: float(np.sum((out(sigmoid(W1 @ x + b1)) - y) ** 2)),
            lambda a1, j: float((out(a1)[j] - y[j]) ** 2))


@settings(max_examples=30, deadline=None)
@given(params=st.fixed_dictionaries({k: st.floats(0, 1) for k in SLIDERS[:4]}
                                    | {k: st.floats(-8, 8) for k in SLIDERS[4:]}))
def test_every_wish_is_minus_a_derivative_of_the_cost(params):
    w = Recursion(**params)
    v, st_ = w.values(), w.steps()
    C_a1, C_x, E_a1 = _costs(w)
    a1, x = st_[1]["a"].copy(), np.array([w.x0, w.x1])
    # the outputs' own wishes, the hidden layer's (the sums of step 1) and the inputs' (the sums of step 2)
    assert _arrays(v, "wish2", 2) == pytest.approx(2 * (np.array([w.y0, w.y1]) - st_[2]["a"]), rel=1e-15)
    for got, f, at in ((_arrays(v, "sum1", 3), C_a1, a1), (_arrays(v, "wish1", 3), C_a1, a1),
                       (_arrays(v, "sum0", 2), C_x, x)):
        want = -backprop.numerical_gradient(lambda: f(at), at)
        assert np.allclose(got, want, rtol=1e-6, atol=1e-9), (got, want)
    # each output neuron's pieces: minus the derivative of its own squared error E_j for the hidden activations
    for j in range(2):
        want = -backprop.numerical_gradient(lambda: E_a1(a1, j), a1)
        assert np.allclose(_arrays(v, "piece2", 2, 3)[j], want, rtol=1e-6, atol=1e-9)


def test_the_sums_are_the_sums_of_the_pieces_and_arrive_as_the_hidden_wishes():
    for kw in ({}, {"b1_1": 8.0}, {"x0": 0.0, "y1": 1.0, "b1_0": -8.0}):
        w = Recursion(**kw)
        v = w.values()
        for l, n, n_prev in ((2, 2, 3), (1, 3, 2)):
            pieces = _arrays(v, f"piece{l}", n, n_prev)
            assert _arrays(v, f"sum{l - 1}", n_prev) == pytest.approx(pieces.sum(axis=0).tolist(), rel=1e-15)
            # a piece is the weight times σ'(z) times the sender's own wish
            W = np.array(w.W2 if l == 2 else w.W1)
            own = _arrays(v, f"wish{l}", n)
            np.testing.assert_allclose(pieces, W * (_arrays(v, f"gp{l}", n) * own)[:, None], rtol=1e-15)
        assert _arrays(v, "wish1", 3) == pytest.approx(_arrays(v, "sum1", 3).tolist(), rel=1e-12, abs=1e-16)


def test_the_wishes_agree_with_mlp_gradients():
    """db of layer l is ∂C/∂z[l] = −σ'(z[l]) · wish[l]: the recipe's own backward pass, one example."""
    w = Recursion(x0=0.7, b1_2=-1.5, y0=0.2)
    v = w.values()
    net = w.net()
    grads = net.gradients(np.array([[w.x0], [w.x1]]), np.array([[w.y0], [w.y1]]))
    for l, n in ((2, 2), (1, 3)):
        dz = -_arrays(v, f"gp{l}", n) * _arrays(v, f"wish{l}", n)
        assert grads[l - 1][1][:, 0] == pytest.approx(dz.tolist(), rel=1e-12)


def test_starts_at_the_worked_example():
    w = Recursion()
    assert (w.x0, w.x1, w.y0, w.y1) == (0.3, 0.8, 1.0, 0.0)
    assert [w.b1_0, w.b1_1, w.b1_2] == [0.1, -0.2, 0.3] and w.b2 == [0.2, -0.4]
    assert w.W1 == [[0.5, -1.0], [1.5, 0.8], [-0.7, 1.2]] and w.W2 == [[1.0, -1.5, 0.6], [-0.8, 0.9, 1.4]]
    assert list(w.ranges) == SLIDERS


def _js_values(param_sets):
    return run_node(f"console.log(JSON.stringify({json.dumps(param_sets)}.map((p) => recursion.recursionValues(p).v)));",
                    ["recursion"])


def test_javascript_computes_the_same_numbers_as_python():
    rng = np.random.default_rng(4)
    w0 = Recursion()
    sets = [{}] + [{k: float(w0.ranges[k][end]) for k in SLIDERS} for end in ("min", "max")]
    sets += [{k: float(rng.uniform(w0.ranges[k]["min"], w0.ranges[k]["max"])) for k in SLIDERS} for _ in range(40)]
    widgets = [Recursion(**kw) for kw in sets]
    full = [{k: getattr(w, k) for k in SLIDERS + ["W1", "W2", "b2"]} for w in widgets]
    for w, got in zip(widgets, _js_values(full), strict=True):
        want = w.values()
        assert set(got) == set(want)
        for k, x in want.items():
            assert abs(got[k] - x) <= 1e-12 or abs(got[k] - x) <= 1e-9 * abs(x), (k, got[k], x)


# ---- "things to try" -------------------------------------------------------------------------------------------

def test_try_follow_hidden_neuron_0_back_to_the_inputs():
    v = Recursion().values()
    assert v["wish2_0"] > 0 > v["wish2_1"]                          # output 0 below its target, output 1 above
    assert v["piece2_0_0"] > 0 and v["piece2_1_0"] > 0              # both want a1_0 larger (w = 1.0 and −0.8)
    assert v["wish1_0"] == v["sum1_0"] > 0
    assert v["piece1_0_0"] > 0 > v["piece1_0_1"]                    # it wants x0 larger (w = 0.5), x1 smaller (−1.0)


def test_try_silencing_output_0_reaches_the_inputs_two_layers_back():
    w = Recursion()
    before = w.values()
    w.y0 = before["out0"]                                           # what the button does
    v = w.values()
    assert v["wish2_0"] == 0 and all(v[f"piece2_0_{k}"] == 0 for k in range(3))
    for k in range(3):
        assert v[f"sum1_{k}"] == v[f"piece2_1_{k}"] == before[f"piece2_1_{k}"] != 0
    # the inputs' wishes are those of the same network without output 0
    net, full = backprop.MLP([2, 3, 1]), w.net()          # the same network without output 0
    net.params = [full.params[0], [full.params[1][0][1:], full.params[1][1][1:]]]
    x = np.array([[w.x0], [w.x1]])
    alone = -backprop.numerical_gradient(lambda: net.cost(x, np.array([[w.y1]])), x)[:, 0]
    assert _arrays(v, "sum0", 2) == pytest.approx(alone.tolist(), rel=1e-6)
    assert not _arrays(before, "sum0", 2) == pytest.approx(alone.tolist(), rel=0.05)


def test_try_silencing_both_outputs_leaves_no_wish_anywhere():
    w = Recursion()
    w.y0 = w.values()["out0"]
    w.y1 = w.values()["out1"]
    v = w.values()
    assert all(x == 0 for k, x in v.items() if k.startswith(("wish", "piece", "sum")))


def test_try_a_saturated_hidden_neuron_gets_a_wish_but_passes_almost_nothing_on():
    start = Recursion().values()
    w = Recursion()
    w.b1_1 = w.ranges["b1_1"]["max"]
    v = w.values()
    assert w.b1_1 == 8 and v["gp1_1"] < 2e-4
    assert v["wish1_1"] < -0.1                                      # it still gets a wish: be smaller
    for i in range(2):
        assert abs(v[f"piece1_1_{i}"]) < abs(start[f"piece1_1_{i}"]) / 1000
        assert abs(v[f"piece1_0_{i}"]) > 0.01 and abs(v[f"piece1_2_{i}"]) > 0.01
        assert v[f"sum0_{i}"] == pytest.approx(v[f"piece1_0_{i}"] + v[f"piece1_2_{i}"], rel=0.01)


def test_text_fallback_names_the_explorable():
    text = Recursion()._repr_mimebundle_()[0]["text/plain"]
    assert text.startswith("Recursion explorable") and "run this cell" in text and len(text) <= 110
