"""The live explorables: anywidgets whose JavaScript computes and draws.

The front end (js/<name>.js, which imports js/maths.js and the shared page pieces)
computes the forward pass, the cost and the gradients itself, so the sliders stay live
in the static HTML book, where no kernel runs. What a widget sends to the page is its
bundle, js/dist/<name>.js (tools/bundle_js.py; `make js` after editing js/). The
Python side holds the same parameters as traits and computes the same numbers with
``backprop``: ``values()`` is the reference the JavaScript is held to, in Node
(tests/package/test_js_maths.py) and on the built pages (tests/browser).
"""
from pathlib import Path

import anywidget
import numpy as np
import traitlets as t

from . import chain, wishes
from . import layers
from .autodiff import Value
from .activations import sigmoid_prime
from .mlp import MLP

_JS = Path(__file__).parent / "js"


def _esm(name):
    """The explorable's JavaScript, as bundled from js/ (tools/bundle_js.py)."""
    bundle = _JS / "dist" / f"{name}.js"
    if not bundle.exists():
        raise FileNotFoundError(f"{bundle} is missing: write js/{name}.js, then bundle it with `make js`")
    return bundle.read_text()


def _css(name):
    """The styles every explorable shares (js/explorables.css), then its own (js/<name>.css) if it has any."""
    own = _JS / f"{name}.css"
    return (_JS / "explorables.css").read_text() + (own.read_text() if own.exists() else "")


class _Explorable(anywidget.AnyWidget):
    """What every explorable shares: ``data_explorable``, the name its front end gives its root
    element on the page (data-explorable="..."), which tests and outside checks look for;
    ``params``, its sliders' names in the order of ``ranges`` (a list keeps its order in a
    stored notebook, where a dict's keys come back sorted); and its text form, which is what a
    notebook shows where the widget cannot be drawn (a chapter not yet run, a viewer without
    widgets)."""
    data_explorable = None
    ranges = t.Dict().tag(sync=True)
    params = t.List(t.Unicode()).tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.params = list(self.ranges)

    def __repr__(self):
        return (f"{type(self).__name__} explorable (backprop): run this cell in Jupyter "
                "to draw it and move its sliders")


def _range(lo, hi, step=0.01):
    return {"min": lo, "max": hi, "step": step}


class Neuron(_Explorable):
    """The last neuron a_L = σ(z), z = w·a + b, and its cost C = (a_L − y)² (chapter 1).

    ``a`` is a(L−1), the input from the sigmoid layer before: it lies in [0, 1].
    Readouts: z, a_L, σ'(z), C, ∂C/∂w, ∂C/∂b, ∂C/∂a. The slider ends give z from −20
    to 20. The bars show the wishes −∂C/∂θ on a fixed scale.
    """
    data_explorable = "neuron"
    _esm = _esm("neuron")
    _css = _css("neuron")
    w = t.Float(1.5).tag(sync=True)
    b = t.Float(-0.5).tag(sync=True)
    a = t.Float(0.8).tag(sync=True)
    y = t.Float(0.0).tag(sync=True)
    ranges = t.Dict({"w": _range(-6, 6), "b": _range(-14, 14), "a": _range(0, 1),
                     "y": _range(0, 1)}).tag(sync=True)

    def values(self):
        (_, a_L), (z,) = chain.trace([self.w], [self.b], self.a)
        g = chain.gradients([self.w], [self.b], self.a, self.y)
        return {"z": float(z), "a_L": float(a_L), "sigma_prime_z": float(sigmoid_prime(z)),
                "C": chain.cost([self.w], [self.b], self.a, self.y),
                "dC_dw": float(g["w"][0]), "dC_db": float(g["b"][0]), "dC_da": float(g["a"][0])}


class _ChainParameters(t.HasTraits):
    """The parameters of chapter 2's chain, shared by Chain and ChainGraph (the same chain, drawn two ways)."""
    w1, w2, w3 = (t.Float(v).tag(sync=True) for v in (1.2, -0.8, 2.0))
    b1, b2, b3 = (t.Float(v).tag(sync=True) for v in (0.1, 0.4, -0.6))
    a0 = t.Float(0.9).tag(sync=True)
    y = t.Float(1.0).tag(sync=True)
    ranges = t.Dict({**{f"w{l}": _range(-6, 6) for l in (1, 2, 3)},
                     **{f"b{l}": _range(-8, 8) for l in (1, 2, 3)},
                     "a0": _range(-7, 7), "y": _range(0, 1)}).tag(sync=True)


