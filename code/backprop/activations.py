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
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow for any finite z.

    exp is only ever taken of −|z| ≤ 0, so sigmoid(±1e4) warns nothing.
    """
    z = _float(z)
    e = np.exp(-np.abs(z))              # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))[()]


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


def get(name):
    """Return ``(g, g_prime)`` for an activation name; ValueError for an unknown name."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown activation {name!r}; choose one of {sorted(ACTIVATIONS)}") from None
