"""The layer recipe (chapter 5), in the notes' [l] notation.

Shapes, one column per example, m examples in a batch:

    A_prev = A[l−1] : (n_{l−1}, m)      W = W[l] : (n_l, n_{l−1})      b = b[l] : (n_l, 1)
    Z = Z[l] = W A_prev + b : (n_l, m)  A = A[l] = g(Z) : (n_l, m)

Backward, given dA = ∂C/∂A[l] for each example (the per-example cost, not yet averaged):

    dZ      = dA ∗ g'(Z)                  (n_l, m)       elementwise
    dW      = (1/m) dZ A_prevᵀ            (n_l, n_{l−1}) averaged over the batch
    db      = (1/m) Σ_examples dZ         (n_l, 1)       averaged over the batch
    dA_prev = Wᵀ dZ                       (n_{l−1}, m)   per example, handed to layer l−1

The 1/m sits on dW and db only: they are gradients of the averaged cost J, while
dA_prev stays per example, like the dA it came from.
"""
from . import activations
from ._checks import expect_shape, finite_array


def _check_forward(A_prev, W, b):
    A_prev = finite_array(A_prev, "A_prev", ndim=2)
    W = finite_array(W, "W", ndim=2)
    if W.shape[1] != A_prev.shape[0]:
        raise ValueError(f"W of shape {W.shape} needs A_prev with {W.shape[1]} rows, "
                         f"got A_prev of shape {A_prev.shape}")
    b = finite_array(b, "b")
    expect_shape(b, (W.shape[0], 1), "b")
    return A_prev, W, b


def dense_forward(A_prev, W, b, activation="sigmoid"):
    """One layer forward: Z = W A_prev + b, A = g(Z). Returns ``(A, Z)``, both (n_l, m)."""
    g, _ = activations.get(activation)
    A_prev, W, b = _check_forward(A_prev, W, b)
    Z = W @ A_prev + b
    return g(Z), Z


def linear_backward(dZ, A_prev, W, need_dA_prev=True):
    """From dZ = ∂C/∂Z[l] (n_l, m) to ``(dA_prev, dW, db)``; no input checks (internal).

    With ``need_dA_prev=False`` (the first layer: nobody needs ∂C/∂X) dA_prev is None.
    """
    m = dZ.shape[1]
    dW = dZ @ A_prev.T
    dW /= m
    db = dZ.sum(axis=1, keepdims=True)
    db /= m
    dA_prev = W.T @ dZ if need_dA_prev else None
    return dA_prev, dW, db


def dense_backward(dA, Z, A_prev, W, activation="sigmoid"):
    """One layer backward. Returns ``(dA_prev, dW, db)`` with the shapes in the module docstring.

    dA and Z: (n_l, m); A_prev: (n_{l−1}, m); W: (n_l, n_{l−1}).
    """
    _, g_prime = activations.get(activation)
    Z = finite_array(Z, "Z", ndim=2)
    dA = finite_array(dA, "dA", ndim=2)
    expect_shape(dA, Z.shape, "dA (it must match Z)")
    A_prev = finite_array(A_prev, "A_prev", ndim=2)
    W = finite_array(W, "W", ndim=2)
    expect_shape(W, (Z.shape[0], A_prev.shape[0]), "W (rows of Z, rows of A_prev)")
    expect_shape(A_prev, (W.shape[1], Z.shape[1]), "A_prev (columns: one per example, as in Z)")
    dZ = dA * g_prime(Z)
    return linear_backward(dZ, A_prev, W)
