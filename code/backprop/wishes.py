"""Many neurons, one wish (chapter 4): a layer's backward step, index by index.

One example, a layer of n sigmoid neurons j fed by the activations a_k of the
layer before (k = 0 … n_prev − 1), with the squared cost of its outputs:

    z_j = Σ_k w_jk a_k + b_j,    a_j = σ(z_j),    C = Σ_j E_j,   E_j = (a_j − y_j)²

Each output neuron j has its own wish for each input a_k: the way it wants a_k
to move, per unit of learning rate, −∂E_j/∂a_k. The gradient ∂E_j/∂a_k comes
from the chain rule along the one path a_k → z_j → a_j → E_j:

    ∂E_j/∂a_k = w_jk σ'(z_j) 2(a_j − y_j) = w_jk ∂C/∂z_j

and a_k feeds every neuron, so its wish −∂C/∂a_k is the sum of theirs, and

    ∂C/∂a_k = Σ_j w_jk ∂C/∂z_j          which is (Wᵀ dz)_k
    ∂C/∂w_jk = ∂C/∂z_j · a_k            which is (dz a_prevᵀ)_jk
    ∂C/∂b_j = ∂C/∂z_j                   which is db = dz

The loops below are these index formulas as written, one number at a time; the
layer recipe (``backprop.layers``) computes the same numbers with matrix products.
Shapes: W (n, n_prev), b (n,), a_prev (n_prev,), y (n,): one example, plain vectors.
"""
import numpy as np

from ._checks import expect_shape, finite_array
from .activations import sigmoid, sigmoid_prime


def _check(W, b, a_prev, y=None):
    W = finite_array(W, "W", ndim=2)
    n, n_prev = W.shape
    b = finite_array(b, "b", ndim=1)
    expect_shape(b, (n,), "b (one bias per row of W)")
    a_prev = finite_array(a_prev, "a_prev", ndim=1)
    expect_shape(a_prev, (n_prev,), "a_prev (one activation per column of W)")
    if y is None:
        return W, b, a_prev
    y = finite_array(y, "y", ndim=1)
    expect_shape(y, (n,), "y (one target per row of W)")
    return W, b, a_prev, y


def _forward(W, b, a_prev):
    """z_j = Σ_k w_jk a_k + b_j, one neuron at a time; returns (z, σ(z), σ'(z))."""
    z = np.array([sum(W[j, k] * a_prev[k] for k in range(len(a_prev))) + b[j]
                  for j in range(len(b))])
    return z, sigmoid(z), sigmoid_prime(z)


def layer_wishes(W, b, a_prev, y):
    """Every number of one output layer's forward and backward step, for one example.

    Returns a dict: "z", "a", "sp" (σ'(z)), "dC_da" (2(a − y)), "dz", "db": shape (n,);
    "dE_da": (n, n_prev), dE_da[j, k] = ∂E_j/∂a_k; "wish": its negative, neuron j's
    wish −∂E_j/∂a_k for input a_k; "da_prev": (n_prev,), the gradients ∂C/∂a_k,
    the sums of the columns of dE_da; "dW": (n, n_prev); "C": the cost
    Σ_j (a_j − y_j)², a float.
    """
    W, b, a_prev, y = _check(W, b, a_prev, y)
    n, n_prev = W.shape
    z, a, sp = _forward(W, b, a_prev)
    dC_da = 2.0 * (a - y)                       # ∂E_j/∂a_j: only E_j contains a_j
    dz = dC_da * sp                             # ∂C/∂z_j = 2(a_j − y_j) σ'(z_j)
    dE_da = np.zeros((n, n_prev))
    dW = np.zeros((n, n_prev))
    for j in range(n):
        for k in range(n_prev):
            dE_da[j, k] = W[j, k] * dz[j]       # ∂E_j/∂a_k, one path: a_k → z_j
            dW[j, k] = dz[j] * a_prev[k]        # ∂C/∂w_jk: w_jk meets a_k in z_j
    da_prev = np.array([sum(dE_da[j, k] for j in range(n)) for k in range(n_prev)])
    return {"z": z, "a": a, "sp": sp, "dC_da": dC_da, "dz": dz, "db": dz.copy(),
            "dE_da": dE_da, "wish": -dE_da, "da_prev": da_prev, "dW": dW,
            "C": float(np.sum((a - y) ** 2))}


