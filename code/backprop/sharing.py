"""What backprop shares: the same gradient computed without sharing, two ways (chapter 6).

For a sigmoid (or tanh, relu, identity) ``MLP`` with the squared-error cost, on X of shape
(n_0, m) and Y of shape (n_L, m), both functions below return the exact gradient that
``MLP.gradients`` returns, [(dW[1], db[1]), …, (dW[L], db[L])] with the shapes of
``net.params``, one parameter at a time:

``gradients_no_reuse``   the chain rule applied to each parameter separately. For a
    parameter of layer l it runs the backward chain from the cost down to layer l again,
    dA[k−1] = W[k]ᵀ dZ[k] for k = L, …, l + 1, keeping nothing from the parameter before.
``gradients_forward_mode``  forward-mode differentiation: one pass per parameter θ that
    carries ∂Z/∂θ and ∂A/∂θ up from θ's layer to the cost, ∂Z[k]/∂θ = W[k] ∂A[k−1]/∂θ.

Each also returns how many multiply-adds its matrix products (and dot products) did, the
count of ``multiply_adds_no_reuse`` and ``multiply_adds_forward_mode``; elementwise work
(g', the cost) is not counted, as in ``cost.multiply_adds``. Backprop runs the chain once:
the work it shares is exactly the products dA[k−1] = W[k]ᵀ dZ[k] that these repeat.
"""
import numpy as np

from . import activations
from .mlp import MLP


def _checked(net, X, Y):
    if not isinstance(net, MLP) or net.loss != "squared":
        raise ValueError(f"need an MLP with the squared-error cost, got {net!r}")
    X, Y = net.check_data(X, Y)
    return X, Y, net._forward(X), activations.PRIME_FROM_OUTPUT[net.activation]


def _each_parameter(net):
    """(l, j, k) for every weight W[l][j, k] and (l, j, None) for every bias b[l][j]."""
    for l, (W, _) in enumerate(net.params, start=1):
        n, n_prev = W.shape
        for j in range(n):
            for k in range(n_prev):
                yield l, j, k
            yield l, j, None


def gradients_no_reuse(net, X, Y):
    """∂J/∂θ for every θ by its own backward chain. Returns (grads, multiply_adds).

    X: (n_0, m), Y: (n_L, m); grads as ``net.gradients(X, Y)``.
    """
    X, Y, A, g_prime = _checked(net, X, Y)
    L, m, count = len(net.params), X.shape[1], 0
    grads = [(np.zeros_like(W), np.zeros_like(b)) for W, b in net.params]
    for l, j, k in _each_parameter(net):
        dZ = 2.0 * (A[L] - Y) * g_prime(A[L])          # dZ[L], again for every θ
        for above in range(L, l, -1):                  # down to layer l: nothing kept
            W = net.params[above - 1][0]
            dZ = (W.T @ dZ) * g_prime(A[above - 1])    # dZ[above − 1]
            count += W.size * m
        if k is None:
            grads[l - 1][1][j, 0] = dZ[j].sum() / m
        else:
            grads[l - 1][0][j, k] = dZ[j] @ A[l - 1][k] / m
            count += m
    return grads, count


def gradients_forward_mode(net, X, Y):
    """∂J/∂θ for every θ by one forward-mode pass each. Returns (grads, multiply_adds).

    X: (n_0, m), Y: (n_L, m); grads as ``net.gradients(X, Y)``. The pass for θ in layer l
    starts from ∂Z[l]/∂θ (n_l, m): zero but for row j, which is A[l−1][k] for W[l][j, k]
    and 1 for b[l][j].
    """
    X, Y, A, g_prime = _checked(net, X, Y)
    L, m, count = len(net.params), X.shape[1], 0
    grads = [(np.zeros_like(W), np.zeros_like(b)) for W, b in net.params]
    for l, j, k in _each_parameter(net):
        dZ_dtheta = np.zeros_like(A[l])
        dZ_dtheta[j] = 1.0 if k is None else A[l - 1][k]
        dA_dtheta = g_prime(A[l]) * dZ_dtheta
        for above in range(l + 1, L + 1):              # up to the output
            W = net.params[above - 1][0]
            dA_dtheta = g_prime(A[above]) * (W @ dA_dtheta)
            count += W.size * m
        dJ = 2.0 * np.sum((A[L] - Y) * dA_dtheta) / m  # J = (1/m) Σ (A[L] − Y)²
        count += A[L].size
        grads[l - 1][1 if k is None else 0][j, 0 if k is None else k] = dJ
    return grads, count


def _per_layer(sizes, m):
    """[(P_l, work above l)]: layer l's parameters and the multiply-adds of W[k]ᵀ dZ[k], k > l."""
    products = [n * n_prev * m for n_prev, n in zip(sizes[:-1], sizes[1:])]
    return [(n * (n_prev + 1), sum(products[l + 1:]))
            for l, (n_prev, n) in enumerate(zip(sizes[:-1], sizes[1:]))]


def multiply_adds_no_reuse(sizes, m):
    """Σ_l P_l · (Σ_{k>l} n_k n_{k−1} m) + m per weight: what ``gradients_no_reuse`` does."""
    n_weights = sum(n * n_prev for n_prev, n in zip(sizes[:-1], sizes[1:]))
    return sum(P_l * above for P_l, above in _per_layer(sizes, m)) + m * n_weights


def multiply_adds_forward_mode(sizes, m):
    """Σ_l P_l · (Σ_{k>l} n_k n_{k−1} m + n_L m): what ``gradients_forward_mode`` does."""
    return sum(P_l * (above + sizes[-1] * m) for P_l, above in _per_layer(sizes, m))
