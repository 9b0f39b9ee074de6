import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import backprop
from backprop import activations, layers


def _setup(seed, n_prev, n, m):
    rng = np.random.default_rng(seed)
    # W scaled as a network initialises it, so z is of order 1 and tanh/sigmoid are not saturated:
    # a saturated unit's gradient is ~1e-9, below what finite differences resolve in float64.
    return (rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)) / np.sqrt(n_prev),
            rng.normal(size=(n, 1)), rng.normal(size=(n, m)))


def test_forward_shapes_and_values():
    A_prev, W, b, _ = _setup(0, 3, 2, 5)
    A, Z = layers.dense_forward(A_prev, W, b, "sigmoid")
    assert A.shape == Z.shape == (2, 5)
    np.testing.assert_allclose(Z[:, 4], W @ A_prev[:, 4] + b[:, 0], rtol=1e-14)
    np.testing.assert_allclose(A, backprop.sigmoid(Z), rtol=0)


@settings(max_examples=80, deadline=None)
@given(n_prev=st.integers(1, 5), n=st.integers(1, 5), m=st.integers(1, 6),
       activation=st.sampled_from(sorted(activations.ACTIVATIONS)), seed=st.integers(0, 2**32 - 1))
def test_backward_agrees_with_finite_differences(n_prev, n, m, activation, seed):
    """C = Σ G ∗ g(W A_prev + b) averaged the recipe's way: dA = G per example, dW, db with 1/m."""
    A_prev, W, b, G = _setup(seed, n_prev, n, m)
    _, Z = layers.dense_forward(A_prev, W, b, activation)
    assume(activation != "relu" or np.min(np.abs(Z)) > 1e-3)   # finite differences across relu's kink
    dA_prev, dW, db = layers.dense_backward(G, Z, A_prev, W, activation)
    assert dA_prev.shape == A_prev.shape and dW.shape == W.shape and db.shape == b.shape
    J = lambda: float(np.sum(G * layers.dense_forward(A_prev, W, b, activation)[0]) / m)
    assert backprop.gradcheck(J, [W, b], [dW, db]) < 1e-7
    # dA_prev is per example: the gradient of the summed (not averaged) cost
    C = lambda: float(np.sum(G * layers.dense_forward(A_prev, W, b, activation)[0]))
    assert backprop.gradcheck(C, [A_prev], [dA_prev]) < 1e-7


def test_the_notes_dZ_times_dW_is_not_dA_prev():
    """The notes' da[l−1] = dz[l] ∗ dW[l]: even when the shapes happen to fit, the numbers are wrong."""
    A_prev, W, b, G = _setup(1, 3, 3, 3)
    _, Z = layers.dense_forward(A_prev, W, b)
    dA_prev, dW, db = layers.dense_backward(G, Z, A_prev, W)
    dZ = G * backprop.sigmoid_prime(Z)
    C = lambda: float(np.sum(G * layers.dense_forward(A_prev, W, b)[0]))
    assert backprop.gradcheck(C, [A_prev], [dA_prev]) < 1e-7
    assert backprop.gradcheck(C, [A_prev], [dZ * dW]) > 0.1
    assert backprop.gradcheck(C, [A_prev], [dZ @ dW]) > 0.1


@pytest.mark.parametrize("which, bad, message", [
    ("A_prev", np.zeros((4, 5)), r"W of shape \(2, 3\) needs A_prev with 3 rows, got A_prev of shape \(4, 5\)"),
    ("b", np.zeros((2,)), r"b must have shape \(2, 1\), got \(2,\)"),
    ("b", np.zeros((1, 2)), r"b must have shape \(2, 1\), got \(1, 2\)"),
    ("W", np.zeros(3), r"W must be 2-D, got shape \(3,\)"),
    ("A_prev", np.full((3, 5), np.nan), "A_prev contains NaN or inf"),
])
def test_forward_bad_input(which, bad, message):
    args = dict(zip(["A_prev", "W", "b"], _setup(0, 3, 2, 5)[:3]))
    args[which] = bad
    with pytest.raises(ValueError, match=message):
        layers.dense_forward(args["A_prev"], args["W"], args["b"], "sigmoid")


@pytest.mark.parametrize("which, bad, message", [
    ("dA", np.zeros((2, 4)), r"dA \(it must match Z\) must have shape \(2, 5\), got \(2, 4\)"),
    ("dA", np.zeros((5, 2)), r"must have shape \(2, 5\), got \(5, 2\)"),
    ("W", np.zeros((3, 2)), r"W \(rows of Z, rows of A_prev\) must have shape \(2, 3\), got \(3, 2\)"),
    ("A_prev", np.zeros((3, 4)), r"A_prev \(columns: one per example, as in Z\) must have shape \(3, 5\), got \(3, 4\)"),
    ("Z", np.array([[np.inf] * 5] * 2), "Z contains NaN or inf"),
])
def test_backward_bad_input(which, bad, message):
    A_prev, W, b, G = _setup(0, 3, 2, 5)
    args = dict(dA=G, Z=W @ A_prev + b, A_prev=A_prev, W=W)
    args[which] = bad
    with pytest.raises(ValueError, match=message):
        layers.dense_backward(args["dA"], args["Z"], args["A_prev"], args["W"], "sigmoid")


def test_unknown_activation_in_the_recipe():
    A_prev, W, b, _ = _setup(0, 3, 2, 5)
    with pytest.raises(ValueError, match="unknown activation 'Sigmoid'"):
        layers.dense_forward(A_prev, W, b, "Sigmoid")
