"""Activation functions g(z) and their derivatives g'(z), elementwise.

Every function here takes a number or an array and returns the same shape.
``ACTIVATIONS[name]`` gives the pair ``(g, g_prime)`` used by the layer recipe.
"""
import numpy as np


def _float(z):
    """z as an array of floats, keeping float32 as float32."""
    z = np.asarray(z)
    return z if z.dtype.kind == "f" else z.astype(float)


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), accurate and warning-free for any finite z.

    For z < −709 (float32: −88), e^(−z) overflows to inf and 1 / (1 + inf) = 0, which is σ(z)
    rounded to the nearest float: the answer is right, so the warning is silenced.
    The steps run in one new array: for a 256 × 256 layer, making a fresh array
    for each of the four steps costs more than the arithmetic (benchmarks/).
    """
    z = _float(z)
    s = np.empty_like(z)
    np.negative(z, out=s)                 # −z
    with np.errstate(over="ignore"):
        np.exp(s, out=s)                  # e^(−z)
    s += 1.0                              # 1 + e^(−z)
    return np.divide(1.0, s, out=s)[()]   # 1 / (1 + e^(−z))


def sigmoid_prime(z):
    """σ'(z) = σ(z)(1 − σ(z)), written as e/(1 + e)² with e = e^(−|z|) (σ' is even)."""
    e = np.exp(-np.abs(_float(z)))
    return (e / (1.0 + e) ** 2)[()]


def tanh(z):
    return np.tanh(z)


def tanh_prime(z):
    return 1.0 - np.tanh(z) ** 2


def relu(z):
    return np.maximum(z, 0.0)


def relu_prime(z):
    """1 where z > 0, else 0 (we take the derivative at exactly 0 to be 0)."""
    z = _float(z)
    return (z > 0).astype(z.dtype)[()]


def identity(z):
    return _float(z)[()]


def identity_prime(z):
    return np.ones_like(_float(z))[()]


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_prime),
    "tanh": (tanh, tanh_prime),
    "relu": (relu, relu_prime),
    "identity": (identity, identity_prime),
}


# g'(z) written with the output a = g(z) instead of z. A network keeps every a from
# its forward pass, so the backward pass gets g'(z[l]) for a multiply or two:
#   σ'(z) = a(1 − a),   tanh'(z) = 1 − a²,   relu'(z) = [a > 0],   identity'(z) = 1.
def _sigmoid_prime_from_output(a):
    d = 1.0 - a
    d *= a                                # a(1 − a), in one new array
    return d


def _tanh_prime_from_output(a):
    d = a * a
    np.subtract(1.0, d, out=d)            # 1 − a², in one new array
    return d


PRIME_FROM_OUTPUT = {
    "sigmoid": _sigmoid_prime_from_output,
    "tanh": _tanh_prime_from_output,
    "relu": lambda a: (a > 0).astype(a.dtype),
    "identity": lambda a: np.ones_like(a),
}


def get(name):
    """Return ``(g, g_prime)`` for an activation name; ValueError for an unknown name."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}") from None
