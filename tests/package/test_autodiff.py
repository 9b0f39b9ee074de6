"""backprop.autodiff: every operation's gradient against centred finite differences, the
accumulation rule, the errors, deep graphs, and the chain and an MLP rebuilt from Values."""
import math
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop import MLP, chain
from backprop.autodiff import Value

EPS = 1e-6


def _check(f, xs, rel=1e-6, abs_=1e-8):
    """f maps a list of Values to a Value: its backward() against centred differences."""
    vs = [Value(x) for x in xs]
    f(vs).backward()
    for i, x in enumerate(xs):
        up, down = list(xs), list(xs)
        up[i], down[i] = x + EPS, x - EPS
        num = (f([Value(u) for u in up]).data - f([Value(d) for d in down]).data) / (2 * EPS)
        assert vs[i].grad == pytest.approx(num, rel=rel, abs=abs_), (i, xs)


small = st.floats(-3, 3, allow_nan=False)
positive = st.floats(0.1, 4)
away = st.floats(0.05, 3).flatmap(lambda m: st.sampled_from([m, -m]))   # |x| >= 0.05

ONE_ARG = {
    "exp": (lambda v: v[0].exp(), small),
    "log": (lambda v: v[0].log(), positive),
    "tanh": (lambda v: v[0].tanh(), small),
    "sigmoid": (lambda v: v[0].sigmoid(), small),
    "relu": (lambda v: v[0].relu(), away),             # not differentiable at 0
    "neg": (lambda v: -v[0], small),
    "square": (lambda v: v[0] ** 2, small),
    "cube": (lambda v: v[0] ** 3, small),
    "inverse": (lambda v: v[0] ** -1, away),
    "sqrt": (lambda v: v[0] ** 0.5, positive),
    "number on the left": (lambda v: 2 - 3 * v[0] + 1 / v[0] + 0.5 / v[0] - 4 + v[0] * 2, away),
}


@pytest.mark.parametrize("name", sorted(ONE_ARG))
@settings(max_examples=40)
@given(data=st.data())
def test_one_argument_operations_match_finite_differences(name, data):
    f, strategy = ONE_ARG[name]
    _check(f, [data.draw(strategy)])


@settings(max_examples=60)
@given(x=small, y=away)
def test_two_argument_operations_match_finite_differences(x, y):
    for f in (lambda v: v[0] + v[1], lambda v: v[0] - v[1], lambda v: v[0] * v[1],
              lambda v: v[0] / v[1]):
        _check(f, [x, y])


def test_forward_values_are_the_functions():
    x = Value(0.3)
    assert (x.exp().data, x.log().data, x.tanh().data) == (math.exp(0.3), math.log(0.3), math.tanh(0.3))
    assert x.sigmoid().data == pytest.approx(1 / (1 + math.exp(-0.3)), rel=1e-15)
    assert Value(-800).sigmoid().data == 0.0 and Value(800).sigmoid().data == 1.0   # no overflow
    assert (Value(-2).relu().data, Value(2).relu().data) == (0.0, 2.0)
    assert ((2 - x).data, (2 / x).data, (x ** 3).data) == (2 - 0.3, 2 / 0.3, 0.3 ** 3)


@settings(max_examples=40)
@given(x=st.floats(-2, 2), k=st.integers(1, 30))
def test_one_node_used_many_times(x, k):
    # x + x + … (k times) and x·x·…·x: the k uses add up, to k and to k·x^(k−1)
    def product(v):
        out = v[0]
        for _ in range(k - 1):
            out = out * v[0]
        return out
    _check(lambda v: sum((v[0] for _ in range(k)), start=0 * v[0]), [x])
    _check(product, [x], rel=1e-5, abs_=1e-6)
    s = Value(x)
    sum((s for _ in range(k)), start=Value(0.0)).backward()
    assert s.grad == k
    s = Value(x)
    product([s]).backward()
    assert s.grad == pytest.approx(k * x ** (k - 1), rel=1e-12, abs=1e-300)


@settings(max_examples=40)
@given(xs=st.lists(st.floats(-1.5, 1.5), min_size=3, max_size=3), depth=st.integers(1, 12))
def test_deep_compositions(xs, depth):
    def f(v):
        a, b, c = v
        for _ in range(depth):          # every step reuses a, b, c and the last result
            a, b = (a * b + c).tanh(), (b - a).sigmoid() * 2 + (c * c + 1).log()
        return a * b - c.exp() / (1 + b * b)
    _check(f, xs, rel=1e-5, abs_=1e-7)


