"""Chapter 4: the index formulas of backprop.wishes against the matrix recipe and finite differences,
and the `wishes` explorable's numbers and its "things to try" (Wishes.values())."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backprop
from backprop import layers, wishes
from backprop.explorables import Wishes


def _layer(seed, n=2, n_prev=3):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(n, n_prev)), rng.normal(size=n), rng.random(n_prev), rng.random(n))


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 4), n_prev=st.integers(1, 4), seed=st.integers(0, 10**6))
def test_layer_wishes_are_the_matrix_recipe_and_the_derivatives(n, n_prev, seed):
    W, b, a_prev, y = _layer(seed, n, n_prev)
    r = wishes.layer_wishes(W, b, a_prev, y)
    dz = r["dz"]
    # the matrix recipe, one example as a column
    A, Z = layers.dense_forward(a_prev[:, None], W, b[:, None])
    dA_prev, dW, db = layers.dense_backward(2 * (A - y[:, None]), Z, a_prev[:, None], W)
    np.testing.assert_allclose(r["a"], A[:, 0], rtol=1e-13)
    np.testing.assert_allclose(r["dE_da"], W * dz[:, None], rtol=1e-13)      # ∂E_j/∂a_k = w_jk dz_j
    np.testing.assert_array_equal(r["wish"], -r["dE_da"])                     # the wish points downhill
    np.testing.assert_allclose(r["da_prev"], r["dE_da"].sum(axis=0), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(-r["da_prev"], r["wish"].sum(axis=0), rtol=1e-12, atol=1e-15)   # wishes add
    np.testing.assert_allclose(r["da_prev"], dA_prev[:, 0], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(r["dW"], dW, rtol=1e-13, atol=1e-16)
    np.testing.assert_allclose(r["db"], db[:, 0], rtol=1e-13, atol=1e-16)
    assert r["C"] == pytest.approx(float(np.sum((A - y[:, None]) ** 2)), rel=1e-13)
    # the definition of the derivative, for every quantity the chapter names
    C = lambda: wishes.layer_wishes(W, b, a_prev, y)["C"]
    assert backprop.gradcheck(C, [W, b, a_prev], [r["dW"], r["db"], r["da_prev"]]) < 1e-7
    for j in range(n):       # each neuron's own gradient: the derivative of its own E_j alone; its wish, minus it
        Cj = lambda: float((wishes.layer_wishes(W, b, a_prev, y)["a"][j] - y[j]) ** 2)
        num = backprop.numerical_gradient(Cj, a_prev)
        assert backprop.relative_error(r["dE_da"][j], num) < 1e-7
        assert backprop.relative_error(r["wish"][j], -num) < 1e-7
        a_step = a_prev + 1e-3 * r["wish"][j]       # a small step along neuron j's wish lowers E_j
        E_step = float((wishes.layer_wishes(W, b, a_step, y)["a"][j] - y[j]) ** 2)
        assert E_step < Cj() or np.sum(r["wish"][j] ** 2) < 1e-9      # (a flat E_j: no way down to see)


def _chapter_net():
    net = backprop.MLP([2, 3, 2])
    (W1, b1), (W2, b2) = net.params
    W1[:] = [[0.5, -1.0], [1.5, 0.8], [-0.7, 1.2]]
    b1[:] = [[0.1], [-0.2], [0.3]]
    W2[:] = [[1.0, -1.5, 0.6], [-0.8, 0.9, 1.4]]
    b2[:] = [[0.2], [-0.4]]
    return net, np.array([0.3, 0.8]), np.array([1.0, 0.0])


def _random_net(sizes, seed):
    net = backprop.MLP(sizes, seed=seed)
    rng = np.random.default_rng(seed)
    for _, b in net.params:
        b += rng.normal(size=b.shape)
    return net, rng.normal(size=sizes[0]), rng.random(sizes[-1])


@pytest.mark.parametrize("case", ["chapter", [1, 1, 1, 1], [3, 4, 2], [2, 5, 3, 4]])
def test_worked_example_table_is_the_matrix_recipe_and_finite_differences(case):
    net, x, y = _chapter_net() if case == "chapter" else _random_net(case, sum(case))
    rows = wishes.by_hand(net, x, y)
    L = len(net.params)
    assert len(rows) == L + 1
    X, Y = x[:, None], y[:, None]
    A, grads = net.activations(X), net.gradients(X, Y)
    cost = lambda: net.cost(X, Y)
    for l in range(1, L + 1):
        (W, b), (dW, db) = net.params[l - 1], grads[l - 1]
        r = rows[l]
        np.testing.assert_allclose(r["a"], A[l][:, 0], rtol=1e-13)
        np.testing.assert_allclose(r["z"], (W @ A[l - 1] + b)[:, 0], rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(r["sp"], r["a"] * (1 - r["a"]), rtol=1e-12)
        np.testing.assert_allclose(r["dW"], dW, rtol=1e-12, atol=1e-16)
        np.testing.assert_allclose(r["db"], db[:, 0], rtol=1e-12, atol=1e-16)
        np.testing.assert_allclose(r["dz"], r["da"] * r["sp"], rtol=1e-14)
        np.testing.assert_allclose(rows[l - 1]["da"], (W.T @ r["dz"][:, None])[:, 0], rtol=1e-12, atol=1e-16)
        assert backprop.gradcheck(cost, [W, b], [r["dW"], r["db"][:, None]]) < 1e-7
    np.testing.assert_allclose(rows[L]["da"], 2 * (A[L][:, 0] - y), rtol=1e-14)
    x_var = x.copy()       # the inputs' gradient, which MLP.gradients never computes
    assert backprop.gradcheck(lambda: net.cost(x_var[:, None], Y), [x_var], [rows[0]["da"]]) < 1e-7


def test_table_has_one_line_per_neuron_in_each_pass():
    net, x, y = _chapter_net()
    rows = wishes.by_hand(net, x, y)
    text = wishes.table(rows)
    forward, backward = text.split("\n\n")
    assert len(forward.splitlines()) == 1 + 2 + 3 + 2 and len(backward.splitlines()) == 1 + 2 + 3 + 2
    assert f"{rows[1]['z'][0]:.4f}" in forward and f"{rows[1]['da'][0]:.4f}" in backward
    assert max(len(line) for line in text.splitlines()) <= 80


def test_bad_input_is_refused_with_both_shapes():
    W, b, a_prev, y = _layer(0)
    with pytest.raises(ValueError, match=r"b \(one bias per row of W\) must have shape \(2,\), got \(3,\)"):
        wishes.layer_wishes(W, np.zeros(3), a_prev, y)
    with pytest.raises(ValueError, match=r"a_prev .* must have shape \(3,\), got \(2,\)"):
        wishes.layer_wishes(W, b, a_prev[:2], y)
    net, x, y2 = _chapter_net()
    with pytest.raises(ValueError, match=r"Y .* must have shape \(2, 1\), got \(3, 1\)"):
        wishes.by_hand(net, x, np.zeros(3))
    with pytest.raises(ValueError, match="sigmoid layers and the squared cost"):
        wishes.by_hand(backprop.MLP([2, 3, 2], activation="tanh"), x, y2)


# ---- the explorable: Wishes.values() and its "things to try" (chapter 4) ----------------------

def _table(v, key="wish_{j}_{k}"):
    """The (2, 3) readouts key.format(j, k); wish_j_k holds the gradient ∂E_j/∂a_k (the pages' readers rely on
    it), dC_dw<j><k> the gradient ∂C/∂w_jk (dC_d and the slider's name)."""
    return np.array([[v[key.format(j=j, k=k)] for k in range(3)] for j in range(2)])


def test_values_are_layer_wishes_and_the_sums_are_the_sums():
    w = Wishes(a1=0.35, w11=-2.5, y1=0.4)
    v = w.values()
    W = [[getattr(w, f"w{j}{k}") for k in range(3)] for j in range(2)]
    r = wishes.layer_wishes(W, [w.b0, w.b1], [w.a0, w.a1, w.a2], [w.y0, w.y1])
    np.testing.assert_array_equal(_table(v), r["dE_da"])
    np.testing.assert_array_equal(_table(v, "dC_dw{j}{k}"), r["dW"])
    assert [v["dC_da0"], v["dC_da1"], v["dC_da2"]] == pytest.approx(_table(v).sum(axis=0).tolist(), rel=1e-15)
    assert set(v) == ({"C", "out0", "out1", "dC_dz0", "dC_dz1", "dC_da0", "dC_da1", "dC_da2", "dC_db0", "dC_db1"}
                      | {key for j in range(2) for k in range(3) for key in (f"wish_{j}_{k}", f"dC_dw{j}{k}")})
    assert list(w.ranges) == ["a0", "a1", "a2", "y0", "y1", "b0", "b1", "w00", "w01", "w02", "w10", "w11", "w12"]


def test_try_silencing_neuron_0_removes_its_wishes_from_every_sum():
    w = Wishes()
    before = w.values()
    w.y0 = before["out0"]                     # what the button "silence neuron 0" does
    v = w.values()
    assert before["dC_dz0"] != 0 and all(before[f"wish_0_{k}"] != 0 for k in range(3))
    assert v["dC_dz0"] == 0 and all(v[f"wish_0_{k}"] == 0 for k in range(3))
    for k in range(3):
        assert v[f"dC_da{k}"] == v[f"wish_1_{k}"] == before[f"wish_1_{k}"] != 0


def test_try_w12_zero_removes_one_arrow_only():
    w = Wishes(w12=0.0)
    v = w.values()
    assert v["wish_1_2"] == 0 and v["dC_da2"] == v["wish_0_2"]
    assert v["wish_1_0"] != 0 and v["wish_1_1"] != 0


def test_try_at_the_start_the_neurons_agree_on_a0_a1_and_disagree_on_a2():
    v = Wishes().values()
    wish = -_table(v)                                                      # the arrows: −∂E_j/∂a_k
    assert (wish[:, 0] > 0).all() and (wish[:, 1] < 0).all()              # both: a0 up, a1 down
    assert wish[0, 2] > 0 > wish[1, 2] and abs(wish[1, 2]) > abs(wish[0, 2])
    assert -v["dC_da2"] < 0                                                # the sum goes with neuron 1
    # and the chapter's reasons: neuron 0 below its target, neuron 1 above it
    assert v["out0"] < Wishes().y0 and v["out1"] > Wishes().y1


def test_try_silent_input_zeroes_its_weights_wishes_not_its_own():
    v = Wishes(a0=0.0).values()
    assert v["dC_dw00"] == 0 and v["dC_dw10"] == 0
    assert v["wish_0_0"] != 0 and v["wish_1_0"] != 0 and v["dC_da0"] != 0


def test_figure_draws_one_arrow_per_nonzero_wish_and_their_sums():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch

    from backprop import figures

    W, b, a_prev, y = _layer(3)
    r = wishes.layer_wishes(W, b, a_prev, y)
    count = lambda fig: sum(isinstance(p, FancyArrowPatch) for p in fig.axes[0].patches)
    fig = figures.wish_sum(r["wish"], W)
    assert count(fig) == 2 * 3 + 3                      # each neuron on each input, then the sums
    y[0] = r["a"][0]                                    # neuron 0 silenced: its three arrows go
    fig2 = figures.wish_sum(wishes.layer_wishes(W, b, a_prev, y)["wish"], W)
    assert count(fig2) == 3 + 3
    plt.close("all")