class Chain(_ChainParameters, _Explorable):
    """The 4-layer chain a0 → a1 → a2 → a3 with one neuron per layer (chapter 2).

    Readouts: a3, C, ∂C/∂w_l and ∂C/∂b_l for l = 1..3, ∂C/∂a_l for l = 0..2, and the
    factor w_l·σ'(z_l) (factor_l) by which the wish is multiplied as it crosses layer l
    going back: ∂C/∂a_{l−1} = factor_l · ∂C/∂a_l.
    """
    data_explorable = "chain"
    _esm = _esm("chain")
    _css = _css("chain")

    def values(self):
        w, b = [self.w1, self.w2, self.w3], [self.b1, self.b2, self.b3]
        a, z = chain.trace(w, b, self.a0)
        g = chain.gradients(w, b, self.a0, self.y)
        v = {"a3": float(a[3]), "C": chain.cost(w, b, self.a0, self.y)}
        v.update({f"dC_dw{l}": float(g["w"][l - 1]) for l in (1, 2, 3)})
        v.update({f"dC_db{l}": float(g["b"][l - 1]) for l in (1, 2, 3)})
        v.update({f"dC_da{l}": float(g["a"][l]) for l in (0, 1, 2)})
        v.update({f"factor{l}": float(w[l - 1] * sigmoid_prime(z[l - 1])) for l in (1, 2, 3)})
        return v


def _order(m, seed, n):
    """The first n example indices of a stream of shuffles of 0..m−1, a new one per epoch.

    The same numbers as shuffledOrder in js/maths.js: the Park–Miller generator
    state ← 48271·state mod (2³¹ − 1) drives a Fisher–Yates shuffle.
    """
    M, state, out = 2147483647, seed % (2147483647 - 1) + 1, []
    while len(out) < n:
        idx = list(range(m))
        for i in range(m - 1, 0, -1):
            state = state * 48271 % M
            j = state % (i + 1)
            idx[i], idx[j] = idx[j], idx[i]
        out += idx
    return out[:n]


class Descent(_Explorable):
    """Gradient descent on the chain over m examples (chapter 3).

    Each epoch walks the examples in a new shuffled order (seeded: ``_order``); step k
    uses the next B of them, so batch k is order[k·B : (k + 1)·B].
    """
    data_explorable = "descent"
    _esm = _esm("descent")
    _css = _css("descent")
    a0 = t.List(t.Float()).tag(sync=True)
    y = t.List(t.Float()).tag(sync=True)
    w0 = t.List(t.Float(), default_value=[1.0, 1.0, 1.0]).tag(sync=True)
    b0 = t.List(t.Float(), default_value=[0.0, 0.0, 0.0]).tag(sync=True)
    lr = t.Float(2.0).tag(sync=True)
    batch_size = t.Int(4).tag(sync=True)
    seed = t.Int(1).tag(sync=True)
    run_steps = t.Int(200).tag(sync=True)
    ranges = t.Dict({"lr": _range(0.1, 100, 0.1), "batch_size": _range(1, 16, 1)}).tag(sync=True)

    def __init__(self, m=16, seed=0, **kwargs):
        if "a0" not in kwargs:   # a small data set: y is high for large a0, low for small
            rng = np.random.default_rng(seed)
            a0 = rng.uniform(-2, 2, m)
            kwargs["a0"] = a0.tolist()
            kwargs["y"] = (0.15 + 0.7 * (a0 > 0)).tolist()
        super().__init__(**kwargs)
        self.ranges = {**self.ranges, "batch_size": _range(1, len(self.a0), 1)}

    def batches(self, steps, batch_size=None):
        """The example indices of each of the first ``steps`` batches: a list of lists."""
        B = self.batch_size if batch_size is None else batch_size
        order = _order(len(self.a0), self.seed, steps * B)
        return [order[k * B:(k + 1) * B] for k in range(steps)]

    def costs(self, steps, lr=None, batch_size=None):
        """J on all examples before each step and after it: a list of steps + 1 floats."""
        lr = self.lr if lr is None else lr
        a0, y = np.array(self.a0), np.array(self.y)
        w, b = np.array(self.w0), np.array(self.b0)
        J = [chain.cost(w, b, a0, y)]
        for idx in self.batches(steps, batch_size):
            g = chain.gradients(w, b, a0[idx], y[idx])
            w, b = w - lr * g["w"], b - lr * g["b"]
            J.append(chain.cost(w, b, a0, y))
        return J