def test_backward_twice_accumulates_as_documented():
    x, y = Value(1.5), Value(-0.5)
    q = x * y + x
    out = q.tanh()
    out.backward()
    first = {"x": x.grad, "y": y.grad, "q": q.grad, "out": out.grad}
    assert first["out"] == 1.0 and first["x"] == pytest.approx((1 - out.data ** 2) * (y.data + 1))
    out.backward()                     # every grad doubles, inner nodes and the output too
    assert {"x": x.grad, "y": y.grad, "q": q.grad, "out": out.grad} == {k: 2 * v for k, v in first.items()}
    out.zero_grad()
    assert (x.grad, y.grad, q.grad, out.grad) == (0, 0, 0, 0)
    # two outputs: the grads of their sum
    other = x * x
    out.backward()
    other.backward()
    assert x.grad == pytest.approx(first["x"] + 2 * x.data, rel=1e-15)


@pytest.mark.parametrize("bad", ["2", None, [1.0], np.array([1.0, 2.0]), 1j])
def test_non_numbers_are_refused(bad):
    with pytest.raises(TypeError, match="must be a real number"):
        Value(1.0) + bad
    with pytest.raises(TypeError, match="must be a real number"):
        Value(bad)


def test_bad_values_give_clear_errors():
    with pytest.raises(ValueError, match="log of a non-positive Value: 0.0"):
        Value(0.0).log()
    with pytest.raises(ValueError, match="log of a non-positive Value: -2.0"):
        Value(-2.0).log()
    with pytest.raises(TypeError, match="exponent must be a number"):
        Value(2.0) ** Value(3.0)
    with pytest.raises(TypeError, match="exponent must be a number"):
        2 ** Value(3.0)
    with pytest.raises(ValueError, match="non-integer power"):
        Value(-2.0) ** 0.5
    with pytest.raises(ValueError, match="infinite at 0"):
        Value(0.0) ** -1
    with pytest.raises(ValueError, match="finite"):
        Value(float("nan"))


def test_ten_thousand_nodes_without_recursion():
    n = 10_000
    assert sys.getrecursionlimit() < n
    x = Value(0.5)
    out = x
    for _ in range(n):                 # a chain: out = x + x + … , each step one node deep
        out = out + x * 1e-4
    out.backward()
    assert len(out.graph()) > 2 * n
    assert x.grad == pytest.approx(1 + n * 1e-4, rel=1e-12)
    y = Value(0.3)                     # and 10,000 nested tanh: a chain of 10,000 local derivatives
    t = y
    for _ in range(n):
        t = t.tanh()
    t.backward()
    expected, v = 1.0, 0.3
    for _ in range(n):
        expected, v = expected * (1 - math.tanh(v) ** 2), math.tanh(v)
    assert y.grad == pytest.approx(expected, rel=1e-12)


def chain_from_values(w, b, a0, y):
    """The chain of chapter 2 built from Values: returns C0 and the Values of w, b, a0."""
    W, B, A0 = [Value(x) for x in w], [Value(x) for x in b], Value(a0)
    a = A0
    for w_l, b_l in zip(W, B):
        a = (w_l * a + b_l).sigmoid()
    return (a - y) ** 2, W, B, A0


