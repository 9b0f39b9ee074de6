"""backprop.sharing: the gradient without sharing, per parameter and in forward mode (chapter 6)."""
import numpy as np
import pytest

from backprop import MLP, sharing, timing


@pytest.mark.parametrize("sizes", [[3, 4, 2], [2, 3, 4, 2], [5, 1]])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_both_give_backprops_gradients_and_do_the_work_they_count(sizes, activation):
    rng = np.random.default_rng(1)
    net = MLP(sizes, activation=activation, seed=2)
    X, Y = rng.normal(size=(sizes[0], 6)), rng.random((sizes[-1], 6))
    expected = net.gradients(X, Y)
    for method, formula in [(sharing.gradients_no_reuse, sharing.multiply_adds_no_reuse),
                            (sharing.gradients_forward_mode, sharing.multiply_adds_forward_mode)]:
        grads, count = method(net, X, Y)
        for (dW, db), (dW_bp, db_bp) in zip(grads, expected):
            np.testing.assert_allclose(dW, dW_bp, rtol=1e-12, atol=1e-14)
            np.testing.assert_allclose(db, db_bp, rtol=1e-12, atol=1e-14)
        assert count == formula(sizes, 6)


def test_the_counts_written_out():
    # 2-3-1 on m = 4: P_1 = 9, P_2 = 4; the one product above layer 1 is W[2]ᵀ dZ[2], 3·1·4
    m = 4
    assert sharing.multiply_adds_no_reuse([2, 3, 1], m) == 9 * 12 + m * (6 + 3)
    assert sharing.multiply_adds_forward_mode([2, 3, 1], m) == 9 * (12 + 4) + 4 * 4


@pytest.mark.parametrize("sizes", [[2, 3, 1], [64, 32, 10], [8, 16, 16, 4], [784, 256, 256, 10]])
def test_no_reuse_does_backprops_backward_work_plus_each_dA_again_per_parameter_below(sizes):
    m = 32
    _, backward = timing.multiply_adds(sizes, m)
    extra = 0
    for k in range(2, len(sizes)):            # dA[k−1] = W[k]ᵀ dZ[k]: backprop once, no reuse
        below = timing.n_params(sizes[:k])      # once per parameter of layers 1 … k − 1
        extra += (below - 1) * sizes[k] * sizes[k - 1] * m
    assert sharing.multiply_adds_no_reuse(sizes, m) == backward + extra


def test_refuses_what_it_cannot_differentiate():
    net = MLP([3, 2], loss="softmax")
    X, Y = np.zeros((3, 2)), np.eye(2)
    with pytest.raises(ValueError, match="squared-error"):
        sharing.gradients_no_reuse(net, X, Y)
    with pytest.raises(ValueError, match=r"\(2, 2\)"):
        sharing.gradients_forward_mode(MLP([3, 2]), X[:2], Y)