def by_hand(net, x, y):
    """One example through a sigmoid ``MLP`` with the squared cost, neuron by neuron.

    x: (n_0,), y: (n_L,). Returns a list with one dict per layer l = 0 … L:
      "a" (n_l,) and "da" (n_l,) = ∂C/∂a[l] for every layer (da of layer 0 is the
      inputs' gradient, which ``MLP.gradients`` never needs);
      for l ≥ 1 also "z", "sp" (σ'(z)), "dz", "db" (n_l,) and "dW" (n_l, n_{l−1}).
    The cost is C = Σ_j (a[L]_j − y_j)², which is ``net.cost`` for one column.
    Each earlier layer's ∂C/∂a is Σ_j w_jk ∂C/∂z_j over the neurons j of the layer after
    it (the negative of the sum of their wishes), and it then plays the part of 2(a − y).
    """
    if net.activation != "sigmoid" or net.loss != "squared":
        raise ValueError(f"by_hand follows sigmoid layers and the squared cost, got {net!r}")
    x = finite_array(x, "x", ndim=1)
    y = finite_array(y, "y", ndim=1)
    net.check_data(x[:, None], y[:, None])
    rows = [{"a": x}]
    for W, b in net.params:                       # forward, neuron by neuron
        rows.append(dict(zip(("z", "a", "sp"), _forward(W, b[:, 0], rows[-1]["a"]))))
    L = len(net.params)
    rows[L]["da"] = 2.0 * (rows[L]["a"] - y)      # ∂C/∂a[L]_j = 2(a_j − y_j)
    for l in range(L, 0, -1):                     # backward: the same loops, any layer
        W = net.params[l - 1][0]
        r, a_prev = rows[l], rows[l - 1]["a"]
        r["dz"] = r["da"] * r["sp"]
        r["db"] = r["dz"].copy()
        r["dW"] = np.array([[r["dz"][j] * a_prev[k] for k in range(len(a_prev))]
                            for j in range(len(r["dz"]))])
        rows[l - 1]["da"] = np.array([sum(W[j, k] * r["dz"][j]
                                          for j in range(len(r["dz"])))
                                      for k in range(len(a_prev))])
    return rows


def table(rows):
    """``by_hand``'s numbers as two text tables (forward, then backward), one line per neuron."""
    out = ["forward:  layer neuron        z        a    σ'(z)"]
    for l, r in enumerate(rows):
        for j, a in enumerate(r["a"]):
            z_sp = ("", "") if l == 0 else (f"{r['z'][j]:.4f}", f"{r['sp'][j]:.4f}")
            out.append(f"{l:>15} {j:>6} {z_sp[0]:>8} {a:>8.4f} {z_sp[1]:>8}")
    n_prev = max(len(r["a"]) for r in rows[:-1])
    head = "".join(f" ∂C/∂w_j{k}" for k in range(n_prev))
    out += ["", f"backward: layer neuron    ∂C/∂a    ∂C/∂z    ∂C/∂b{head}"]
    for l in range(len(rows) - 1, -1, -1):
        r = rows[l]
        for j, da in enumerate(r["da"]):
            line = f"{l:>15} {j:>6} {da:>8.4f}"
            if l > 0:
                line += f" {r['dz'][j]:>8.4f} {r['db'][j]:>8.4f}"
                line += "".join(f" {v:>8.4f}" for v in r["dW"][j])
            out.append(line)
    return "\n".join(line.rstrip() for line in out)
