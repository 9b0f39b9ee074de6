"""Checking a gradient against the definition of the derivative.

    ∂f/∂θ_i ≈ (f(θ + ε e_i) − f(θ − ε e_i)) / 2ε      (centred: error of order ε²)

and the relative error ‖g − g_num‖ / (‖g‖ + ‖g_num‖), which is below 1e-7 when a
float64 gradient is right and of order 1 when it is wrong.
"""
import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """Centred finite differences of ``f()`` with respect to the float array ``x``.

    ``f`` takes no argument and reads ``x``, which is nudged in place, one entry at a
    time, and restored. Returns an array of the shape of ``x``.
    """
    if not (isinstance(x, np.ndarray) and x.dtype.kind == "f"):
        raise ValueError("x must be a float numpy array that f reads (it is nudged in place)")
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = f()
        x[i] = old - eps
        f_minus = f()
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(g, g_num):
    """‖g − g_num‖ / (‖g‖ + ‖g_num‖); 0 when both are zero. Shapes must match."""
    g, g_num = np.asarray(g, dtype=float), np.asarray(g_num, dtype=float)
    if g.shape != g_num.shape:
        raise ValueError(f"gradients of different shapes: {g.shape} and {g_num.shape}")
    scale = np.linalg.norm(g) + np.linalg.norm(g_num)
    return float(np.linalg.norm(g - g_num) / scale) if scale > 0 else 0.0


def gradcheck(f, params, grads, eps=1e-6):
    """Relative error between analytic ``grads`` and finite differences of ``f`` over all ``params``.

    ``params``: list of float arrays that ``f()`` reads; ``grads``: the claimed ∂f/∂param
    for each, same shapes. Every entry of every array is nudged; the errors are
    measured on all of them at once, as one long vector.
    """
    params, grads = list(params), list(grads)
    if len(params) != len(grads):
        raise ValueError(f"{len(params)} parameter arrays but {len(grads)} gradients")
    num, ana = [], []
    for p, g in zip(params, grads):
        g = np.asarray(g, dtype=float)
        if g.shape != p.shape:
            raise ValueError(f"gradient of shape {g.shape} for a parameter of shape {p.shape}")
        num.append(numerical_gradient(f, p, eps).ravel())
        ana.append(g.ravel())
    return relative_error(np.concatenate(ana), np.concatenate(num))


def check_mlp(net, X, Y, eps=1e-6):
    """gradcheck of ``net.gradients(X, Y)`` against ``net.cost(X, Y)``: the relative error."""
    grads = net.gradients(X, Y)
    params = [p for layer in net.params for p in layer]
    return gradcheck(lambda: net.cost(X, Y), params, [g for pair in grads for g in pair], eps)
