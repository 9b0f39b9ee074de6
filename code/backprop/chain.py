"""The chain: one neuron per layer (chapter 2, "Notation").

Layer l has one weight w_l and one bias b_l:

    z_l = w_l · a_{l−1} + b_l,    a_l = σ(z_l),    C0 = (a_L − y)²

and the cost over m examples is J = (1/m) Σ_k C_k over the examples k = 0, …, m − 1 (C0 is example 0).

Shapes: ``w`` and ``b`` are sequences of length L (w[0] is w_1, the first layer's).
``a0`` and ``y`` are either numbers (one example) or 1-D arrays of the same length m
(m examples, one entry each). Every activation then has the shape of ``a0``.
"""
import numpy as np

from ._checks import finite_array
from .activations import sigmoid, sigmoid_prime


def _check(w, b, a0, y=None):
    w = finite_array(w, "w", ndim=1)
    b = finite_array(b, "b", ndim=1)
    if len(w) == 0 or w.shape != b.shape:
        raise ValueError(f"w and b must have the same length L >= 1, got w of shape {w.shape} "
                         f"and b of shape {b.shape}")
    a0 = finite_array(a0, "a0")
    if a0.ndim > 1 or a0.size == 0:
        raise ValueError(f"a0 must be a number or a non-empty 1-D array, got shape {a0.shape}")
    if y is None:
        return w, b, a0
    y = finite_array(y, "y")
    if y.shape != a0.shape:
        raise ValueError(f"a0 and y must have the same shape (one y per example), "
                         f"got a0 of shape {a0.shape} and y of shape {y.shape}")
    return w, b, a0, y


def trace(w, b, a0):
    """Forward pass that keeps everything: returns ``(a, z)``.

    ``a`` is the list [a_0, a_1, …, a_L] and ``z`` the list [z_1, …, z_L]
    (so z[l − 1] is z_l), each entry with the shape of ``a0``.
    """
    w, b, a0 = _check(w, b, a0)
    a, z = [a0], []
    for w_l, b_l in zip(w, b):
        z.append(w_l * a[-1] + b_l)
        a.append(sigmoid(z[-1]))
    return a, z


def forward(w, b, a0):
    """Activations [a_0, a_1, …, a_L], each with the shape of ``a0``."""
    return trace(w, b, a0)[0]


def cost(w, b, a0, y):
    """J = mean over the examples of C0 = (a_L − y)². A float."""
    w, b, a0, y = _check(w, b, a0, y)
    a_L = forward(w, b, a0)[-1]
    return float(np.mean((a_L - y) ** 2))


def gradients(w, b, a0, y):
    """Exact gradients of J = mean (a_L − y)², by the chain rule, from the last layer back.

    Returns a dict of arrays:
      "w": shape (L,), ∂J/∂w_l for l = 1..L;
      "b": shape (L,), ∂J/∂b_l for l = 1..L;
      "a": ∂J/∂a_l for l = 0..L−1, shape (L,) for one example, (L, m) for m examples
           (each example has its own a_l, so the gradient for a is per example).
    """
    w, b, a0, y = _check(w, b, a0, y)
    a, z = trace(w, b, a0)
    L, m = len(w), a0.size
    dw, db = np.zeros(L), np.zeros(L)
    da = np.zeros((L,) + a0.shape)
    da_l = 2.0 * (a[L] - y) / m               # ∂J/∂a_L, one entry per example
    for l in range(L, 0, -1):                # l = L, L−1, …, 1
        dz_l = da_l * sigmoid_prime(z[l - 1])  # ∂J/∂z_l = ∂J/∂a_l · σ'(z_l)
        dw[l - 1] = np.sum(dz_l * a[l - 1])   # ∂z_l/∂w_l = a_{l−1}; summed over examples
        db[l - 1] = np.sum(dz_l)              # ∂z_l/∂b_l = 1
        da_l = dz_l * w[l - 1]                # ∂z_l/∂a_{l−1} = w_l: passed back (minus the wish)
        da[l - 1] = da_l
    return {"w": dw, "b": db, "a": da}


def last_layer_factors(w, b, a0, y):
    """The three chain-rule factors of ∂C0/∂w_L for one example (numbers):

      "dz_dw" = ∂z_L/∂w_L = a_{L−1},   "da_dz" = ∂a_L/∂z_L = σ'(z_L),
      "dC_da" = ∂C0/∂a_L = 2(a_L − y),
    and their products "dC_dw" (all three), "dC_db" (with ∂z_L/∂b_L = 1 instead of a_{L−1}),
    "dC_da_prev" (with ∂z_L/∂a_{L−1} = w_L).
    """
    w, b, a0, y = _check(w, b, a0, y)
    if a0.ndim != 0:
        raise ValueError(f"last_layer_factors takes one example: a0 must be a number, got shape {a0.shape}")
    a, z = trace(w, b, a0)
    f = {"dz_dw": float(a[-2]), "da_dz": float(sigmoid_prime(z[-1])), "dC_da": float(2 * (a[-1] - y))}
    f["dC_dw"] = f["dz_dw"] * f["da_dz"] * f["dC_da"]
    f["dC_db"] = 1.0 * f["da_dz"] * f["dC_da"]
    f["dC_da_prev"] = float(w[-1]) * f["da_dz"] * f["dC_da"]
    return f