@settings(max_examples=40)
@given(L=st.integers(1, 6), seed=st.integers(0, 2**32 - 1))
def test_the_chain_from_values_gives_chain_gradients(L, seed):
    rng = np.random.default_rng(seed)
    w, b = rng.normal(0, 2, L), rng.normal(0, 2, L)
    a0, y = float(rng.normal()), float(rng.random())
    C, W, B, A0 = chain_from_values(w, b, a0, y)
    C.backward()
    g = chain.gradients(w, b, a0, y)
    assert C.data == pytest.approx(chain.cost(w, b, a0, y), rel=1e-12, abs=1e-15)
    np.testing.assert_allclose([v.grad for v in W], g["w"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose([v.grad for v in B], g["b"], rtol=1e-12, atol=1e-15)
    assert A0.grad == pytest.approx(g["a"][0], rel=1e-12, abs=1e-15)


def mlp_from_values(net, X, Y):
    """J of a sigmoid, squared-error MLP built from Values, and its W, b as nested lists of Values."""
    P = [([[Value(x) for x in row] for row in W], [Value(x) for x in b[:, 0]]) for W, b in net.params]
    m, J = X.shape[1], 0
    for k in range(m):                                       # one example (column) at a time
        a = [Value(x) for x in X[:, k]]
        for W, b in P:                                       # z_i = Σ_j W_ij a_j + b_i, a_i = σ(z_i)
            a = [(sum((w_ij * a_j for w_ij, a_j in zip(row, a)), start=b_i)).sigmoid()
                 for row, b_i in zip(W, b)]
        J = J + sum((a_i - y_i) ** 2 for a_i, y_i in zip(a, Y[:, k]))
    return J / m, P


@pytest.mark.parametrize("sizes,m,seed", [([3, 4, 2], 5, 0), ([2, 3, 3, 1], 4, 1), ([4, 1], 1, 2)])
def test_an_mlp_from_values_gives_mlp_gradients(sizes, m, seed):
    rng = np.random.default_rng(seed)
    net = MLP(sizes, seed=seed)
    for W, b in net.params:
        b += rng.normal(size=b.shape)                       # biases away from 0
    X, Y = rng.normal(size=(sizes[0], m)), rng.random((sizes[-1], m))
    J, P = mlp_from_values(net, X, Y)
    J.backward()
    assert J.data == pytest.approx(net.cost(X, Y), rel=1e-12)
    for (dW, db), (W, b) in zip(net.gradients(X, Y), P):
        np.testing.assert_allclose([[v.grad for v in row] for row in W], dW, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose([[v.grad] for v in b], db, rtol=1e-12, atol=1e-15)


# -- the `graph` explorable's reference values (chapter 6) and its "Things to try" ----------------
def test_graph_explorable_values_are_the_chain():
    from backprop.explorables import ChainGraph
    rng = np.random.default_rng(5)
    for _ in range(20):
        p = {**{f"w{l}": rng.uniform(-6, 6) for l in (1, 2, 3)}, **{f"b{l}": rng.uniform(-8, 8) for l in (1, 2, 3)},
             "a0": rng.uniform(-7, 7), "y": rng.uniform(0, 1)}
        v = ChainGraph(**p).values()
        w, b = [p["w1"], p["w2"], p["w3"]], [p["b1"], p["b2"], p["b3"]]
        g, (a, z) = chain.gradients(w, b, p["a0"], p["y"]), chain.trace(w, b, p["a0"])
        assert v["C"] == pytest.approx(chain.cost(w, b, p["a0"], p["y"]), rel=1e-12, abs=1e-300)
        for l in (1, 2, 3):
            assert v[f"z{l}"] == pytest.approx(z[l - 1], rel=1e-12) and v[f"a{l}"] == pytest.approx(a[l], rel=1e-12)
            assert v[f"dC_dw{l}"] == pytest.approx(g["w"][l - 1], rel=1e-10, abs=1e-300)
            assert v[f"dC_db{l}"] == pytest.approx(g["b"][l - 1], rel=1e-10, abs=1e-300)
        for l in (0, 1, 2):
            assert v[f"dC_da{l}"] == pytest.approx(g["a"][l], rel=1e-10, abs=1e-300)
        assert v["dC_dC"] == 1 and v["dC_da3"] == pytest.approx(2 * (a[3] - p["y"]), rel=1e-12)
        assert v["dC_dy"] == -v["dC_da3"]


@settings(max_examples=50)
@given(w=st.lists(st.floats(-6, 6), min_size=3, max_size=3), b=st.lists(st.floats(-8, 8), min_size=3, max_size=3),
       a0=st.floats(-7, 7), y=st.floats(0, 1))
def test_try_read_dw_and_db_off_the_graph(w, b, a0, y):
    # "∂C/∂w_l is the red number of z_l times the blue number of a_{l−1}; ∂C/∂b_l is the red number of z_l"
    from backprop.explorables import ChainGraph
    v = ChainGraph(w1=w[0], w2=w[1], w3=w[2], b1=b[0], b2=b[1], b3=b[2], a0=a0, y=y).values()
    for l in (1, 2, 3):
        assert v[f"dC_dw{l}"] == pytest.approx(v[f"dC_dz{l}"] * v[f"a{l - 1}"], rel=1e-12, abs=1e-300)
        assert v[f"dC_db{l}"] == v[f"dC_dz{l}"]


def test_try_a0_zero_stops_only_dw1():
    from backprop.explorables import ChainGraph
    v = ChainGraph(a0=0.0).values()
    assert v["dC_dw1"] == 0 and v["dC_dz1"] != 0 and v["dC_db1"] != 0


def test_try_w2_zero_cuts_the_first_layer_off():
    from backprop.explorables import ChainGraph
    v = ChainGraph(w2=0.0).values()
    for k in ("a1", "z1", "w1", "b1", "a0"):
        assert v[f"dC_d{k}"] == 0, k
    for k in ("w2", "b2", "z2", "a2", "w3", "b3", "z3", "a3", "y"):
        assert v[f"dC_d{k}"] != 0, k


def test_the_graph_figure_shows_every_value_gradient_and_local_derivative():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from backprop import figures
    a, w = Value(3.0, name="a"), Value(-2.0, name="w")
    z = w * a
    z.name = "z"
    C = z.tanh() ** 2                          # the tanh node is hidden below: its edge multiplies through
    C.name = "C"
    C.backward()
    fig = figures.computational_graph(C, show=[a, w, z])
    texts = [t.get_text() for t in fig.axes[0].texts]
    for v in (a, w, z, C):
        assert v.name in texts and f"{v.data:.4g}" in texts and f"{v.grad:.4g}" in texts
    dC_dz = 2 * math.tanh(z.data) * (1 - math.tanh(z.data) ** 2)   # through the hidden tanh
    for local in (a.data, w.data, dC_dz):
        assert f"{local:.4g}" in texts
    assert fig.axes[0].get_title() == ""     # no sentence in the figure: the chapter's caption says it
    plt.close(fig)


def test_the_cost_figure_plots_the_measurements_and_the_counts():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from backprop import figures, timing
    results = [{"P": 10, "finite_differences": 2e-3, "forward": 5e-5, "backprop": 1e-4},
               {"P": 1000, "finite_differences": 2e-1, "forward": 1e-4, "backprop": 2e-4},
               {"P": 10**5, "forward": 1e-2, "backprop": 3e-2}]       # too big to nudge
    counts = [timing.counted(s, 32) for s in ([2, 2, 1], [16, 32, 8], [784, 256, 256, 10])]
    fig = figures.gradient_cost(results, counts)
    left, right = fig.axes
    np.testing.assert_allclose(left.lines[0].get_ydata(), [2e-3, 2e-1])
    np.testing.assert_allclose(left.lines[1].get_ydata(), [2 * 10 * 5e-5, 2 * 1000 * 1e-4, 2 * 10**5 * 1e-2])
    np.testing.assert_allclose(left.lines[2].get_ydata(), [1e-4, 2e-4, 3e-2])
    np.testing.assert_allclose(right.lines[0].get_ydata(), [c["finite_differences"] for c in counts])
    np.testing.assert_allclose(right.lines[1].get_ydata(), [c["backprop"] for c in counts])
    assert left.get_xscale() == "log" and right.get_yscale() == "log"
    plt.close(fig)


def test_cost_counts_parameters_and_products():
    from backprop import timing
    assert timing.n_params([64, 32, 10]) == 64 * 32 + 32 + 32 * 10 + 10
    assert timing.n_params([3, 4, 2]) == sum(p.size for layer in MLP([3, 4, 2]).params for p in layer)
    fwd, bwd = timing.multiply_adds([5, 4, 3], m=7)
    assert (fwd, bwd) == ((4 * 5 + 3 * 4) * 7, (2 * 4 * 5 + 2 * 3 * 4 - 4 * 5) * 7)
    c = timing.counted([5, 4, 3], m=7)
    assert c == {"P": 39, "forward": fwd, "backprop": fwd + bwd, "finite_differences": 2 * 39 * fwd}
    r = timing.gradient_costs([3, 4, 2], m=4, repeats=1, number=1)
    assert r["P"] == 26 and all(r[k] >= 0 for k in ("forward", "backprop", "finite_differences"))