class Wishes(_Explorable):
    """Two sigmoid output neurons j fed by three activations a_k (chapter 4).

    z_j = Σ_k w_jk a_k + b_j, out_j = σ(z_j), C = Σ_j (out_j − y_j)². Readouts: C,
    out_j, ∂C/∂z_j, each neuron's gradient ∂E_j/∂a_k (key wish_j_k, a name kept for the pages' readers;
    E_j = (out_j − y_j)²), their sums ∂C/∂a_k, ∂C/∂w_jk and ∂C/∂b_j (keys dC_da<k>, dC_dw<j><k>,
    dC_db<j>: ∂C/∂θ for the slider θ is dC_d<θ>, as in every explorable). The drawing shows the wishes, their
    negatives: −∂E_j/∂a_k and the sums −∂C/∂a_k, on a fixed scale.
    """
    data_explorable = "wishes"
    _esm = _esm("wishes")
    _css = _css("wishes")
    a0, a1, a2 = (t.Float(v).tag(sync=True) for v in (0.9, 0.2, 0.6))
    y0, y1 = (t.Float(v).tag(sync=True) for v in (1.0, 0.0))
    b0, b1 = (t.Float(v).tag(sync=True) for v in (-0.5, 0.3))
    w00, w01, w02 = (t.Float(v).tag(sync=True) for v in (1.5, -2.0, 0.5))
    w10, w11, w12 = (t.Float(v).tag(sync=True) for v in (-1.0, 1.2, 2.0))
    ranges = t.Dict({**{f"a{k}": _range(0, 1) for k in range(3)},
                     **{f"y{j}": _range(0, 1) for j in range(2)},
                     **{f"b{j}": _range(-4, 4) for j in range(2)},
                     **{f"w{j}{k}": _range(-4, 4) for j in range(2) for k in range(3)},
                     }).tag(sync=True)

    def values(self):
        W = [[getattr(self, f"w{j}{k}") for k in range(3)] for j in range(2)]
        r = wishes.layer_wishes(W, [self.b0, self.b1], [self.a0, self.a1, self.a2],
                                [self.y0, self.y1])
        v = {"C": r["C"]}
        for j in range(2):
            v[f"out{j}"] = float(r["a"][j])
            v[f"dC_dz{j}"] = float(r["dz"][j])
            v[f"dC_db{j}"] = float(r["db"][j])
            for k in range(3):
                v[f"wish_{j}_{k}"] = float(r["dE_da"][j, k])     # the gradient, not the wish
                v[f"dC_dw{j}{k}"] = float(r["dW"][j, k])
        v.update({f"dC_da{k}": float(r["da_prev"][k]) for k in range(3)})
        return v


class ChainGraph(_ChainParameters, _Explorable):
    """The chain of chapter 2 as a computational graph (chapter 6): a0 → z1 → a1 → … → a3 → C.

    Readouts, for every node n of a0, w_l, b_l, z_l, a_l (l = 1..3), y and C: its value
    ``n`` and its gradient ``dC_dn`` = ∂C/∂n, computed by ``backprop.autodiff``.
    """
    data_explorable = "graph"   # the name its DOM contract gave it
    _esm = _esm("chain_graph")
    _css = _css("chain_graph")

    def nodes(self):
        """{name: Value} for every node, after C.backward(): each holds data and grad."""
        n = {k: Value(getattr(self, k), name=k) for k in ("a0", "y", "w1", "w2", "w3", "b1", "b2", "b3")}
        a = n["a0"]
        for l in (1, 2, 3):
            n[f"z{l}"] = n[f"w{l}"] * a + n[f"b{l}"]      # z_l = w_l a_{l−1} + b_l
            n[f"a{l}"] = a = n[f"z{l}"].sigmoid()         # a_l = σ(z_l)
        n["C"] = (a - n["y"]) ** 2                        # C = (a_3 − y)²
        n["C"].backward()
        return n

    def values(self):
        v = {}
        for k, node in self.nodes().items():
            v[k], v[f"dC_d{k}"] = node.data, node.grad
        return v


