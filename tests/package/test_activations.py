import warnings

import numpy as np
import pytest

import backprop
from backprop import activations
from backprop.gradcheck import numerical_gradient


def test_sigmoid_extremes_warn_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = backprop.sigmoid(np.array([-1e4, -50.0, 0.0, 50.0, 1e4]))
        ds = backprop.sigmoid_prime(np.array([-1e4, 1e4]))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[2] == 0.5
    assert np.all(ds == 0.0)
    assert np.all(np.diff(s) >= 0)


def test_sigmoid_matches_definition_where_it_is_safe():
    z = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(backprop.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15, atol=1e-300)
    e = np.exp(-z)     # σ' = e^(−z)/(1 + e^(−z))²; s(1 − s) would lose digits to cancellation
    np.testing.assert_allclose(backprop.sigmoid_prime(z), e / (1 + e) ** 2, rtol=1e-13)


def test_scalars_stay_scalars():
    assert np.ndim(backprop.sigmoid(0.3)) == 0
    assert backprop.sigmoid(0.0) == 0.5


@pytest.mark.parametrize("name", sorted(activations.ACTIVATIONS))
def test_every_derivative_agrees_with_finite_differences(name):
    g, g_prime = activations.get(name)
    z = np.array([-2.3, -0.7, 0.4, 1.9])     # away from relu's kink at 0
    for i in range(z.size):
        num = numerical_gradient(lambda: float(g(z)[i]), z)[i]
        assert abs(num - g_prime(z)[i]) < 1e-8


def test_unknown_activation_is_named():
    with pytest.raises(ValueError, match="unknown activation 'softplus'"):
        activations.get("softplus")


@pytest.mark.parametrize("name", sorted(activations.ACTIVATIONS))
def test_derivative_from_the_output_is_the_derivative(name):
    g, g_prime = activations.get(name)
    z = np.linspace(-6, 6, 25) + 0.01        # no exact 0: relu' is taken to be 0 there
    np.testing.assert_allclose(activations.PRIME_FROM_OUTPUT[name](g(z)), g_prime(z), rtol=1e-12, atol=1e-15)
    assert set(activations.PRIME_FROM_OUTPUT) == set(activations.ACTIVATIONS)


def test_sigmoid_keeps_float32_and_leaves_its_input_alone():
    z = np.array([-100.0, -1.0, 0.0, 3.0], dtype=np.float32)
    before = z.copy()
    s = backprop.sigmoid(z)
    assert s.dtype == np.float32 and np.array_equal(z, before)
    # σ(−100) = 3.7e-44 is below float32's normal range; float32 gives 0 there
    np.testing.assert_allclose(s, 1 / (1 + np.exp(-before.astype(float))), rtol=1e-6, atol=1e-37)
