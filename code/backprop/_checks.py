"""Input checks shared by every public function.

numpy broadcasting happily turns a (3, 1) array minus a (3,) array into a (3, 3)
array. In a textbook that is the worst kind of bug: a silent wrong number. So every
public function turns its inputs into float arrays here, and says clearly, with
the shapes, what it expected and what it got.
"""
import numpy as np


def finite_array(x, name, ndim=None, dtype=np.float64):
    """Return ``x`` as a float array; raise ValueError if it is not finite or has the wrong ndim."""
    try:
        arr = np.asarray(x, dtype=dtype)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name} must be numeric, got {type(x).__name__}: {err}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contains NaN or inf")
    return arr


def expect_shape(arr, shape, name):
    """Raise ValueError naming both shapes unless ``arr.shape == shape``."""
    if arr.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}, got {arr.shape}")
