import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backprop
from backprop import chain

W, B = [0.5, -1.2, 2.0], [0.1, 0.3, -0.5]


def test_forward_follows_the_definition():
    a = chain.forward(W, B, 0.7)
    assert len(a) == 4 and a[0] == 0.7
    for l in range(1, 4):
        assert a[l] == pytest.approx(1 / (1 + np.exp(-(W[l - 1] * a[l - 1] + B[l - 1]))), rel=1e-15)


def test_cost_is_mean_of_squared_errors():
    a0, y = np.array([0.7, 0.1, -0.4]), np.array([0.2, 0.9, 0.5])
    aL = chain.forward(W, B, a0)[-1]
    assert chain.cost(W, B, a0, y) == pytest.approx(np.mean((aL - y) ** 2), rel=1e-15)
    # J of m examples is the mean of each example's C0
    per_example = [chain.cost(W, B, a0[i], y[i]) for i in range(3)]
    assert chain.cost(W, B, a0, y) == pytest.approx(np.mean(per_example), rel=1e-14)


def _num_grads(w, b, a0, y):
    w, b = np.array(w, float), np.array(b, float)
    a0 = np.array(a0, float)
    f = lambda: chain.cost(w, b, a0, y)
    return (backprop.numerical_gradient(f, w), backprop.numerical_gradient(f, b),
            backprop.numerical_gradient(f, a0))


finite = st.floats(-3, 3, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(L=st.integers(1, 5), m=st.integers(1, 6), seed=st.integers(0, 2**32 - 1))
def test_gradients_agree_with_finite_differences(L, m, seed):
    rng = np.random.default_rng(seed)
    w, b = rng.normal(0, 1.5, L), rng.normal(0, 1, L)
    a0, y = rng.normal(0, 1, m), rng.random(m)
    g = chain.gradients(w, b, a0, y)
    nw, nb, na0 = _num_grads(w, b, a0, y)
    ana = np.concatenate([g["w"], g["b"], g["a"][0]])
    assert backprop.relative_error(ana, np.concatenate([nw, nb, na0])) < 1e-7


def test_gradient_of_a_l_is_per_example_and_checks_out():
    # ∂J/∂a_l for l >= 1: perturb a_l by feeding a shorter chain with a_l as its input
    w, b = np.array([0.8, -1.1, 1.7, 0.6]), np.array([0.2, -0.4, 0.1, 0.3])
    a0, y = np.array([0.3, -0.8]), np.array([0.9, 0.1])
    g = chain.gradients(w, b, a0, y)
    assert g["a"].shape == (4, 2)
    a = chain.forward(w, b, a0)
    for l in range(1, 4):
        a_l = np.array(a[l])
        num = backprop.numerical_gradient(lambda: chain.cost(w[l:], b[l:], a_l, y), a_l)
        np.testing.assert_allclose(g["a"][l], num, rtol=1e-6, atol=1e-11)


def test_one_example_gives_vectors_of_length_L():
    g = chain.gradients(W, B, 0.7, 0.2)
    assert g["w"].shape == g["b"].shape == g["a"].shape == (3,)


def test_gradient_of_J_is_the_mean_of_each_examples_gradient():
    a0, y = np.array([0.7, 0.1, -0.4]), np.array([0.2, 0.9, 0.5])
    g = chain.gradients(W, B, a0, y)
    each = [chain.gradients(W, B, a0[i], y[i]) for i in range(3)]
    np.testing.assert_allclose(g["w"], np.mean([e["w"] for e in each], axis=0), rtol=1e-13)
    np.testing.assert_allclose(g["b"], np.mean([e["b"] for e in each], axis=0), rtol=1e-13)


def test_chain_equals_an_MLP_with_one_neuron_per_layer():
    rng = np.random.default_rng(3)
    w, b = rng.normal(0, 1.5, 3), rng.normal(0, 1, 3)
    a0, y = rng.normal(0, 1, 7), rng.random(7)
    net = backprop.MLP([1, 1, 1, 1])
    for l in range(3):
        net.params[l][0][...] = w[l]
        net.params[l][1][...] = b[l]
    X, Y = a0[None, :], y[None, :]
    assert net.cost(X, Y) == pytest.approx(chain.cost(w, b, a0, y), rel=1e-14)
    g = chain.gradients(w, b, a0, y)
    for l, (dW, db) in enumerate(net.gradients(X, Y)):
        assert dW.item() == pytest.approx(g["w"][l], rel=1e-12)
        assert db.item() == pytest.approx(g["b"][l], rel=1e-12)


def test_last_layer_factors_multiply_to_the_gradient():
    f = chain.last_layer_factors(W, B, 0.7, 0.2)
    g = chain.gradients(W, B, 0.7, 0.2)
    assert f["dC_dw"] == pytest.approx(g["w"][-1], rel=1e-14)
    assert f["dC_db"] == pytest.approx(g["b"][-1], rel=1e-14)
    assert f["dC_da_prev"] == pytest.approx(g["a"][-1], rel=1e-14)
    a = chain.forward(W, B, 0.7)
    assert f["dz_dw"] == a[-2]


@pytest.mark.parametrize("args, message", [
    (([1.0, 2.0], [0.5], 0.3, 0.1), r"w and b must have the same length.*\(2,\).*\(1,\)"),
    (([], [], 0.3, 0.1), "same length L >= 1"),
    (([1.0], [0.5], [0.3, 0.2], [0.1, 0.2, 0.3]), r"a0 of shape \(2,\) and y of shape \(3,\)"),
    (([1.0], [0.5], 0.3, [0.1, 0.2]), r"a0 of shape \(\) and y of shape \(2,\)"),
    (([1.0], [0.5], [[0.3]], [[0.1]]), r"a0 must be a number or a non-empty 1-D array, got shape \(1, 1\)"),
    (([1.0], [np.nan], 0.3, 0.1), "b contains NaN or inf"),
    (([1.0], [0.5], np.inf, 0.1), "a0 contains NaN or inf"),
    (([1.0], [0.5], 0.3, "high"), "y must be numeric"),
])
def test_bad_input_raises_a_clear_ValueError(args, message):
    for f in (chain.cost, chain.gradients):
        with pytest.raises(ValueError, match=message):
            f(*args)