class Recursion(_Explorable):
    """Chapter 4's 2-3-2 network: the output layer's wishes passed back two layers, by the same step twice.

    x = a[0] (2 inputs), a[1] = σ(W[1] x + b[1]) (3 hidden), a[2] = σ(W[2] a[1] + b[2]) (2 outputs),
    C = Σ_j (a[2]_j − y_j)². A wish is −∂C/∂a, per unit of learning rate. Step 1 (l = 2), then step 2
    (l = 1): neuron j of layer l has the wish wish[l]_j; for each a[l−1]_k it wishes the piece
    w[l]_jk σ'(z[l]_j) wish[l]_j; a[l−1]_k's wish is the sum of its pieces. Layer 2's own wishes come from
    the targets, 2(y − a[2]); layer 1's are the sums of step 1. The weights and b[2] are the worked
    example's (traits W1, W2, b2); the sliders move x, y and b[1].

    Readouts: C, out_j = a[2]_j; for step 1: wish2_j, gp2_j = σ'(z[2]_j), piece2_j_k, sum1_k; for step 2:
    wish1_k (−∂C/∂a[1]_k, from ``layers.linear_backward``), gp1_k, piece1_k_i, sum0_i (the inputs' wishes).
    """
    data_explorable = "recursion"
    _esm = _esm("recursion")
    _css = _css("recursion")
    # the weights and b[2] of chapter 4's worked 2-3-2 example; no slider moves them
    W1 = t.List(default_value=[[0.5, -1.0], [1.5, 0.8], [-0.7, 1.2]]).tag(sync=True)
    W2 = t.List(default_value=[[1.0, -1.5, 0.6], [-0.8, 0.9, 1.4]]).tag(sync=True)
    b2 = t.List(default_value=[0.2, -0.4]).tag(sync=True)
    x0, x1 = (t.Float(v).tag(sync=True) for v in (0.3, 0.8))
    y0, y1 = (t.Float(v).tag(sync=True) for v in (1.0, 0.0))
    b1_0, b1_1, b1_2 = (t.Float(v).tag(sync=True) for v in (0.1, -0.2, 0.3))
    ranges = t.Dict({"x0": _range(0, 1), "x1": _range(0, 1), "y0": _range(0, 1), "y1": _range(0, 1),
                     **{f"b1_{k}": _range(-8, 8) for k in range(3)}}).tag(sync=True)

    def net(self):
        """The network as a ``backprop.MLP([2, 3, 2])`` with this explorable's parameters."""
        net = MLP([2, 3, 2])
        (W1, b1), (W2, b2) = net.params
        W1[:], W2[:], b2[:, 0] = self.W1, self.W2, self.b2
        b1[:, 0] = [self.b1_0, self.b1_1, self.b1_2]
        return net

    def steps(self):
        """The two steps back, as {l: dict} for l = 2, 1, each with arrays: "a" (n_l,) the layer's
        activations, "wish" (n_l,) its own wishes −∂C/∂a[l], "gp" (n_l,) σ'(z[l]), "piece" (n_l, n_{l−1})
        with piece[j, k] = w[l]_jk σ'(z[l]_j) wish[l]_j, "sum" (n_{l−1},) the sums over j of the pieces,
        "wish_prev" (n_{l−1},) = −W[l]ᵀ dz[l] from ``layers.linear_backward``; also "C", a float."""
        net = self.net()
        X, Y = np.array([[self.x0], [self.x1]]), np.array([[self.y0], [self.y1]])
        A = net.activations(X)
        wish = 2.0 * (Y - A[2])                       # layer 2's own wishes: −∂C/∂a[2]
        out = {"C": net.cost(X, Y)}
        for l in (2, 1):
            W = net.params[l - 1][0]
            gp = A[l] * (1 - A[l])                    # σ'(z[l]) from a[l]
            dZ = -wish * gp                           # ∂C/∂z[l]
            dA_prev, _, _ = layers.linear_backward(dZ, A[l - 1], W)
            piece = W * (gp * wish)                   # row j: neuron j's wishes for a[l−1]
            out[l] = {"a": A[l][:, 0], "wish": wish[:, 0], "gp": gp[:, 0], "piece": piece,
                      "sum": piece.sum(axis=0), "wish_prev": -dA_prev[:, 0]}
            wish = -dA_prev                           # the sums: layer l−1's own wishes
        return out

    def values(self):
        st = self.steps()
        v = {"C": st["C"], **{f"out{j}": float(st[2]["a"][j]) for j in range(2)}}
        for l in (2, 1):
            r = st[l]
            n, n_prev = r["piece"].shape
            for j in range(n):
                if l == 2:
                    v[f"wish2_{j}"] = float(r["wish"][j])
                v[f"gp{l}_{j}"] = float(r["gp"][j])
                v.update({f"piece{l}_{j}_{k}": float(r["piece"][j, k]) for k in range(n_prev)})
            v.update({f"sum{l - 1}_{k}": float(r["sum"][k]) for k in range(n_prev)})
        v.update({f"wish1_{k}": float(st[2]["wish_prev"][k]) for k in range(3)})
        return v


# Every explorable, in the order the chapters meet them.
EXPLORABLES = (Neuron, Chain, Descent, Wishes, Recursion, ChainGraph)
