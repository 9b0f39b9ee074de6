"""The live explorables: anywidgets whose JavaScript computes and draws.

The front end (js/common.js + js/<name>.js) computes the forward pass, the cost and
the gradients itself, so the sliders stay live in the static HTML book, where no
kernel runs. The Python side holds the same parameters as traits and computes the
same numbers with ``backprop``: ``values()`` is the reference the browser tests hold
the JavaScript to.
"""
from pathlib import Path

import anywidget
import numpy as np
import traitlets as t

from . import chain

_JS = Path(__file__).parent / "js"
_CSS = (_JS / "explorables.css").read_text()


def _esm(name):
    return (_JS / "common.js").read_text() + "\n" + (_JS / f"{name}.js").read_text()


def _range(lo, hi, step=0.01):
    return {"min": lo, "max": hi, "step": step}


class Neuron(anywidget.AnyWidget):
    """The last neuron a = σ(w·a_prev + b) and its cost C = (a − y)² (chapter 1).

    Readouts: C, ∂C/∂w, ∂C/∂b, ∂C/∂a (a is the input a_prev). The slider ends give
    z = w·a + b from −50 to 50.
    """
    _esm = _esm("neuron")
    _css = _CSS
    w = t.Float(1.5).tag(sync=True)
    b = t.Float(-0.5).tag(sync=True)
    a = t.Float(0.8).tag(sync=True)
    y = t.Float(0.0).tag(sync=True)
    ranges = t.Dict({"w": _range(-6, 6), "b": _range(-14, 14), "a": _range(-6, 6),
                     "y": _range(0, 1)}).tag(sync=True)

    def values(self):
        g = chain.gradients([self.w], [self.b], self.a, self.y)
        return {"C": chain.cost([self.w], [self.b], self.a, self.y),
                "dC_dw": float(g["w"][0]), "dC_db": float(g["b"][0]), "dC_da": float(g["a"][0])}


class Chain(anywidget.AnyWidget):
    """The 4-layer chain a0 → a1 → a2 → a3 with one neuron per layer (chapter 2).

    Readouts: C, ∂C/∂w_l and ∂C/∂b_l for l = 1..3, ∂C/∂a_l for l = 0..2.
    """
    _esm = _esm("chain")
    _css = _CSS
    w1, w2, w3 = (t.Float(v).tag(sync=True) for v in (1.2, -0.8, 2.0))
    b1, b2, b3 = (t.Float(v).tag(sync=True) for v in (0.1, 0.4, -0.6))
    a0 = t.Float(0.9).tag(sync=True)
    y = t.Float(1.0).tag(sync=True)
    ranges = t.Dict({**{f"w{l}": _range(-6, 6) for l in (1, 2, 3)},
                     **{f"b{l}": _range(-8, 8) for l in (1, 2, 3)},
                     "a0": _range(-7, 7), "y": _range(0, 1)}).tag(sync=True)

    def values(self):
        w, b = [self.w1, self.w2, self.w3], [self.b1, self.b2, self.b3]
        g = chain.gradients(w, b, self.a0, self.y)
        v = {"C": chain.cost(w, b, self.a0, self.y)}
        v.update({f"dC_dw{l}": float(g["w"][l - 1]) for l in (1, 2, 3)})
        v.update({f"dC_db{l}": float(g["b"][l - 1]) for l in (1, 2, 3)})
        v.update({f"dC_da{l}": float(g["a"][l]) for l in (0, 1, 2)})
        return v


class Descent(anywidget.AnyWidget):
    """Gradient descent on the chain over m examples (chapter 3).

    Step k uses the batch of examples k·B, k·B + 1, …, k·B + B − 1 (mod m), in order.
    """
    _esm = _esm("descent")
    _css = _CSS
    a0 = t.List(t.Float()).tag(sync=True)
    y = t.List(t.Float()).tag(sync=True)
    w0 = t.List(t.Float(), default_value=[0.5, -0.5, 0.5]).tag(sync=True)
    b0 = t.List(t.Float(), default_value=[0.0, 0.0, 0.0]).tag(sync=True)
    lr = t.Float(2.0).tag(sync=True)
    batch_size = t.Int(4).tag(sync=True)

    def __init__(self, m=16, seed=0, **kwargs):
        if "a0" not in kwargs:   # a small data set: y is high for large a0, low for small
            rng = np.random.default_rng(seed)
            a0 = np.sort(rng.uniform(-2, 2, m))
            kwargs["a0"] = a0.tolist()
            kwargs["y"] = (0.15 + 0.7 * (a0 > 0)).tolist()
        super().__init__(**kwargs)

    def costs(self, steps, lr=None, batch_size=None):
        """J on all examples before each step and after it: a list of steps + 1 floats."""
        lr = self.lr if lr is None else lr
        B = self.batch_size if batch_size is None else batch_size
        a0, y, m = np.array(self.a0), np.array(self.y), len(self.a0)
        w, b = np.array(self.w0), np.array(self.b0)
        J = [chain.cost(w, b, a0, y)]
        for k in range(steps):
            idx = (k * B + np.arange(B)) % m
            g = chain.gradients(w, b, a0[idx], y[idx])
            w, b = w - lr * g["w"], b - lr * g["b"]
            J.append(chain.cost(w, b, a0, y))
        return J
