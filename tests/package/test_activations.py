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
