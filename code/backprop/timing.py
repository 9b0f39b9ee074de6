"""Timing and counting a gradient: finite differences against backprop, side by side (chapters 3, 6).

Centred differences need two forward passes per parameter, 2P passes for P parameters;
backprop needs one forward and one backward pass for all of them. Times are medians of
several repeats, in CPU time of this process (other programs running meanwhile do not
count) with one BLAS thread (so CPU time is the work done), and only their ratios mean
anything from one machine to another.
"""
import time

import numpy as np
from threadpoolctl import threadpool_limits

from .gradcheck import numerical_gradient
from .mlp import MLP


def n_params(sizes):
    """P = Σ_l n_l (n_{l−1} + 1): every weight and bias of an MLP with layer sizes ``sizes``."""
    return sum(n * (n_prev + 1) for n_prev, n in zip(sizes[:-1], sizes[1:]))


def median_time(f, repeats=5, number=1):
    """CPU seconds per call of f(): the median over ``repeats`` runs of ``number`` calls each."""
    times = []
    with threadpool_limits(limits=1):
        for _ in range(repeats):
            t0 = time.process_time()
            for _ in range(number):
                f()
            times.append((time.process_time() - t0) / number)
    return float(np.median(times))


def gradient_costs(sizes, m=16, repeats=5, number=20, finite_differences=True, seed=0):
    """Time one gradient of a sigmoid MLP on m random examples, both ways.

    Returns a dict: "P" (parameters), "forward" (s, ``net.cost``), "backprop" (s,
    ``net.gradients``: forward + backward), "backward" (their difference) and, if
    ``finite_differences``, "finite_differences" (s, every gradient by centred differences:
    2P calls of ``net.cost``). The fast two are timed ``number`` calls at a time and five
    times as often, since a short timing is the more easily disturbed.
    """
    net = MLP(sizes, seed=seed)
    rng = np.random.default_rng(seed)
    X, Y = rng.normal(size=(sizes[0], m)), rng.random((sizes[-1], m))
    r = {"P": n_params(sizes), "forward": median_time(lambda: net.cost(X, Y), 5 * repeats, number),
         "backprop": median_time(lambda: net.gradients(X, Y), 5 * repeats, number)}
    r["backward"] = r["backprop"] - r["forward"]
    if finite_differences:
        params = [p for layer in net.params for p in layer]
        r["finite_differences"] = median_time(
            lambda: [numerical_gradient(lambda: net.cost(X, Y), p) for p in params], repeats)
    return r


def multiply_adds(sizes, m):
    """Multiply-adds in the matrix products of one forward and one backward pass on m examples.

    Forward: Z[l] = W[l] A[l−1], n_l·n_{l−1}·m per layer. Backward: dW[l] = dZ[l] A[l−1]ᵀ, the
    same count, and dA[l−1] = W[l]ᵀ dZ[l] again, for every layer but the first (no dA[0]).
    Returns (forward, backward).
    """
    per_layer = [n * n_prev * m for n_prev, n in zip(sizes[:-1], sizes[1:])]
    return sum(per_layer), 2 * sum(per_layer) - per_layer[0]


def counted(sizes, m):
    """Multiply-adds of one gradient on m examples, both ways (the counts behind the times).

    Returns a dict: "P", "forward" (one forward pass), "backprop" (one forward and one
    backward pass) and "finite_differences" (2P forward passes). A forward pass does
    n_l·n_{l−1}·m multiply-adds per layer, m for each weight: it costs in proportion to P,
    so finite differences cost in proportion to P², backprop to P.
    """
    fwd, bwd = multiply_adds(sizes, m)
    P = n_params(sizes)
    return {"P": P, "forward": fwd, "backprop": fwd + bwd, "finite_differences": 2 * P * fwd}
