import ast
import inspect
import textwrap

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import backprop
from backprop import activations, mlp


def _data(seed, sizes, m, loss="squared"):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(sizes[0], m))
    if loss == "softmax":
        Y = np.eye(sizes[-1])[:, rng.integers(0, sizes[-1], m)]
    else:
        Y = rng.random((sizes[-1], m))
    return X, Y


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=4), m=st.integers(1, 6),
       activation=st.sampled_from(sorted(activations.ACTIVATIONS)),
       loss=st.sampled_from(mlp.LOSSES), seed=st.integers(0, 2**32 - 1))
def test_gradients_agree_with_finite_differences(sizes, m, activation, loss, seed):
    net = backprop.MLP(sizes, activation=activation, seed=seed % 1000, loss=loss)
    for W, b in net.params:                 # non-zero biases, so db is tested too
        b += np.random.default_rng(seed).normal(size=b.shape)
    X, Y = _data(seed, sizes, m, loss)
    if activation == "relu":                # finite differences fail across the kink at z = 0
        A = net.activations(X)
        Z = [W @ A_prev + b for (W, b), A_prev in zip(net.params, A)]
        assume(min(np.min(np.abs(z)) for z in Z) > 1e-3)
    grads = net.gradients(X, Y)
    assert [(dW.shape, db.shape) for dW, db in grads] == [(W.shape, b.shape) for W, b in net.params]
    assert backprop.check_mlp(net, X, Y) < 1e-7


def test_cost_is_the_notes_cost():
    net = backprop.MLP([3, 4, 2], seed=1)
    X, Y = _data(0, [3, 4, 2], 5)
    A = X
    for W, b in net.params:
        A = backprop.sigmoid(W @ A + b)
    assert net.cost(X, Y) == pytest.approx(np.mean(np.sum((A - Y) ** 2, axis=0)), rel=1e-14)


def test_softmax_outputs_are_probabilities_and_cost_is_cross_entropy():
    net = backprop.MLP([3, 4, 3], loss="softmax", seed=2)
    X, Y = _data(0, [3, 4, 3], 6, "softmax")
    P = net.forward(X)
    np.testing.assert_allclose(P.sum(axis=0), 1.0, rtol=1e-14)
    assert net.cost(X, Y) == pytest.approx(-np.mean(np.log(P[Y.argmax(axis=0), range(6)])), rel=1e-13)


def test_params_are_mutable_in_place():
    net = backprop.MLP([2, 3, 1])
    X, Y = _data(0, [2, 3, 1], 4)
    before = net.cost(X, Y)
    net.params[0][0] += 1.0
    assert net.cost(X, Y) != before


def test_seed_makes_the_same_network():
    a, b = backprop.MLP([4, 3, 2], seed=7), backprop.MLP([4, 3, 2], seed=7)
    for (Wa, ba), (Wb, bb) in zip(a.params, b.params):
        np.testing.assert_array_equal(Wa, Wb)
    assert not np.array_equal(backprop.MLP([4, 3, 2], seed=8).params[0][0], a.params[0][0])


def test_gradients_are_vectorised_no_loop_over_examples():
    """One batch of m examples equals m batches of one, averaged; and the code has one loop, over layers."""
    net = backprop.MLP([3, 5, 2], seed=3)
    X, Y = _data(1, [3, 5, 2], 8)
    whole = net.gradients(X, Y)
    singles = [net.gradients(X[:, [i]], Y[:, [i]]) for i in range(8)]
    for l in range(2):
        np.testing.assert_allclose(whole[l][0], np.mean([s[l][0] for s in singles], axis=0), rtol=1e-12)
    src = textwrap.dedent(inspect.getsource(backprop.MLP.gradients))
    loops = [n for n in ast.walk(ast.parse(src)) if isinstance(n, (ast.For, ast.While, ast.comprehension))]
    assert len(loops) == 1 and "range(L" in ast.unparse(loops[0].iter)


def test_float32_network_stays_float32():
    net = backprop.MLP([3, 4, 2], dtype=np.float32)
    X, Y = _data(0, [3, 4, 2], 5)
    assert all(g.dtype == np.float32 for pair in net.gradients(X, Y) for g in pair)


@pytest.mark.parametrize("X_shape, Y_shape, message", [
    ((4, 5), (2, 5), r"X must have shape \(3, m\).*got \(4, 5\)"),
    ((5, 3), (2, 5), r"X must have shape \(3, m\).*got \(5, 3\)"),
    ((3,), (2, 5), r"X must be 2-D, got shape \(3,\)"),
    ((3, 5), (2, 4), r"Y \(output units, examples in X\) must have shape \(2, 5\), got \(2, 4\)"),
    ((3, 5), (5, 2), r"must have shape \(2, 5\), got \(5, 2\)"),
    ((3, 5), (1, 5), r"must have shape \(2, 5\), got \(1, 5\)"),
    ((3, 0), (2, 0), r"m >= 1"),
])
def test_bad_shapes_are_named(X_shape, Y_shape, message):
    net = backprop.MLP([3, 4, 2])
    for f in (net.cost, net.gradients):
        with pytest.raises(ValueError, match=message):
            f(np.zeros(X_shape), np.zeros(Y_shape))


def test_nan_inputs_and_bad_constructor_args():
    net = backprop.MLP([3, 4, 2])
    X, Y = _data(0, [3, 4, 2], 5)
    X[1, 2] = np.nan
    with pytest.raises(ValueError, match="X contains NaN or inf"):
        net.gradients(X, Y)
    with pytest.raises(ValueError, match="unknown activation 'sigmod'"):
        backprop.MLP([3, 2], activation="sigmod")
    with pytest.raises(ValueError, match="unknown loss"):
        backprop.MLP([3, 2], loss="hinge")
    with pytest.raises(ValueError, match="at least two layer sizes"):
        backprop.MLP([3])


def test_activations_is_the_forward_cache():
    net = backprop.MLP([3, 4, 2], seed=1)
    X, Y = _data(0, [3, 4, 2], 5)
    A = net.activations(X)
    assert [a.shape for a in A] == [(3, 5), (4, 5), (2, 5)]
    np.testing.assert_array_equal(A[0], X)
    by_hand = X
    for (W, b), A_l in zip(net.params, A[1:]):
        by_hand = backprop.sigmoid(W @ by_hand + b)
        np.testing.assert_allclose(A_l, by_hand, rtol=1e-14)
    np.testing.assert_array_equal(A[-1], net.forward(X))
    with pytest.raises(ValueError, match=r"X must have shape \(3, m\) .* got \(2, 5\)"):
        net.activations(X[:2])


def test_check_data_is_public_and_names_both_shapes():
    net = backprop.MLP([3, 4, 2])
    X, Y = _data(0, [3, 4, 2], 5)
    X2, Y2 = net.check_data(X.tolist(), Y.tolist())
    assert X2.dtype == Y2.dtype == np.float64 and X2.shape == (3, 5) and Y2.shape == (2, 5)
    with pytest.raises(ValueError, match=r"Y .* must have shape \(2, 5\), got \(2, 4\)"):
        net.check_data(X, Y[:, :4])
