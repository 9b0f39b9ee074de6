import numpy as np
import pytest

import backprop


def _xor_like(m=64, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (2, m))
    Y = (X[0] * X[1] > 0).astype(float)[None, :]
    return X, Y


def test_training_lowers_the_cost_and_records_history():
    X, Y = _xor_like()
    net = backprop.MLP([2, 8, 1], seed=0)
    h = backprop.train(net, X, Y, lr=2.0, batch_size=8, epochs=200, seed=0)
    assert len(h["step"]) == len(h["cost"]) == len(h["examples"]) == 201
    assert h["step"][1] == 8 and h["examples"][1] == 64
    assert h["cost"][-1] < 0.5 * h["cost"][0]
    assert h["cost"][-1] == pytest.approx(net.cost(X, Y))


def test_training_is_deterministic_for_a_seed():
    X, Y = _xor_like()
    runs = [backprop.train(backprop.MLP([2, 4, 1]), X, Y, lr=1.0, batch_size=5, epochs=3, seed=4)
            for _ in range(2)]
    assert runs[0]["cost"] == runs[1]["cost"]


def test_one_step_is_a_step_against_the_gradient():
    X, Y = _xor_like(10)
    net = backprop.MLP([2, 3, 1], seed=1)
    before = [p.copy() for layer in net.params for p in layer]
    grads = [g for pair in net.gradients(X, Y) for g in pair]
    backprop.step(net, X, Y, lr=0.1)
    after = [p for layer in net.params for p in layer]
    for p0, g, p1 in zip(before, grads, after):
        np.testing.assert_allclose(p1, p0 - 0.1 * g, rtol=1e-15)


def test_bad_training_arguments():
    X, Y = _xor_like(10)
    net = backprop.MLP([2, 3, 1])
    with pytest.raises(ValueError, match="batch_size must be between 1 and m = 10, got 11"):
        backprop.train(net, X, Y, lr=0.1, batch_size=11)
    with pytest.raises(ValueError, match="lr must be positive"):
        backprop.train(net, X, Y, lr=-0.1, batch_size=2)
    with pytest.raises(ValueError, match=r"Y .* must have shape \(1, 10\), got \(1, 9\)"):
        backprop.train(net, X, Y[:, :9], lr=0.1, batch_size=2)


def test_gradcheck_catches_a_wrong_gradient():
    x = np.array([0.3, -1.2, 2.0])
    f = lambda: float(np.sum(np.sin(x) * x))
    right = np.cos(x) * x + np.sin(x)
    assert backprop.gradcheck(f, [x], [right]) < 1e-9
    assert backprop.gradcheck(f, [x], [np.cos(x) * x]) > 0.1
    assert backprop.gradcheck(f, [x], [right * (1 + 1e-4)]) > 1e-5
    np.testing.assert_array_equal(x, [0.3, -1.2, 2.0])        # restored after nudging


def test_gradcheck_rejects_mismatched_shapes():
    x = np.zeros(3)
    with pytest.raises(ValueError, match=r"gradient of shape \(2,\) for a parameter of shape \(3,\)"):
        backprop.gradcheck(lambda: 0.0, [x], [np.zeros(2)])
    with pytest.raises(ValueError, match="float numpy array"):
        backprop.numerical_gradient(lambda: 0.0, np.zeros(3, dtype=int))


def test_train_uses_only_the_public_api_of_mlp():
    import ast
    import inspect
    import textwrap

    src = textwrap.dedent(inspect.getsource(backprop.train))
    private = [n.attr for n in ast.walk(ast.parse(src)) if isinstance(n, ast.Attribute) and n.attr.startswith("_")]
    assert private == []
